using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>
/// The generation-keyed cache of rendered answers, on a silo of its own (the tests publish): a publish
/// changes the answer, different requests never share one, and every encoding decodes to the same JSON.
/// </summary>
public sealed class ResponseCacheTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task WithSiloAsync(Func<SiloProcess, HttpClient, Task> test, params (string Name, string Value)[] settings)
    {
        var data = await SeededStore.NewFolderAsync("http-cache");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey, settings));
            using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = silo.Http };
            await test(silo, client);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static async Task<(string ETag, byte[] Body, string? Encoding)> GetAsync(HttpClient client, string url, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag!.Tag, await response.Content.ReadAsByteArrayAsync(Cancel), response.Content.Headers.ContentEncoding.SingleOrDefault());
    }

    /// <summary>
    /// The value of one <c>starmap_http_response_cache_*</c> series once it satisfies <paramref name="done"/>, or
    /// its last value at the deadline (the Prometheus exporter keeps a scrape for 300 ms).
    /// </summary>
    private static async Task<long> MetricAsync(HttpClient client, string series, Func<long, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var text = await client.GetStringAsync("/metrics", Cancel);
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + "{", StringComparison.Ordinal) || l.StartsWith(series + " ", StringComparison.Ordinal));
            var value = line is null ? -1 : long.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
            if (done(value) || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return value;
            }
            await Task.Delay(100, Cancel);
        }
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            null => input,
            _ => throw new InvalidOperationException($"unexpected encoding {encoding}"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public async Task A_publish_changes_the_cached_answer_of_a_list_and_of_a_point_read()
    {
        await WithSiloAsync(async (silo, client) =>
        {
            const string list = "/api/v1/models?provider=groq&sort=id&limit=3";
            const string newId = "0-cache-probe";
            var first = await GetAsync(client, list);
            var again = await GetAsync(client, list);
            Assert.Equal(first.ETag, again.ETag);
            Assert.Equal(first.Body, again.Body);
            Assert.DoesNotContain(newId, System.Text.Encoding.UTF8.GetString(first.Body), StringComparison.Ordinal);
            using (var missing = await client.GetAsync($"/api/v1/models/groq/{newId}", Cancel))
            {
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            }

            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } });
            var groq = await connection.Catalog.Providers.GetAsync("groq");
            // Sorts first by ID, so it must lead the cached page once published.
            var write = await connection.Catalog.Providers.SetModelAsync("groq", groq.Offerings[0] with { ModelId = newId, Name = "Cache Probe" });

            var deadline = Stopwatch.StartNew();
            var after = await GetAsync(client, list);
            while (after.ETag == first.ETag && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                after = await GetAsync(client, list);
            }
            Assert.Equal($"\"{write.Generation}\"", after.ETag);
            Assert.Contains(newId, System.Text.Encoding.UTF8.GetString(after.Body), StringComparison.Ordinal);
            var point = await GetAsync(client, $"/api/v1/models/groq/{newId}");
            Assert.Contains("Cache Probe", System.Text.Encoding.UTF8.GetString(point.Body), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Different_queries_get_their_own_answers_and_every_encoding_decodes_to_the_same_json()
    {
        await WithSiloAsync(async (_, client) =>
        {
            string[] urls =
            [
                "/api/v1/models?provider=groq&limit=1",
                "/api/v1/models?provider=groq&limit=2",
                "/api/v1/models?provider=openai&limit=2",
                "/api/v1/providers",
            ];
            var bodies = new List<byte[]>();
            foreach (var url in urls)
            {
                // Twice each, so the second answer of every encoding comes from the cache.
                var identity = await GetAsync(client, url);
                Assert.Null(identity.Encoding);
                foreach (var encoding in new[] { null, "gzip", "br", "gzip, br", "br;q=0, gzip", "deflate" })
                {
                    for (var round = 0; round < 2; round++)
                    {
                        var answer = await GetAsync(client, url, encoding);
                        var expected = encoding switch
                        {
                            "gzip" or "br;q=0, gzip" => "gzip",
                            "br" or "gzip, br" => "br",
                            _ => null,
                        };
                        Assert.Equal(expected, answer.Encoding);
                        Assert.Equal(identity.ETag, answer.ETag);
                        Assert.Equal(identity.Body, Decode(answer.Body, answer.Encoding));
                    }
                }
                bodies.Add(identity.Body);
            }
            Assert.Equal(bodies.Count, bodies.Select(Convert.ToBase64String).Distinct().Count());
        });
    }

    [Fact]
    public async Task A_cached_answer_keeps_its_headers_and_conditional_and_head_requests_still_work()
    {
        await WithSiloAsync(async (_, client) =>
        {
            const string url = "/api/v1/models?provider=groq&limit=2";
            var first = await GetAsync(client, url);
            using var cached = await client.GetAsync(url, Cancel);
            Assert.Equal("no-cache", cached.Headers.CacheControl!.ToString());
            Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, cached.Content.Headers.ContentType);
            Assert.Equal(first.Body.Length, cached.Content.Headers.ContentLength);

            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(first.ETag));
            using var notModified = await client.SendAsync(conditional, Cancel);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Cancel);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(first.ETag, head.Headers.ETag!.Tag);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
        });
    }
    [Fact]
    public async Task A_revalidation_of_a_kept_list_is_answered_304_from_the_cache_and_after_a_publish_gets_the_new_answer()
    {
        await WithSiloAsync(async (silo, client) =>
        {
            const string list = "/api/v1/models?provider=groq&sort=id&limit=3";
            const string newId = "0-revalidation-probe";
            var first = await GetAsync(client, list);
            var hits = await MetricAsync(client, "starmap_http_response_cache_hits_total", _ => true);

            var notModified = await RevalidateAsync(first.ETag);
            Assert.Equal(HttpStatusCode.NotModified, notModified.Status);
            Assert.Equal(first.ETag, notModified.ETag);
            Assert.Equal("no-cache", notModified.CacheControl);
            Assert.Empty(notModified.Body);
            // The 304 came from the kept answer, not from running the query again.
            Assert.True(await MetricAsync(client, "starmap_http_response_cache_hits_total", value => value > hits) > hits);
            // A tag that is not the current one gets the kept answer itself.
            var other = await RevalidateAsync("\"1\"");
            Assert.Equal(HttpStatusCode.OK, other.Status);
            Assert.Equal(first.Body, other.Body);

            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } });
            var groq = await connection.Catalog.Providers.GetAsync("groq");
            var write = await connection.Catalog.Providers.SetModelAsync("groq", groq.Offerings[0] with { ModelId = newId, Name = "Revalidation Probe" });

            // Once the silo serves the new generation, the old tag is stale: a 200 with the new page, never a 304.
            var deadline = Stopwatch.StartNew();
            var after = await RevalidateAsync(first.ETag);
            while (after.Status == HttpStatusCode.NotModified && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                after = await RevalidateAsync(first.ETag);
            }
            Assert.Equal(HttpStatusCode.OK, after.Status);
            Assert.Equal($"\"{write.Generation}\"", after.ETag);
            Assert.Contains(newId, System.Text.Encoding.UTF8.GetString(after.Body), StringComparison.Ordinal);
            // And the new tag revalidates as 304.
            Assert.Equal(HttpStatusCode.NotModified, (await RevalidateAsync(after.ETag!)).Status);

            async Task<(HttpStatusCode Status, string? ETag, string? CacheControl, byte[] Body)> RevalidateAsync(string etag)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, list);
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                using var response = await client.SendAsync(request, Cancel);
                return (response.StatusCode, response.Headers.ETag?.Tag, response.Headers.CacheControl?.ToString(), await response.Content.ReadAsByteArrayAsync(Cancel));
            }
        });
    }

    [Fact]
    public async Task Many_distinct_queries_keep_the_cache_within_its_bound_and_an_answer_in_use_stays_kept()
    {
        const long bound = 64 * 1024;
        await WithSiloAsync(async (_, client) =>
        {
            const string hot = "/api/v1/models?provider=groq&sort=id&limit=2";
            var hotAnswer = await GetAsync(client, hot);
            var answers = new Dictionary<string, byte[]>();
            for (var i = 1; i <= 120; i++)
            {
                // Each a distinct key (a different min_context), each a few KB: together many times the bound.
                var url = $"/api/v1/models?provider=openai&sort=id&limit=4&min_context={i}";
                answers[url] = (await GetAsync(client, url)).Body;
                Assert.Equal(hotAnswer.Body, (await GetAsync(client, hot)).Body);
            }
            Assert.True(answers.Values.Sum(body => (long)body.Length) > 4 * bound, "the queries together must be far over the bound");

            var bytes = await MetricAsync(client, "starmap_http_response_cache_bytes", value => value > 0);
            var entries = await MetricAsync(client, "starmap_http_response_cache_entries", value => value > 0);
            Assert.InRange(bytes, 1, bound);
            Assert.InRange(entries, 2, answers.Count - 1);

            // The answer asked for all along is still kept (a hit), and an evicted one renders the same bytes again.
            var hits = await MetricAsync(client, "starmap_http_response_cache_hits_total", _ => true);
            Assert.Equal(hotAnswer.Body, (await GetAsync(client, hot)).Body);
            Assert.Equal(hits + 1, await MetricAsync(client, "starmap_http_response_cache_hits_total", value => value > hits));
            var firstUrl = answers.Keys.First();
            Assert.Equal(answers[firstUrl], (await GetAsync(client, firstUrl)).Body);
            Assert.InRange(await MetricAsync(client, "starmap_http_response_cache_bytes", value => value > 0), 1, bound);
        }, ("Starmap__Http__ResponseCacheBytes", bound.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
