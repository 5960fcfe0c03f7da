using System.Diagnostics.Metrics;
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
/// Memory is bounded by <see cref="StarmapHttpOptions.ResponseCacheBytes"/>: every kept byte counts (the
/// answer, its compressed forms, its key and headers, and a fixed cost per entry). When a new answer would go
/// over it, older answers make room, oldest first, except that one asked for since the last sweep gets a
/// second chance (a "clock"): a flood of distinct queries cannot push out the answers that are in use, and it
/// cannot stop new answers from being kept either.
/// </remarks>
internal sealed class GenerationResponseCache
{
    /// <summary>Answers above this size are served but not kept (a full page of the ×10 catalog, say).</summary>
    public const int MaxEntryBytes = 2 * 1024 * 1024;

    /// <summary>What an entry costs besides its bytes and strings (its objects and its slots in the dictionary and queue).</summary>
    internal const int EntryOverheadBytes = 256;

    private readonly Dictionary<string, CachedAnswer> _entries = new(StringComparer.Ordinal);
    // Keys in the order they were kept; the sweep takes them from the front.
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();
    private readonly long _maxBytes;
    private long _generation = -1;
    private long _bytes;
    private long _hits;
    private long _misses;

    public GenerationResponseCache(StarmapHttpOptions options, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxBytes = options.ResponseCacheBytes;
        if (meters?.Create(MeterName) is { } meter)
        {
            meter.CreateObservableGauge("starmap.http.response_cache.bytes", () => Bytes, description: "Bytes the HTTP response cache holds (answers, compressed forms, keys, per-entry cost)");
            meter.CreateObservableGauge("starmap.http.response_cache.entries", () => Count, description: "Answers the HTTP response cache holds");
            meter.CreateObservableCounter("starmap.http.response_cache.hits", () => Interlocked.Read(ref _hits), description: "Requests answered from the HTTP response cache (a 200 or a 304)");
            meter.CreateObservableCounter("starmap.http.response_cache.misses", () => Interlocked.Read(ref _misses), description: "Cacheable requests the route answered itself");
        }
    }

    /// <summary>The meter of the Starmap instruments (the silo exports it).</summary>
    internal const string MeterName = "Starmap";

    /// <summary>The answer kept for this request key at <paramref name="generation"/>, or null.</summary>
    public CachedAnswer? Find(string key, long generation)
    {
        lock (_gate)
        {
            if (_generation != generation || !_entries.TryGetValue(key, out var answer))
            {
                _misses++;
                return null;
            }
            _hits++;
            answer.Used = true;
            return answer;
        }
    }

    /// <summary>Keeps <paramref name="answer"/>; a newer generation drops everything kept before it.</summary>
    public void Keep(CachedAnswer answer)
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
                _order.Clear();
                _bytes = 0;
                _generation = answer.Generation;
            }
            if (answer.Size > _maxBytes || _entries.ContainsKey(answer.Key))
            {
                return;
            }
            _entries[answer.Key] = answer;
            _order.Enqueue(answer.Key);
            _bytes += answer.Size;
            Trim(answer);
        }
    }

    /// <summary>Counts a compressed form of <paramref name="answer"/> while it is kept (one no longer kept costs nothing here).</summary>
    internal void Account(CachedAnswer answer, int bytes)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(answer.Key, out var kept) && ReferenceEquals(kept, answer))
            {
                answer.Size += bytes;
                _bytes += bytes;
                Trim(answer);
            }
        }
    }

    // Under the gate: drops answers, oldest first with a second chance for one in use, until the rest fit.
    // Two rounds at most: the first clears every "used" mark it passes. The answer just kept or grown goes last.
    private void Trim(CachedAnswer keep)
    {
        for (var visits = 2 * _order.Count; _bytes > _maxBytes && visits > 0 && _order.Count > 0; visits--)
        {
            var key = _order.Dequeue();
            if (!_entries.TryGetValue(key, out var answer))
            {
                continue;
            }
            if (answer.Used || ReferenceEquals(answer, keep))
            {
                answer.Used = false;
                _order.Enqueue(key);
                continue;
            }
            _entries.Remove(key);
            _bytes -= answer.Size;
        }
        if (_bytes > _maxBytes && _entries.Remove(keep.Key))
        {
            // Nothing else left to drop: the newcomer itself does not fit beside what remains.
            _bytes -= keep.Size;
        }
    }

    /// <summary>Entries kept (the gauge, and tests).</summary>
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

    /// <summary>Bytes counted against <see cref="StarmapHttpOptions.ResponseCacheBytes"/>.</summary>
    internal long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }
}

/// <summary>One rendered answer: JSON bytes at one generation, with the headers the handler set for them.</summary>
internal sealed class CachedAnswer(GenerationResponseCache owner, string key, long generation, byte[] identity, string etag, string cacheControl)
{
    private byte[]? _brotli;
    private byte[]? _gzip;

    public string Key { get; } = key;

    public long Generation { get; } = generation;

    public byte[] Identity { get; } = identity;

    public string ETag { get; } = etag;

    public string CacheControl { get; } = cacheControl;

    /// <summary>Bytes this entry holds, as counted by its cache (changed under the cache's lock).</summary>
    internal long Size { get; set; } = identity.Length + 2L * (key.Length + etag.Length + cacheControl.Length) + GenerationResponseCache.EntryOverheadBytes;

    /// <summary>Asked for since the cache's last sweep passed it (a benign race: a lost mark costs one eviction).</summary>
    internal bool Used { get; set; }

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
        owner.Account(this, bytes.Length);
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
            // A conditional request is answered from the kept ETag: the handler would compare the same tag.
            return request.Headers.ContainsKey(HeaderNames.IfNoneMatch) && NotModified(request, kept)
                ? new NotModifiedResult(kept)
                : new CachedResult(kept, compression);
        }
        var result = await next(invocation);
        // Only a plain 200 is kept (a conditional request's 304 has no bytes to keep).
        if (Render(result, http, generation) is not { } identity
            || identity.Length > GenerationResponseCache.MaxEntryBytes
            || await reader.GetGenerationAsync() != generation)
        {
            return result;
        }
        var answer = new CachedAnswer(cache, key, generation, identity, http.Response.Headers.ETag.ToString(), http.Response.Headers.CacheControl.ToString());
        cache.Keep(answer);
        return new CachedResult(answer, compression);
    }

    /// <summary>True when the request's <c>If-None-Match</c> names the kept answer's tag, as the route itself decides.</summary>
    private static bool NotModified(HttpRequest request, CachedAnswer kept) =>
        EntityTagHeaderValue.TryParse(kept.ETag, out var etag) && CatalogResults.IsCurrent(request, etag);

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

    /// <summary>The 304 of a kept answer, with the headers the handler's 304 has (ETag, Cache-Control).</summary>
    private sealed class NotModifiedResult(CachedAnswer answer) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ETag = answer.ETag;
            response.Headers.CacheControl = answer.CacheControl;
            return Task.CompletedTask;
        }
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
