using System.IO.Compression;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Starmap.Http.Tests;

/// <summary>
/// The HTTP surface under careless and hostile input, on the shared silo: every answer in the one error
/// shape (even Kestrel's own rejections), no 500 an input can cause, HEAD everywhere GET is, compression,
/// cache headers, and metrics a dashboard can use.
/// </summary>
public sealed class HttpSurfaceTests(HttpSilo shared)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonNode> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? parameter = null)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Responses.Error(JsonNode.Parse(body)!, code, parameter);
    }

    /// <summary>Sends raw bytes (what HttpClient refuses to send) and reads the whole answer of a closed connection.</summary>
    private async Task<(int Status, string Headers, string Body)> RawAsync(string requestLine, string extraHeaders = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", shared.Silo.HttpPort, Cancel);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{requestLine}\r\nHost: 127.0.0.1\r\n{extraHeaders}Connection: close\r\n\r\n"), Cancel);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(Cancel);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (int.Parse(text[9..12], System.Globalization.CultureInfo.InvariantCulture), text[..split], text[(split + 4)..]);
    }

    [Fact]
    public async Task Requests_kestrel_rejects_answer_in_the_error_shape()
    {
        // A NUL (raw and encoded) in the path, a request line over 8 KB, headers over 32 KB.
        var cases = new (string Line, string Headers, int Status, string Code)[]
        {
            ("GET /api/v1/models/%00 HTTP/1.1", "", 400, "bad_request"),
            ("GET /api/v1/providers/a\0b HTTP/1.1", "", 400, "bad_request"),
            ($"GET /api/v1/models?id={new string('a', 10_000)} HTTP/1.1", "", 414, "uri_too_long"),
            ($"GET /api/v1/models/groq/{new string('m', 9_000)} HTTP/1.1", "", 414, "uri_too_long"),
            ("GET /api/v1/providers HTTP/1.1", $"X-Big: {new string('h', 40_000)}\r\n", 431, "headers_too_large"),
        };
        foreach (var (line, headers, status, code) in cases)
        {
            var (actual, head, body) = await RawAsync(line, headers);
            Assert.True(status == actual, $"{line[..Math.Min(40, line.Length)]}: {actual}\n{head}\n{body}");
            Assert.Contains("Content-Type: application/json", head, StringComparison.OrdinalIgnoreCase);
            Responses.Error(JsonNode.Parse(body)!, code);
        }

        // After good requests on the same (kept-alive) connection too.
        using var client = shared.Client();
        await client.JsonAsync("/api/v1/providers");
        using var nul = await client.GetAsync("/api/v1/models/%00", Cancel);
        await ErrorAsync(nul, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Head_answers_on_every_get_route_of_the_document_with_the_get_status_and_no_body()
    {
        using var client = shared.Client();
        var document = await client.JsonAsync("/openapi/v1.json");
        var checkedRoutes = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is null)
            {
                continue;
            }
            var url = path.Replace("{id}", "openai", StringComparison.Ordinal)
                .Replace("{provider}", "groq", StringComparison.Ordinal)
                .Replace("{modelId}", HttpSilo.SlashAtId, StringComparison.Ordinal);
            url = System.Text.RegularExpressions.Regex.Replace(url, "{[^}]+}", "openai");
            var stream = path.EndsWith("/stream", StringComparison.Ordinal);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), HttpCompletionOption.ResponseHeadersRead, Cancel);
            Assert.True(head.StatusCode != HttpStatusCode.MethodNotAllowed && (int)head.StatusCode < 500, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
            if (!stream)
            {
                using var get = await client.GetAsync(url, Cancel);
                Assert.True(get.StatusCode == head.StatusCode, $"GET {url}: {(int)get.StatusCode}, HEAD: {(int)head.StatusCode}");
                Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            }
            checkedRoutes++;
        }
        Assert.True(checkedRoutes >= 12, $"only {checkedRoutes} GET routes in the document");
        // The HEAD twins stay out of the document (one operation per route and method, unique operation IDs).
        Assert.DoesNotContain(document["paths"]!.AsObject(), p => p.Value!["head"] is not null);
        using var metrics = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/metrics"), Cancel);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        using var health = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"), Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Json_is_compressed_with_brotli_or_gzip_when_asked_and_the_event_stream_is_not_buffered()
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = shared.Silo.Http };
        foreach (var (encoding, open) in new (string, Func<Stream, Stream>)[]
        {
            ("br", s => new BrotliStream(s, CompressionMode.Decompress)),
            ("gzip", s => new GZipStream(s, CompressionMode.Decompress)),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models?limit=50");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await client.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            await using var body = open(await response.Content.ReadAsStreamAsync(Cancel));
            var page = await JsonNode.ParseAsync(body, cancellationToken: Cancel);
            Assert.Equal(50, page!["items"]!.AsArray().Count);
        }

        using var plain = await client.GetAsync("/api/v1/models?limit=1", Cancel);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        // The stream sends its first event at once, uncompressed, although the client accepts gzip.
        using var streamRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/updates/stream");
        streamRequest.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var stream = await client.SendAsync(streamRequest, HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Empty(stream.Content.Headers.ContentEncoding);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(Cancel));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(deadline.Token);
        }
        while (line is not null && !line.StartsWith("id:", StringComparison.Ordinal));
        Assert.NotNull(line);
    }

    [Fact]
    public async Task Catalog_reads_send_cache_control_with_their_etag()
    {
        using var client = shared.Client();
        foreach (var url in new[] { "/api/v1/models?limit=1", "/api/v1/providers", "/api/v1/authors", "/api/v1/endpoints", $"/api/v1/models/groq/{HttpSilo.SlashAtId}", "/v1/models" })
        {
            using var response = await client.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
            Assert.True(response.Headers.CacheControl?.NoCache, $"{url}: Cache-Control {response.Headers.CacheControl}");

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var notModified = await client.SendAsync(again, Cancel);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.True(notModified.Headers.CacheControl?.NoCache);
        }
    }

    [Fact]
    public async Task A_schedule_interval_past_30_days_cut_short_or_given_twice_is_a_400_naming_it_and_30_days_is_accepted()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        foreach (var interval in new[] { "3000000.00:00:00", "10675199.02:48:05", "30.00:00:01" })
        {
            using var huge = await client.PutAsJsonAsync("/api/v1/providers/moonshot-ai/sync/schedule", new { interval }, Cancel);
            var error = await ErrorAsync(huge, HttpStatusCode.BadRequest, "invalid_parameter", "interval");
            Assert.Contains("30", (string?)error["message"], StringComparison.Ordinal);
        }
        // JSON cut short is said to be that, and an interval given twice is refused rather than one of them taken.
        using var cut = await client.PutAsync("/api/v1/providers/moonshot-ai/sync/schedule", new StringContent("{\"interval\":\"06:00:00\"", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Contains("is not valid JSON", (string?)(await ErrorAsync(cut, HttpStatusCode.BadRequest, "invalid_parameter", "body"))["message"], StringComparison.Ordinal);
        using var twice = await client.PutAsync("/api/v1/providers/moonshot-ai/sync/schedule", new StringContent("{\"interval\":\"06:00:00\",\"interval\":\"07:00:00\"}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Contains("more than once", (string?)(await ErrorAsync(twice, HttpStatusCode.BadRequest, "invalid_parameter", "interval"))["message"], StringComparison.Ordinal);
        using var month = await client.PutAsJsonAsync("/api/v1/providers/moonshot-ai/sync/schedule", new { interval = "30.00:00:00" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, month.StatusCode);
        using var removed = await client.DeleteAsync("/api/v1/providers/moonshot-ai/sync/schedule", Cancel);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
    }

    [Fact]
    public async Task A_write_that_loses_a_storage_race_is_a_409_conflict_and_a_retry_succeeds()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using (var set = await client.PutAsJsonAsync("/api/v1/providers/deepseek/sync/schedule", new { interval = "06:00:00" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        // Another writer (a process sharing the database) changes the stored state behind the active grain.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(shared.Silo.DataDirectory, "starmap.db")}"))
        {
            await db.OpenAsync(Cancel);
            await using var bump = db.CreateCommand();
            bump.CommandText = "UPDATE grain_state SET etag = etag + 100 WHERE grain_id = 'starmap.provider-sync/deepseek'";
            Assert.Equal(1, await bump.ExecuteNonQueryAsync(Cancel));
        }

        using var lost = await client.DeleteAsync("/api/v1/providers/deepseek/sync/schedule", Cancel);
        var error = await ErrorAsync(lost, HttpStatusCode.Conflict, "conflict");
        Assert.DoesNotContain("starmap.provider-sync", (string?)error["message"], StringComparison.Ordinal);

        using var retry = await client.DeleteAsync("/api/v1/providers/deepseek/sync/schedule", Cancel);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task Errors_name_the_parameter_the_user_sent_and_a_route_without_parameters_says_so()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using var source = await client.PostAsync("/api/v1/providers/openai/sync?dry_run=true&source=bogus", null, Cancel);
        var error = await ErrorAsync(source, HttpStatusCode.BadRequest, "invalid_parameter", "source");
        Assert.StartsWith("source 'bogus'", (string?)error["message"], StringComparison.Ordinal);

        foreach (var url in new[] { "/api/v1/providers/openai/sync/last?x=1", "/api/v1/providers/openai?x=1", "/v1/models?x=1" })
        {
            using var response = await client.GetAsync(url, Cancel);
            var unknown = await ErrorAsync(response, HttpStatusCode.BadRequest, "unknown_parameter", "x");
            var message = (string)unknown["message"]!;
            Assert.False(message.TrimEnd().EndsWith(':'), $"{url}: {message}");
            Assert.Contains("no query parameters", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_provider_ids_are_one_400_without_error_lines_and_control_characters_are_escaped()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        var before = shared.Silo.Output.Split('\n').Length;
        // NUL, a right-to-left override, a forged log line, and a plain bad ID, on reads and writes.
        foreach (var url in new[]
        {
            "/api/v1/providers/BAD%20ID", "/api/v1/providers/a%E2%80%AEb", "/api/v1/providers/x%0Afail:%20forged",
            "/api/v1/authors/a%E2%80%AEb", "/api/v1/providers/a%E2%80%AEb/models", "/api/v1/providers/a%0Ab/sync/last",
        })
        {
            using var response = await client.GetAsync(url, Cancel);
            var error = await ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter", "id");
            var message = (string)error["message"]!;
            Assert.DoesNotContain('\u202e', message);
            Assert.DoesNotContain('\n', message);
        }
        using var put = await client.PutAsJsonAsync("/api/v1/providers/a%E2%80%AEb/sync/schedule", new { interval = "06:00:00" }, Cancel);
        Assert.Contains("\\u202e", (string?)(await ErrorAsync(put, HttpStatusCode.BadRequest, "invalid_parameter", "id"))["message"], StringComparison.Ordinal);

        var added = shared.Silo.Output.Split('\n').Skip(before - 1).ToList();
        // Before, each one activated a grain with the bad key: two Orleans error lines with a stack trace.
        // (Other tests run beside this one on the shared silo, so only lines about these requests count.)
        Assert.DoesNotContain(added, l => l.Contains("fail:", StringComparison.Ordinal)
            && (l.Contains("starmap.provider/", StringComparison.Ordinal) || l.Contains("starmap.author/", StringComparison.Ordinal) || l.Contains("OnActivateAsync", StringComparison.Ordinal)));
        Assert.DoesNotContain(added, l => l.Contains("StarmapValidationException", StringComparison.Ordinal));
        Assert.DoesNotContain(added, l => l.Contains('\u202e', StringComparison.Ordinal) || l.Contains('\0', StringComparison.Ordinal) || l.StartsWith("fail: forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_parameter_given_empty_is_a_400_rather_than_no_filter()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        // Read as "no filter", ?source= would sync every source and ?provider= would list every model.
        using var sync = await client.PostAsync("/api/v1/providers/openai/sync?dry_run=true&source=", null, Cancel);
        await ErrorAsync(sync, HttpStatusCode.BadRequest, "invalid_parameter", "source");
        foreach (var parameter in new[] { "provider", "author", "status", "feature" })
        {
            using var response = await client.GetAsync($"/api/v1/models?{parameter}=%20,%20", Cancel);
            await ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter", parameter);
        }
        using var outOfRange = await client.GetAsync("/api/v1/models?limit=99999999999", Cancel);
        Assert.Contains("2147483647", (string?)(await ErrorAsync(outOfRange, HttpStatusCode.BadRequest, "invalid_parameter", "limit"))["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_use_second_sized_sync_buckets_and_name_the_service()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using (var sync = await client.PostAsync("/api/v1/providers/anthropic/sync?dry_run=true", null, Cancel))
        {
            Assert.True((int)sync.StatusCode < 300, $"sync: {(int)sync.StatusCode}");
        }
        // The run is recorded when it ends (which may be after the answer): poll the scrape.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string text;
        List<double> bounds;
        while (true)
        {
            text = await client.GetStringAsync("/metrics", Cancel);
            bounds = text.Split('\n')
                .Where(l => l.StartsWith("starmap_sync_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("provider=\"anthropic\"", StringComparison.Ordinal))
                .Select(l => System.Text.RegularExpressions.Regex.Match(l, "le=\"([^\"]+)\"").Groups[1].Value)
                .Where(le => le != "+Inf")
                .Select(le => double.Parse(le, System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            if (bounds.Count > 0)
            {
                break;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "no starmap_sync_duration_seconds series for anthropic");
            await Task.Delay(200, Cancel);
        }
        Assert.True(bounds.Min() <= 0.1, $"smallest bucket {bounds.Min()} s");
        Assert.True(bounds.Max() <= 600, $"largest bucket {bounds.Max()} s: millisecond-sized");
        Assert.Contains(bounds, b => b is >= 1 and <= 10);
        Assert.Contains("service_name=\"starmap-silo\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown_service", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_off_unless_configured()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        foreach (var url in new[] { "/dashboard/", "/dashboard/Trace" })
        {
            using var response = await client.GetAsync(url, Cancel);
            await ErrorAsync(response, HttpStatusCode.NotFound, "not_found");
        }
    }
}
