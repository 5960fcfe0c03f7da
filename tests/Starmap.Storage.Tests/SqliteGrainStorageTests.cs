using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Starmap.Storage.Sqlite;
using Xunit;

namespace Starmap.Storage.Tests;

public sealed class SqliteGrainStorageTests : StorageTestBase
{
    [Fact]
    public async Task Write_then_read_in_a_new_storage_instance_round_trips_state()
    {
        var written = NewState("OpenAI", 3);
        await CreateStorage().WriteStateAsync(StateName, OpenAi, written, Ct);

        Assert.Equal("1", written.ETag);
        Assert.True(written.RecordExists);
        Assert.True(File.Exists(DatabasePath));

        // A fresh instance on the same file stands in for a silo restart.
        var read = await ReadAsync(CreateStorage(), OpenAi);

        Assert.True(read.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.Equal("OpenAI", read.Value().Name);
        Assert.Equal(3, read.Value().Count);
        Assert.Equal(["OpenAI"], read.Value().Tags);
    }

    [Fact]
    public async Task Successive_writes_increment_the_etag()
    {
        var storage = CreateStorage();
        var state = NewState("a");
        await storage.WriteStateAsync(StateName, OpenAi, state, Ct);
        state.Value().Count = 7;
        await storage.WriteStateAsync(StateName, OpenAi, state, Ct);

        Assert.Equal("2", state.ETag);
        var read = await ReadAsync(storage, OpenAi);
        Assert.Equal("2", read.ETag);
        Assert.Equal(7, read.Value().Count);
    }

    [Fact]
    public async Task Database_uses_wal_journal_mode()
    {
        await CreateStorage().WriteStateAsync(StateName, OpenAi, NewState("a"), Ct);

        Assert.Equal("wal", await QueryScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Reading_a_missing_record_gives_a_default_state_without_etag()
    {
        var state = NewState("stale", 99, etag: "5");
        state.RecordExists = true;

        await CreateStorage().ReadStateAsync(StateName, OpenAi, state, Ct);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal("", state.Value().Name);
        Assert.Equal(0, state.Value().Count);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_rejected_and_leaves_stored_data_unchanged()
    {
        var storage = CreateStorage();
        var first = NewState("v1");
        await storage.WriteStateAsync(StateName, OpenAi, first, Ct);
        await storage.WriteStateAsync(StateName, OpenAi, first, Ct); // stored ETag is now 2

        var stale = NewState("stale", etag: "1");
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, OpenAi, stale, Ct));

        Assert.Contains("provider/openai", ex.Message, StringComparison.Ordinal);
        Assert.Equal("2", ex.StoredEtag);
        Assert.Equal("1", ex.CurrentEtag);
        Assert.Equal("1", stale.ETag);
        var read = await ReadAsync(storage, OpenAi);
        Assert.Equal("v1", read.Value().Name);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Update_of_a_record_that_does_not_exist_is_rejected()
    {
        var storage = CreateStorage();

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, OpenAi, NewState("x", etag: "1"), Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, OpenAi, NewState("x", etag: "not-a-number"), Ct));
        Assert.False((await ReadAsync(storage, OpenAi)).RecordExists);
    }

    [Fact]
    public async Task Second_insert_with_null_etag_is_rejected()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync(StateName, OpenAi, NewState("first"), Ct);

        var second = NewState("second");
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, OpenAi, second, Ct));

        Assert.Contains("provider/openai", ex.Message, StringComparison.Ordinal);
        Assert.Equal("1", ex.StoredEtag);
        Assert.Null(second.ETag);
        Assert.Equal("first", (await ReadAsync(storage, OpenAi)).Value().Name);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected_and_keeps_the_record()
    {
        var storage = CreateStorage();
        var current = NewState("keep");
        await storage.WriteStateAsync(StateName, OpenAi, current, Ct);
        await storage.WriteStateAsync(StateName, OpenAi, current, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, OpenAi, NewState(etag: "1"), Ct));
        // A null ETag claims "no record"; clearing someone else's record that way is a conflict too.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, OpenAi, NewState(), Ct));

        var read = await ReadAsync(storage, OpenAi);
        Assert.True(read.RecordExists);
        Assert.Equal("keep", read.Value().Name);
    }

    [Fact]
    public async Task Clear_then_read_reports_no_record_and_a_new_insert_starts_over()
    {
        var storage = CreateStorage();
        var state = NewState("gone", 5);
        await storage.WriteStateAsync(StateName, OpenAi, state, Ct);

        await storage.ClearStateAsync(StateName, OpenAi, state, Ct);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal("", state.Value().Name);
        var read = await ReadAsync(CreateStorage(), OpenAi);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0L, await QueryScalarAsync("SELECT COUNT(*) FROM grain_state"));

        await storage.WriteStateAsync(StateName, OpenAi, NewState("again"), Ct);
        Assert.Equal("again", (await ReadAsync(storage, OpenAi)).Value().Name);
    }

    [Fact]
    public async Task Concurrent_writers_on_distinct_grains_all_succeed()
    {
        const int Grains = 24;
        const int WritesPerGrain = 5;
        var storage = CreateStorage();

        await Task.WhenAll(Enumerable.Range(0, Grains).Select(i => Task.Run(async () =>
        {
            var grainId = GrainId.Create("provider", $"p{i}");
            var state = NewState($"p{i}");
            for (var n = 1; n <= WritesPerGrain; n++)
            {
                state.Value().Count = n;
                await storage.WriteStateAsync(StateName, grainId, state, Ct);
            }
        }, Ct)));

        var reader = CreateStorage();
        for (var i = 0; i < Grains; i++)
        {
            var read = await ReadAsync(reader, GrainId.Create("provider", $"p{i}"));
            Assert.Equal($"p{i}", read.Value().Name);
            Assert.Equal(WritesPerGrain, read.Value().Count);
            Assert.Equal(WritesPerGrain.ToString(), read.ETag);
        }
    }

    [Fact]
    public async Task Racing_writers_with_the_same_etag_produce_exactly_one_winner()
    {
        const int Writers = 16;
        // Two instances on one file stand in for two silos.
        var silos = new[] { CreateStorage(), CreateStorage() };
        await silos[0].WriteStateAsync(StateName, OpenAi, NewState("base"), Ct);

        var attempts = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            var state = NewState($"writer-{i}", i, etag: "1");
            try
            {
                await silos[i % 2].WriteStateAsync(StateName, OpenAi, state, Ct);
                return (Writer: i, Won: true, state.ETag);
            }
            catch (InconsistentStateException)
            {
                return (Writer: i, Won: false, state.ETag);
            }
        }, Ct)).ToArray();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Won);
        Assert.Equal("2", winner.ETag);
        Assert.All(results.Where(r => !r.Won), r => Assert.Equal("1", r.ETag));
        var read = await ReadAsync(CreateStorage(), OpenAi);
        Assert.Equal("2", read.ETag);
        Assert.Equal($"writer-{winner.Writer}", read.Value().Name);
        Assert.Equal(winner.Writer, read.Value().Count);
    }

    [Fact]
    public async Task Corrupt_payload_fails_with_an_error_naming_the_grain()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync(StateName, OpenAi, NewState("fine"), Ct);
        await QueryScalarAsync(
            "UPDATE grain_state SET payload = $garbage WHERE grain_id = $grain",
            ("$garbage", new byte[] { 0xFF, 0xFE, 0x13, 0x37, 0x00, 0x42, 0xDE, 0xAD }),
            ("$grain", OpenAi.ToString()));

        var ex = await Assert.ThrowsAsync<SqliteGrainStorageException>(() => ReadAsync(CreateStorage(), OpenAi));

        Assert.Contains("provider/openai", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{StateName}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'store'", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task Storages_with_different_names_on_one_file_are_isolated()
    {
        var alpha = CreateStorage("alpha");
        var beta = CreateStorage("beta");

        await alpha.WriteStateAsync(StateName, OpenAi, NewState("from-alpha"), Ct);

        Assert.False((await ReadAsync(beta, OpenAi)).RecordExists);
        // Beta's own insert does not collide with alpha's row.
        await beta.WriteStateAsync(StateName, OpenAi, NewState("from-beta"), Ct);
        Assert.Equal("from-alpha", (await ReadAsync(alpha, OpenAi)).Value().Name);
        Assert.Equal("from-beta", (await ReadAsync(beta, OpenAi)).Value().Name);
        Assert.Equal(2L, await QueryScalarAsync("SELECT COUNT(*) FROM grain_state"));
    }

    [Fact]
    public async Task State_names_of_one_grain_are_stored_separately()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync("a", OpenAi, NewState("A"), Ct);
        await storage.WriteStateAsync("b", OpenAi, NewState("B"), Ct);

        Assert.Equal("A", (await ReadAsync(storage, OpenAi, "a")).Value().Name);
        Assert.Equal("B", (await ReadAsync(storage, OpenAi, "b")).Value().Name);
    }
}
