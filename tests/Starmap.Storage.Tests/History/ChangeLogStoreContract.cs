using Microsoft.Extensions.Logging.Abstractions;
using Starmap.Silo.History;
using Starmap.Testing;
using Xunit;

namespace Starmap.Storage.Tests.History;

/// <summary>
/// What every <see cref="IChangeLogStore"/> must do, run against each real store (SQLite in a temp
/// folder, a real redis-server): the same tests, the same answers.
/// </summary>
public abstract class ChangeLogStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private IChangeLogStore? _store;

    protected IChangeLogStore Store => _store ?? throw new InvalidOperationException("not initialized");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store.</summary>
    protected abstract Task<IChangeLogStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private static CatalogChange Change(string provider, string? model, string path, string? old, string? @new, ChangeKind kind = ChangeKind.Changed, string? source = null) => new()
    {
        Entity = ChangeEntity.Provider,
        EntityId = provider,
        ModelId = model,
        Path = path,
        Old = old,
        New = @new,
        Kind = kind,
        Source = source,
        PreviousVersion = 1,
        Version = 2,
    };

    private static ChangeBatch Batch(long generation, DateTimeOffset at, string origin, params CatalogChange[] changes) => new()
    {
        Generation = generation,
        At = at,
        Origin = origin,
        Changes = changes.Select((c, i) => c with { Generation = generation, At = at, Origin = origin, Sequence = i }).ToEquatableArray(),
    };

    private async Task SeedAsync()
    {
        await Store.AppendAsync(Batch(2, T0, ChangeOrigins.Sync,
            Change("openai", "gpt-x", "pricing.tokens.input", "1.25", "2.5", source: "models.dev"),
            Change("openai", "gpt-x", "updated_at", "\"2026-05-01\"", "\"2026-06-01\""),
            Change("openai", "gpt-y", "", null, "{\"id\":\"gpt-y\"}", ChangeKind.Added)), Ct);
        await Store.AppendAsync(Batch(3, T0.AddHours(1), ChangeOrigins.Restore,
            Change("anthropic", "claude", "pricing.tiers[200000].tokens.input", null, "6"),
            Change("anthropic", null, "name", "\"Anthropic\"", "\"Anthropic PBC\"")), Ct);
        await Store.AppendAsync(Batch(4, T0.AddHours(2), ChangeOrigins.PowerShell,
            Change("openai", "gpt-x", "limits.context", "128000", "200000"),
            Change("openai", "gpt-y", "", "{\"id\":\"gpt-y\"}", null, ChangeKind.Removed)), Ct);
    }

    [Fact]
    public async Task Appended_changes_come_back_oldest_first_with_every_field()
    {
        await SeedAsync();

        var page = await Store.QueryAsync(new ChangeQuery { Bookkeeping = true }, Ct);

        Assert.Equal(4, page.Generation);
        Assert.Equal([(2L, 0), (2, 1), (2, 2), (3, 0), (3, 1), (4, 0), (4, 1)], page.Items.Select(c => (c.Generation, c.Sequence)));
        var first = page.Items[0];
        Assert.Equal(Change("openai", "gpt-x", "pricing.tokens.input", "1.25", "2.5", source: "models.dev") with
        {
            Generation = 2, Sequence = 0, At = T0, Origin = ChangeOrigins.Sync,
        }, first);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Bookkeeping_fields_are_left_out_unless_asked_for()
    {
        await SeedAsync();

        var page = await Store.QueryAsync(new ChangeQuery(), Ct);

        Assert.DoesNotContain(page.Items, c => c.Path == "updated_at");
        Assert.Equal(6, page.Items.Count);
    }

    [Fact]
    public async Task A_query_pages_with_a_cursor_until_the_last_page()
    {
        await SeedAsync();
        var seen = new List<(long, int)>();
        var query = new ChangeQuery { Limit = 2, Bookkeeping = true };
        var pages = 0;
        while (true)
        {
            var page = await Store.QueryAsync(query, Ct);
            pages++;
            seen.AddRange(page.Items.Select(c => (c.Generation, c.Sequence)));
            if (page.Next is null)
            {
                break;
            }
            Assert.Equal(2, page.Items.Count);
            query = query with { After = page.Next };
        }

        Assert.Equal(4, pages);
        Assert.Equal([(2L, 0), (2, 1), (2, 2), (3, 0), (3, 1), (4, 0), (4, 1)], seen);
    }

    [Fact]
    public async Task Newest_first_pages_backwards_with_a_cursor_through_every_change_in_reverse()
    {
        await SeedAsync();
        var seen = new List<(long, int)>();
        var query = new ChangeQuery { Limit = 2, Bookkeeping = true, Order = ChangeOrder.NewestFirst };
        var pages = 0;
        while (true)
        {
            var page = await Store.QueryAsync(query, Ct);
            pages++;
            Assert.Equal(4, page.Generation);
            seen.AddRange(page.Items.Select(c => (c.Generation, c.Sequence)));
            if (page.Next is null)
            {
                break;
            }
            // The cursor is the page's last (oldest) change; the next page starts just before it.
            Assert.Equal((page.Items[^1].Generation, page.Items[^1].Sequence), (page.Next.Generation, page.Next.Sequence));
            query = query with { After = page.Next };
        }

        Assert.Equal(4, pages);
        Assert.Equal([(4L, 1), (4, 0), (3, 1), (3, 0), (2, 2), (2, 1), (2, 0)], seen);
    }

    [Fact]
    public async Task Newest_first_reads_a_log_longer_than_one_scan_batch_and_continues_from_a_cursor_in_the_middle()
    {
        // 150 generations: more than a store reads in one round trip (Redis scans 64 at a time).
        for (var g = 1; g <= 150; g++)
        {
            await Store.AppendAsync(Batch(g, T0.AddMinutes(g), ChangeOrigins.Sync, Change("p", "m", "limits.context", $"{g}", $"{g + 1}")), Ct);
        }

        var all = await Store.QueryAsync(new ChangeQuery { Model = "m", Limit = 1000, Order = ChangeOrder.NewestFirst }, Ct);
        Assert.Equal(Enumerable.Range(1, 150).Reverse().Select(g => (long)g), all.Items.Select(c => c.Generation));
        Assert.Null(all.Next);

        var page = await Store.QueryAsync(new ChangeQuery { Limit = 70, Order = ChangeOrder.NewestFirst }, Ct);
        Assert.Equal(81, page.Items[^1].Generation);
        var rest = await Store.QueryAsync(new ChangeQuery { Limit = 1000, Order = ChangeOrder.NewestFirst, After = page.Next }, Ct);
        Assert.Equal(Enumerable.Range(1, 80).Reverse().Select(g => (long)g), rest.Items.Select(c => c.Generation));
    }

    [Fact]
    public async Task Newest_first_selects_what_oldest_first_selects_for_every_filter()
    {
        await SeedAsync();
        ChangeQuery[] filters =
        [
            new() { Provider = "openai" }, new() { Model = "gpt-x" }, new() { Field = "pricing" },
            new() { SinceGeneration = 2 }, new() { UntilGeneration = 3 }, new() { Since = T0.AddMinutes(30), Until = T0.AddHours(2) },
            new() { Provider = "openai", UntilGeneration = 3, Bookkeeping = true },
            new() { After = new ChangePosition { Generation = 3, Sequence = 1 } },
        ];
        foreach (var filter in filters)
        {
            var oldest = (await Store.QueryAsync(filter, Ct)).Items.Select(c => (c.Generation, c.Sequence));
            var newest = (await Store.QueryAsync(filter with { Order = ChangeOrder.NewestFirst }, Ct)).Items.Select(c => (c.Generation, c.Sequence));
            if (filter.After is null)
            {
                Assert.Equal(oldest.Reverse(), newest);
            }
            else
            {
                // The cursor splits the log: oldest first after it is newer, newest first after it is older.
                Assert.Equal([(4L, 0), (4, 1)], oldest);
                Assert.Equal([(3L, 0), (2, 2), (2, 0)], newest);
            }
        }
    }

    [Fact]
    public async Task Filters_by_provider_model_field_prefix_generation_and_time()
    {
        await SeedAsync();

        async Task<string[]> PathsAsync(ChangeQuery q) =>
            [.. (await Store.QueryAsync(q, Ct)).Items.Select(c => FormattableString.Invariant($"{c.Generation}:{c.Path}"))];

        Assert.Equal(["2:pricing.tokens.input", "2:", "4:limits.context", "4:"], await PathsAsync(new ChangeQuery { Provider = "openai" }));
        Assert.Equal(["2:pricing.tokens.input", "4:limits.context"], await PathsAsync(new ChangeQuery { Model = "gpt-x" }));
        Assert.Equal(["2:pricing.tokens.input", "3:pricing.tiers[200000].tokens.input"], await PathsAsync(new ChangeQuery { Field = "pricing" }));
        Assert.Empty(await PathsAsync(new ChangeQuery { Field = "pricing.tokens.in" }));
        Assert.Equal(["3:pricing.tiers[200000].tokens.input", "3:name", "4:limits.context", "4:"], await PathsAsync(new ChangeQuery { SinceGeneration = 2 }));
        Assert.Equal(["2:pricing.tokens.input", "2:"], await PathsAsync(new ChangeQuery { UntilGeneration = 2 }));
        Assert.Equal(["3:pricing.tiers[200000].tokens.input", "3:name"], await PathsAsync(new ChangeQuery { Since = T0.AddMinutes(30), Until = T0.AddHours(2) }));
        Assert.Empty(await PathsAsync(new ChangeQuery { Author = "openai" }));
    }

    [Fact]
    public async Task Appending_a_generation_again_replaces_it_and_every_later_one()
    {
        await SeedAsync();

        await Store.AppendAsync(Batch(3, T0.AddHours(5), ChangeOrigins.Import, Change("mistral", "m", "status", "\"active\"", "\"deprecated\"")), Ct);

        var page = await Store.QueryAsync(new ChangeQuery { SinceGeneration = 2, Bookkeeping = true }, Ct);
        var only = Assert.Single(page.Items);
        Assert.Equal(("mistral", ChangeOrigins.Import, 3L), (only.EntityId, only.Origin, page.Generation));
        Assert.Empty((await Store.QueryAsync(new ChangeQuery { Provider = "anthropic" }, Ct)).Items);
        Assert.Empty((await Store.QueryAsync(new ChangeQuery { Model = "gpt-x", SinceGeneration = 2 }, Ct)).Items);
        Assert.Equal(3, (await Store.GetBoundsAsync(Ct)).LastGeneration);
    }

    [Fact]
    public async Task The_generation_at_a_time_is_the_newest_published_by_then()
    {
        await SeedAsync();

        Assert.Null(await Store.GenerationAtAsync(T0.AddSeconds(-1), Ct));
        Assert.Equal(2, await Store.GenerationAtAsync(T0, Ct));
        Assert.Equal(3, await Store.GenerationAtAsync(T0.AddMinutes(90), Ct));
        Assert.Equal(4, await Store.GenerationAtAsync(T0.AddDays(1), Ct));
    }

    [Fact]
    public async Task An_entitys_changes_after_a_generation_include_bookkeeping()
    {
        await SeedAsync();

        var changes = await Store.ReadEntityAsync(ChangeEntity.Provider, "openai", 2, Ct);
        var all = await Store.ReadAfterAsync(2, Ct);

        Assert.Equal(["limits.context", ""], changes.Select(c => c.Path));
        Assert.Equal(4, all.Count);
        Assert.Equal(3, (await Store.ReadEntityAsync(ChangeEntity.Provider, "openai", 0, Ct)).Count(c => c.Generation == 2));
    }

    [Fact]
    public async Task One_generation_in_brief_has_its_time_origin_counts_and_entities()
    {
        await SeedAsync();

        var info = await Store.GetGenerationAsync(2, Ct);

        Assert.NotNull(info);
        Assert.Equal((T0, ChangeOrigins.Sync, 1, 1, 0, 0), (info.At, info.Origin, info.Changed, info.Added, info.Removed, info.Unrecorded));
        Assert.Equal(["openai"], info.Providers);
        Assert.Empty(info.Authors);
        Assert.Null(await Store.GetGenerationAsync(9, Ct));
    }

    [Fact]
    public async Task Bounds_name_the_first_and_last_generation_and_an_empty_log_has_none()
    {
        Assert.Equal(new ChangeLogBounds(), await Store.GetBoundsAsync(Ct));
        await SeedAsync();

        var bounds = await Store.GetBoundsAsync(Ct);

        Assert.Equal((2L, 4L, T0, (long?)null), (bounds.FirstGeneration!.Value, bounds.LastGeneration!.Value, bounds.FirstAt!.Value, bounds.PrunedThrough));
        Assert.Equal(1, bounds.OldestReadable);
    }

    [Fact]
    public async Task Pruning_deletes_whole_generations_published_before_the_cutoff_and_remembers_the_newest_deleted()
    {
        await SeedAsync();

        var removed = await Store.PruneAsync(T0.AddMinutes(90), Ct);

        Assert.Equal(2, removed);
        var bounds = await Store.GetBoundsAsync(Ct);
        Assert.Equal((4L, 4L, 3L), (bounds.FirstGeneration!.Value, bounds.LastGeneration!.Value, bounds.PrunedThrough!.Value));
        Assert.Equal([4L, 4L], (await Store.QueryAsync(new ChangeQuery(), Ct)).Items.Select(c => c.Generation));
        Assert.Empty((await Store.QueryAsync(new ChangeQuery { Provider = "anthropic" }, Ct)).Items);
        Assert.Null(await Store.GetGenerationAsync(2, Ct));
        Assert.Equal(0, await Store.PruneAsync(T0.AddMinutes(90), Ct));
        Assert.Equal(3L, (await Store.GetBoundsAsync(Ct)).PrunedThrough);
    }

    [Fact]
    public async Task The_pruner_deletes_what_is_older_than_the_retention_and_reads_reaching_it_are_refused()
    {
        await SeedAsync();
        var clock = new ManualClock(T0.AddDays(400).AddMinutes(30));
        var pruner = new ChangeLogPruner(Store, new HistoryOptions { Retention = TimeSpan.FromDays(400) }, clock, NullLogger<ChangeLogPruner>.Instance);

        Assert.Equal(1, await pruner.PruneAsync(Ct));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await pruner.PruneAsync(Ct));

        var bounds = await Store.GetBoundsAsync(Ct);
        Assert.Equal((4L, 3L), (bounds.FirstGeneration!.Value, bounds.PrunedThrough!.Value));
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => ChangeQueryRules.CheckRetained(new ChangeQuery { SinceGeneration = 1 }, bounds));
        Assert.Contains("deleted by retention (Starmap:History:Retention)", refused.Message, StringComparison.Ordinal);
        ChangeQueryRules.CheckRetained(new ChangeQuery { SinceGeneration = 3 }, bounds);
    }
}

/// <summary>The contract on the embedded silo's store: SQLite in a temp folder.</summary>
public sealed class SqliteChangeLogStoreTests : ChangeLogStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "starmap-changelog-tests", Guid.NewGuid().ToString("N"));

    protected override Task<IChangeLogStore> CreateStoreAsync()
    {
        // In a silo the grain storage has made the data folder before anything is recorded.
        Directory.CreateDirectory(_folder);
        return Task.FromResult<IChangeLogStore>(new Starmap.Storage.Sqlite.SqliteChangeLogStore(new Starmap.Storage.Sqlite.SqliteGrainStorageOptions { DataDirectory = _folder }));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>One real redis-server for the Redis store's contract tests; each test gets its own service ID (key space).</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The contract on the cluster's store: a real redis-server.</summary>
public sealed class RedisChangeLogStoreTests(RedisServerFixture redis) : ChangeLogStoreContract, IClassFixture<RedisServerFixture>
{
    protected override Task<IChangeLogStore> CreateStoreAsync() =>
        Task.FromResult<IChangeLogStore>(new RedisChangeLogStore(StackExchange.Redis.ConfigurationOptions.Parse(redis.Server.ConnectionString), "test-" + Guid.NewGuid().ToString("N")));
}
