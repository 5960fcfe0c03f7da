using System.Diagnostics;
using Starmap;
using Starmap.Client;
using Starmap.Testing;

// Starts a Release silo process (built-in catalog, temporary data folder, free ports), connects one
// external client over TCP, and measures ICatalogReaderGrain.GetModelAsync calls/s at 1, 8 and 64
// concurrent callers, then 64 callers while a loop republishes one provider with many offerings.
var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var window = TimeSpan.FromSeconds(seconds);
var data = TestFolders.New("client-load");
try
{
    await using var silo = await SiloProcess.StartAsync(data, "starmap", "--http-port", "0");
    await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } });
    var reader = connection.Client.GetGrain<ICatalogReaderGrain>(0);
    var groq = await connection.Catalog.Providers.GetAsync("groq");
    var target = groq.Offerings[0].ModelId;
    _ = await reader.GetModelAsync("groq", target, 0) ?? throw new InvalidOperationException($"groq/{target} missing");
    Console.WriteLine($"target groq/{target}, window {seconds} s per measurement, {Environment.ProcessorCount} cores shared by silo and client");

    await ReadAsync(reader, target, 64, TimeSpan.FromSeconds(2)); // warm-up: JIT, connections, activations
    foreach (var callers in new[] { 1, 8, 64 })
    {
        Console.WriteLine($"point read  {callers,3} callers: {await ReadAsync(reader, target, callers, window),10:N0} calls/s");
    }

    // A publish: the provider and 2,000 offerings replaced whole in a loop (each is one atomic write,
    // persisted to SQLite and published as a new catalog generation).
    var template = groq.Offerings[0];
    var before = await ReadAsync(reader, target, 64, window);
    using var stop = new CancellationTokenSource();
    var publishes = 0;
    var provider = connection.Client.GetGrain<IProviderGrain>("groq");
    var publisher = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var offerings = Enumerable.Range(0, 2_000)
                .Select(i => template with { ModelId = $"load/model-{i:D4}", Name = $"Load {i} {publishes}" })
                .Append(template).OrderBy(o => o.ModelId, StringComparer.Ordinal).ToArray();
            await provider.ReplaceAsync(groq.Provider, [.. offerings], null);
            publishes++;
        }
    });
    var during = await ReadAsync(reader, target, 64, window);
    await stop.CancelAsync();
    await publisher;
    Console.WriteLine($"publish: 64 callers before {before:N0} calls/s, during {during:N0} calls/s ({during / before:P0}); {publishes} publishes of 2,001 offerings in {seconds} s");
    await silo.StopAsync();
}
finally
{
    TestFolders.Delete(data);
}

static async Task<double> ReadAsync(ICatalogReaderGrain reader, string target, int callers, TimeSpan duration)
{
    long calls = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
    {
        long mine = 0;
        while (clock.Elapsed < duration)
        {
            _ = await reader.GetModelAsync("groq", target, 0);
            mine++;
        }
        Interlocked.Add(ref calls, mine);
    })));
    return calls / clock.Elapsed.TotalSeconds;
}
