using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Starmap.Silo.History;
using Starmap.Testing;
using Xunit;

namespace Starmap.Storage.Tests.History;

/// <summary>
/// The change log's size per recorded field change and its query time, on both stores, with the real
/// models.dev snapshot's provider and model IDs and prices (docs/benchmarks.md, "Change log"). Only with
/// <c>STARMAP_CHANGELOG_FIGURES=1</c>: it appends 30,000 generations.
/// </summary>
public sealed class ChangeLogFigures(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Generations = 10_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One price change as a sync records it: the price, updated_at and the provenance of the price.
    private static IEnumerable<ChangeBatch> PriceChanges(List<(string Provider, string Model, decimal Input)> models)
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var g = 1; g <= Generations; g++)
        {
            var (provider, model, input) = models[g % models.Count];
            var now = at.AddHours(g);
            var old = input.ToString(CultureInfo.InvariantCulture);
            var @new = (input * 1.1m).ToString(CultureInfo.InvariantCulture);
            CatalogChange Change(int s, string path, string? o, string? n) => new()
            {
                Generation = g, Sequence = s, At = now, Origin = ChangeOrigins.Sync, Source = "models.dev",
                Entity = ChangeEntity.Provider, EntityId = provider, ModelId = model, Kind = ChangeKind.Changed,
                Path = path, Old = o, New = n, PreviousVersion = g, Version = g + 1,
            };
            yield return new ChangeBatch
            {
                Generation = g, At = now, Origin = ChangeOrigins.Sync,
                Changes =
                [
                    Change(0, "pricing.tokens.input", old, @new),
                    Change(1, "updated_at", $"\"{now.AddHours(-1):O}\"", $"\"{now:O}\""),
                    Change(2, "provenance.pricing", "{\"source\":\"models.dev\",\"observed_at\":\"" + now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture) + "\"}",
                        "{\"source\":\"models.dev\",\"observed_at\":\"" + now.ToString("O", CultureInfo.InvariantCulture) + "\"}"),
                ],
            };
        }
    }

    private static List<(string, string, decimal)> RealModels()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var document = JsonNode.Parse(File.ReadAllText(SharedFixtures.Path("models.dev", "api.json")))!.AsObject();
        return [.. document.SelectMany(p => p.Value!["models"]!.AsObject()
            .Select(m => (p.Key, m.Key, (decimal?)m.Value!["cost"]?["input"] ?? 1m)))];
    }

    [Fact]
    public async Task Size_per_recorded_change_and_query_time_on_both_stores()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("STARMAP_CHANGELOG_FIGURES") == "1", "figures only on request (STARMAP_CHANGELOG_FIGURES=1)");
        var models = RealModels();
        var folder = Path.Combine(Path.GetTempPath(), "starmap-changelog-figures", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var sqlite = new Starmap.Storage.Sqlite.SqliteChangeLogStore(new Starmap.Storage.Sqlite.SqliteGrainStorageOptions { DataDirectory = folder });
            await using var redisStore = new RedisChangeLogStore(StackExchange.Redis.ConfigurationOptions.Parse(redis.Server.ConnectionString), "figures");
            var usedBefore = await UsedMemoryAsync();
            foreach (var (name, store) in new (string, IChangeLogStore)[] { ("sqlite", sqlite), ("redis", redisStore) })
            {
                var clock = Stopwatch.StartNew();
                foreach (var batch in PriceChanges(models))
                {
                    await store.AppendAsync(batch, Ct);
                }
                var append = clock.Elapsed;
                long bytes;
                if (name == "sqlite")
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
                }
                else
                {
                    bytes = await UsedMemoryAsync() - usedBefore;
                }
                var (provider, model, _) = models[Generations / 2 % models.Count];
                var byProvider = await TimeAsync(() => store.QueryAsync(new ChangeQuery { Provider = provider, Field = "pricing" }, Ct));
                var byModel = await TimeAsync(() => store.QueryAsync(new ChangeQuery { Model = model }, Ct));
                var recent = await TimeAsync(() => store.QueryAsync(new ChangeQuery { SinceGeneration = Generations - 100, Limit = 1000, Bookkeeping = true }, Ct));
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"change log {name}: {Generations:N0} generations x 3 changes, {bytes / 1024.0 / 1024.0:F1} MiB = {bytes / (Generations * 3.0):F0} B per change; " +
                    $"append {append.TotalMilliseconds / Generations:F2} ms per generation; query provider+field p50 {byProvider:F2} ms, model p50 {byModel:F2} ms, last 100 generations (300 changes) p50 {recent:F2} ms");
                TestContext.Current.TestOutputHelper?.WriteLine(line);
                Console.WriteLine(line);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<long> UsedMemoryAsync()
    {
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true");
        var info = await connection.GetServers()[0].InfoAsync("memory");
        return long.Parse(info.SelectMany(g => g).First(p => p.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }

    private static async Task<double> TimeAsync(Func<Task<ChangePage>> query)
    {
        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var clock = Stopwatch.StartNew();
            var page = await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.NotEmpty(page.Items);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
