using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Starmap.Sources.Http;

/// <summary>
/// GET with the sources' rules: key placement, a per-request timeout, retries with exponential
/// backoff on 408/429/5xx, timeouts and broken connections (honouring Retry-After, capped), a
/// response size cap, and messages that name the provider and URL but never a key.
/// </summary>
internal sealed class SourceHttp(IHttpClientFactory factory, IOptions<SourceOptions> options, TimeProvider time, ILogger<SourceHttp> logger)
{
    public const string ClientName = "Starmap.Sources";

    private const int ErrorExcerptChars = 300;

    private readonly SourceOptions _options = options.Value;

    /// <summary>The URL as shown in messages: the key is never in it (query keys are added to the request only).</summary>
    public static string Display(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    /// <summary>Reads <paramref name="url"/> and returns the body; throws <see cref="SourceException"/>.</summary>
    public async Task<byte[]> GetAsync(SourceCall call, Uri url, CancellationToken cancellationToken)
    {
        var client = factory.CreateClient(ClientName);
        for (var attempt = 0; ; attempt++)
        {
            string reason;
            TimeSpan? retryAfter = null;
            var readingBody = false;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.RequestTimeout);
                try
                {
                    using var request = BuildRequest(call, url);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    logger.LogDebug("{Provider}: GET {Url} answered {Status}", call.ProviderId, Display(url), (int)response.StatusCode);
                    if (response.IsSuccessStatusCode)
                    {
                        readingBody = true;
                        return await ReadBodyAsync(call, url, response, timeout.Token).ConfigureAwait(false);
                    }
                    reason = await DescribeFailureAsync(response, timeout.Token).ConfigureAwait(false);
                    if (!IsTransient(response.StatusCode))
                    {
                        throw call.Fail(url, reason);
                    }
                    retryAfter = RetryAfter.Read(response.Headers, time.GetUtcNow());
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    reason = $"no complete response within {Format(_options.RequestTimeout)}";
                    logger.LogDebug(ex, "{Provider}: GET {Url} timed out", call.ProviderId, Display(url));
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    // After the headers, a broken connection (reset, or "response ended prematurely")
                    // means the body was cut off; before them, the request itself failed.
                    reason = (readingBody || ex is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }
                        ? "response cut off: " : "request failed: ") + ex.Message;
                }
            }

            if (attempt >= _options.MaxRetries)
            {
                var tries = attempt + 1;
                throw call.Fail(url, tries == 1 ? reason : $"{reason} (gave up after {tries} attempts)");
            }
            var delay = Backoff(attempt, retryAfter);
            logger.LogWarning("{Provider}: GET {Url} failed ({Reason}); retry {Retry} of {MaxRetries} in {Delay}",
                call.ProviderId, Display(url), Secrets.Scrub(reason, call.Secret), attempt + 1, _options.MaxRetries, Format(delay));
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
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

    private static async Task<byte[]> ReadBodyAsync(SourceCall call, Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var max = call.MaxBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > max)
        {
            throw call.Fail(url, $"response of {declared} bytes exceeds the {max}-byte limit");
        }
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    // Chunked or compressed bodies have no honest length up front: count as they come.
                    throw call.Fail(url, $"response exceeds the {max}-byte limit");
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    private static async Task<string> DescribeFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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
        if (excerpt.Length > ErrorExcerptChars)
        {
            excerpt = excerpt[..ErrorExcerptChars] + "...";
        }
        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (the API key was refused)" : "";
        return excerpt.Length == 0 ? status + hint : $"{status}{hint}: {excerpt}";
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt, 20)));
        return delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    internal static string Format(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";
}
