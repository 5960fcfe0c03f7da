using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Starmap.Http;

/// <summary>
/// Rendered answers of the snapshot read routes, keyed by path and query string and valid for one catalog
/// generation. A snapshot never changes once published, so the same request at the same generation always
/// renders the same bytes: those bytes (and, rendered once, their Brotli and gzip forms) are kept and served
/// again until the silo's replica moves to a newer generation, which makes every entry stale at once.
/// </summary>
/// <remarks>
/// An answer is kept only when it is known to come from the generation it is filed under: the replica's
/// generation read before the handler ran, equal to the one read after it, and equal to the ETag the handler
/// set. The answers do not depend on who asks (the API key is checked before any handler runs, and keyed
/// reads only add <c>private</c> to Cache-Control, which is kept with the bytes).
/// </remarks>
internal sealed class GenerationResponseCache
{
    /// <summary>Answers above this size are served but not kept (a full page of the ×10 catalog, say).</summary>
    public const int MaxEntryBytes = 2 * 1024 * 1024;

    /// <summary>The kept bytes (identity and compressed forms) above which no new entry is added until the next generation.</summary>
    public const long MaxTotalBytes = 128L * 1024 * 1024;

    private readonly Dictionary<string, CachedAnswer> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _generation = -1;
    private long _bytes;

    /// <summary>The answer kept for this request key at <paramref name="generation"/>, or null.</summary>
    public CachedAnswer? Find(string key, long generation)
    {
        lock (_gate)
        {
            return _generation == generation && _entries.TryGetValue(key, out var answer) ? answer : null;
        }
    }

    /// <summary>Keeps <paramref name="answer"/>; a newer generation drops everything kept before it.</summary>
    public void Keep(string key, CachedAnswer answer)
    {
        lock (_gate)
        {
            if (answer.Generation < _generation)
            {
                return;
            }
            if (answer.Generation > _generation)
            {
                _entries.Clear();
                _bytes = 0;
                _generation = answer.Generation;
            }
            if (_bytes + answer.Identity.Length > MaxTotalBytes || _entries.ContainsKey(key))
            {
                return;
            }
            _entries[key] = answer;
            _bytes += answer.Identity.Length;
        }
    }

    /// <summary>Counts what a compressed form added to the kept bytes.</summary>
    internal void Account(long bytes)
    {
        lock (_gate)
        {
            _bytes += bytes;
        }
    }

    /// <summary>Entries kept (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }
}

/// <summary>One rendered answer: JSON bytes at one generation, with the headers the handler set for them.</summary>
internal sealed class CachedAnswer(GenerationResponseCache owner, long generation, byte[] identity, string etag, string cacheControl)
{
    private byte[]? _brotli;
    private byte[]? _gzip;

    public long Generation { get; } = generation;

    public byte[] Identity { get; } = identity;

    public string ETag { get; } = etag;

    public string CacheControl { get; } = cacheControl;

    /// <summary>The Brotli form, compressed on first use (two racing requests may both compress; either result is the same bytes' encoding).</summary>
    public byte[] Brotli => _brotli ??= Compress(stream => new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true));

    /// <summary>The gzip form, compressed on first use.</summary>
    public byte[] Gzip => _gzip ??= Compress(stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true));

    private byte[] Compress(Func<Stream, Stream> encoder)
    {
        using var buffer = new MemoryStream(Identity.Length / 4 + 64);
        using (var compressing = encoder(buffer))
        {
            compressing.Write(Identity);
        }
        var bytes = buffer.ToArray();
        owner.Account(bytes.Length);
        return bytes;
    }
}

/// <summary>The endpoint filter that answers from <see cref="GenerationResponseCache"/> and fills it.</summary>
internal static class GenerationCaching
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// Serves this read route's answers from the generation cache. Only for routes answered wholly from the
    /// silo's snapshot through <see cref="CatalogResults.Json"/> (ETag = the generation), never for keyed
    /// writes, per-caller answers or routes that read grains.
    /// </summary>
    public static TBuilder CachedByGeneration<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices;
            // Only inside a silo: the replica's generation is a local read, and it is what the handler reads.
            if (services.GetService<ICatalogReader>() is not { } reader
                || services.GetService<GenerationResponseCache>() is not { } cache)
            {
                return next;
            }
            var options = services.GetRequiredService<StarmapHttpOptions>();
            var shared = services.GetRequiredService<StarmapCatalog>();
            return async invocation => await AnswerAsync(invocation, next, reader, cache, shared, options.Compression);
        });

    private static async ValueTask<object?> AnswerAsync(
        EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, ICatalogReader reader,
        GenerationResponseCache cache, StarmapCatalog shared, bool compression)
    {
        var http = invocation.HttpContext;
        var request = http.Request;
        // Conditional requests keep their own path (a 304 costs nothing to render).
        if (request.Headers.ContainsKey(HeaderNames.IfNoneMatch))
        {
            return await next(invocation);
        }
        var generation = await reader.GetGenerationAsync();
        // The shared facade may have seen a newer generation (a write through this host) than the replica holds:
        // the handler then waits for it, and an answer kept at the replica's generation would go back in time.
        if (generation < shared.SeenGeneration)
        {
            return await next(invocation);
        }
        var key = string.Concat(request.PathBase.Value, request.Path.Value, request.QueryString.Value);
        if (cache.Find(key, generation) is { } kept)
        {
            return new CachedResult(kept, compression);
        }
        var result = await next(invocation);
        if (Render(result, http, generation) is not { } identity
            || identity.Length > GenerationResponseCache.MaxEntryBytes
            || await reader.GetGenerationAsync() != generation)
        {
            return result;
        }
        var answer = new CachedAnswer(cache, generation, identity, http.Response.Headers.ETag.ToString(), http.Response.Headers.CacheControl.ToString());
        cache.Keep(key, answer);
        return new CachedResult(answer, compression);
    }

    /// <summary>The JSON bytes of a 200 answer the handler tagged with <paramref name="generation"/>, else null.</summary>
    private static byte[]? Render(object? result, HttpContext http, long generation)
    {
        if (result is IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) }
            || result is not IValueHttpResult { Value: { } value }
            || result.GetType() is not { IsGenericType: true } type
            || type.GetGenericTypeDefinition() != typeof(JsonHttpResult<>)
            || http.Response.Headers.ETag.ToString() != $"\"{generation}\"")
        {
            return null;
        }
        // JsonHttpResult<T> writes the value as its declared T with the options the handler gave (HttpJson's).
        return JsonSerializer.SerializeToUtf8Bytes(value, type.GetGenericArguments()[0], HttpJson.Options);
    }

    /// <summary>Writes a kept answer in the best encoding the client accepts (Brotli, gzip, else none).</summary>
    private sealed class CachedResult(CachedAnswer answer, bool compression) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var (body, encoding) = compression ? Choose(httpContext.Request.Headers.AcceptEncoding) : (null, null);
            body ??= answer.Identity;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = JsonContentType;
            response.Headers.ETag = answer.ETag;
            response.Headers.CacheControl = answer.CacheControl;
            if (compression)
            {
                response.Headers.Vary = HeaderNames.AcceptEncoding;
            }
            if (encoding is not null)
            {
                // Set before the body is written, so the compression middleware leaves it as it is.
                response.Headers.ContentEncoding = encoding;
            }
            response.ContentLength = body.Length;
            return HttpMethods.IsHead(httpContext.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length);
        }

        private (byte[]? Body, string? Encoding) Choose(StringValues acceptEncoding)
        {
            if (StringValues.IsNullOrEmpty(acceptEncoding)
                || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var accepted))
            {
                return (null, null);
            }
            if (Accepts(accepted, "br"))
            {
                return (answer.Brotli, "br");
            }
            return Accepts(accepted, "gzip") ? (answer.Gzip, "gzip") : (null, null);
        }

        private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding)
        {
            foreach (var value in accepted)
            {
                if (value.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
                {
                    return value.Quality is not 0;
                }
            }
            return false;
        }
    }
}
