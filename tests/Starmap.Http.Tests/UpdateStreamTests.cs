using Starmap.Client;

namespace Starmap.Http.Tests;

/// <summary>The Server-Sent Events stream on a silo of its own (its publishes would move the shared silo's ETags).</summary>
public sealed class UpdateStreamTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class EventReader(StreamReader reader)
    {
        /// <summary>The next event's fields, or a heartbeat comment as ("comment", text).</summary>
        public async Task<Dictionary<string, string>> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            var fields = new Dictionary<string, string>();
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
                if (line.Length == 0)
                {
                    if (fields.Count > 0)
                    {
                        return fields;
                    }
                    continue;
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = colon == 0 ? "comment" : line[..colon];
                fields[name] = line[(colon + 1)..].Trim();
            }
        }

        public async Task<Dictionary<string, string>> NextEventAsync()
        {
            while (true)
            {
                var next = await NextAsync();
                if (next.ContainsKey("event"))
                {
                    return next;
                }
            }
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Publishes_arrive_as_events_with_heartbeats_between_and_reconnects_resume_from_last_event_id_even_one_ahead()
    {
        var data = await SeededStore.NewFolderAsync("http-sse");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey, ("Starmap__Http__HeartbeatInterval", "00:00:01")));
            using var http = new HttpClient { BaseAddress = silo.Http, Timeout = Timeout.InfiniteTimeSpan };
            using var response = await http.GetAsync("/api/v1/updates/stream", HttpCompletionOption.ResponseHeadersRead, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var events = new EventReader(new StreamReader(await response.Content.ReadAsStreamAsync(Cancel)));

            var first = await events.NextEventAsync();
            Assert.Equal("catalog.published", first["event"]);
            var generation = long.Parse(first["id"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(generation, (long)JsonNode.Parse(first["data"])!["generation"]!);

            Dictionary<string, string> heartbeat;
            do
            {
                heartbeat = await events.NextAsync();
            }
            while (!heartbeat.ContainsKey("comment"));

            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, Cancel);
            var groq = await connection.Catalog.Providers.GetAsync("groq");
            var write = await connection.Catalog.Providers.SetModelAsync("groq", groq.Offerings[0] with { Name = "Renamed for SSE" });
            var published = await events.NextEventAsync();
            while (long.Parse(published["id"], System.Globalization.CultureInfo.InvariantCulture) < write.Generation)
            {
                published = await events.NextEventAsync();
            }
            Assert.Equal(write.Generation, long.Parse(published["id"], System.Globalization.CultureInfo.InvariantCulture));
            // The event says what changed: the provider that was written, and no author.
            var changed = JsonNode.Parse(published["data"])!;
            Assert.Equal(["groq"], changed["providers"]!.AsArray().Select(n => (string?)n));
            Assert.Empty(changed["authors"]!.AsArray());

            // Reconnecting with an older Last-Event-ID gets the current generation at once.
            using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/updates/stream");
            again.Headers.Add("Last-Event-ID", $"{generation}");
            using var resumed = await http.SendAsync(again, HttpCompletionOption.ResponseHeadersRead, Cancel);
            var catchUp = await new EventReader(new StreamReader(await resumed.Content.ReadAsStreamAsync(Cancel))).NextEventAsync();
            Assert.Equal(write.Generation, long.Parse(catchUp["id"], System.Globalization.CultureInfo.InvariantCulture));

            // A Last-Event-ID ahead of the catalog (a client of a store since reset) gets the current generation
            // too, rather than a stream that waits for a generation this catalog has not reached.
            using var ahead = new HttpRequestMessage(HttpMethod.Get, "/api/v1/updates/stream");
            ahead.Headers.Add("Last-Event-ID", $"{write.Generation + 100_000}");
            using var fromAhead = await http.SendAsync(ahead, HttpCompletionOption.ResponseHeadersRead, Cancel);
            var reset = await new EventReader(new StreamReader(await fromAhead.Content.ReadAsStreamAsync(Cancel))).NextEventAsync();
            Assert.Equal(write.Generation, long.Parse(reset["id"], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
