using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Starmap.Sources.Http;

/// <summary>
/// GET with the sources' rules: key placement, a per-request timeout, retries with exponential
/// backoff on 408/429/5xx, timeouts and broken connections (honouring Retry-After, capped), a
/// response size cap, and messages that name the provider and URL but never a key. The retries and
/// timeouts are the named client's resilience handler (<see cref="SourceResilience"/>).
/// </summary>
internal sealed class SourceHttp(IHttpClientFactory factory, IOptions<SourceOptions> options, ILogger<SourceHttp> logger)
{
    public const string ClientName = "Starmap.Sources";

    private const int ErrorExcerptChars = 300;

    private readonly SourceOptions _options = options.Value;

    /// <summary>The URL as shown in messages: the key is never in it (query keys are added to the request only).</summary>
    public static string Display(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    /// <summary>Reads <paramref name="url"/> and returns the body; throws <see cref="SourceException"/>.</summary>
    /// <remarks>
    /// Retries, attempt timeouts and Retry-After are the client's resilience pipeline
    /// (<see cref="SourceResilience"/>); the body is read inside each attempt (<see cref="SourceAttemptHandler"/>).
    /// </remarks>
    public async Task<byte[]> GetAsync(SourceCall call, Uri url, CancellationToken cancellationToken)
    {
        if (call.Key is not null && url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
        {
            // Anyone on the way would read it: a key leaves this machine only encrypted.
            throw call.Fail(url, "an API key is sent only over https (or to this machine), and this URL is plain http to another host; nothing was requested");
        }
        var client = factory.CreateClient(ClientName);
        var attempt = new SourceAttempt(call, url);
        using var request = BuildRequest(call, url);
        request.Options.Set(SourceAttempt.Key, attempt);
        string reason;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            SourceLog.Answered(logger, call.ProviderId, attempt.Display, (int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            reason = await DescribeFailureAsync(response, call.Secret, cancellationToken).ConfigureAwait(false);
            if (!SourceResilience.IsTransient(response.StatusCode))
            {
                throw call.Fail(url, reason);
            }
        }
        catch (UnreadableResponseException ex)
        {
            throw call.Fail(url, ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException)
        {
            reason = SourceResilience.Reason(ex, attempt, _options);
            SourceLog.AttemptFailed(logger, call.ProviderId, attempt.Display, Secrets.Scrub(reason, call.Secret));
        }
        var tries = attempt.Attempts;
        throw call.Fail(url, tries <= 1 ? reason : $"{reason} (gave up after {tries} attempts)");
    }

    private static HttpRequestMessage BuildRequest(SourceCall call, Uri url)
    {
        var target = url;
        if (call.Key is { QueryParameter: { } parameter } queryKey)
        {
            target = Query.With(url, parameter, queryKey.Value);
        }
        var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Accept.ParseAdd("application/json");
        foreach (var header in call.StaticHeaders)
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }
        if (call.Key is { Header: { } name } headerKey)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, headerKey.HeaderValue);
        }
        return request;
    }

    private static async Task<string> DescribeFailureAsync(HttpResponseMessage response, string? secret, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            // Redirects are not followed: a custom key header would travel to wherever they point.
            return $"{status}: redirect to {response.Headers.Location} not followed";
        }
        string excerpt;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            excerpt = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (HttpRequestException)
        {
            excerpt = "";
        }
        catch (IOException)
        {
            excerpt = "";
        }
        excerpt = Secrets.Excerpt(excerpt, ErrorExcerptChars, secret);
        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (the API key was refused)" : "";
        return excerpt.Length == 0 ? status + hint : $"{status}{hint}: {excerpt}";
    }

    internal static string Format(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";
}
