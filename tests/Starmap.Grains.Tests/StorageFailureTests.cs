using Microsoft.Data.Sqlite;
using Orleans.TestingHost;

namespace Starmap.Grains.Tests;

/// <summary>
/// A write that storage refuses (here: the database file locked by another process's transaction)
/// changes nothing anyone can see, and the next write after the fault continues cleanly.
/// </summary>
public sealed class StorageFailureTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestData.NewDirectory("faults");
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = TestClusters.Create(_dataDirectory, silos: 1, storage: o => o.BusyTimeout = TimeSpan.FromMilliseconds(200));
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        TestData.Delete(_dataDirectory);
    }

    [Fact]
    public async Task A_refused_write_leaves_grain_catalog_and_versions_as_they_were()
    {
        var catalog = new StarmapCatalog(_cluster.Client);
        var grain = _cluster.Client.GetGrain<IProviderGrain>("faulty");
        await grain.SetAsync(Samples.Provider("faulty"));
        var kept = await grain.SetModelAsync(Samples.Offering("faulty", "kept"));
        var before = await grain.GetAsync();
        var statusBefore = await catalog.GetStatusAsync();

        await using (var blocker = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "starmap.db")};Pooling=False"))
        {
            await blocker.OpenAsync(TestContext.Current.CancellationToken);
            await using var lockTransaction = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var command = blocker.CreateCommand())
            {
                // Take the write lock and hold it until the transaction ends.
                command.Transaction = (SqliteTransaction)lockTransaction;
                command.CommandText = "DELETE FROM grain_state WHERE 0";
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => grain.SetModelAsync(Samples.Offering("faulty", "lost")));
            Assert.Contains("locked", refused.ToString(), StringComparison.OrdinalIgnoreCase);

            Assert.Equal(before, await grain.GetAsync());
            Assert.Null(await catalog.Models.FindAsync("faulty", "lost"));
            Assert.Equal(statusBefore.Generation, (await catalog.GetStatusAsync()).Generation);
            await lockTransaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        var after = await grain.SetModelAsync(Samples.Offering("faulty", "after"));
        Assert.Equal(kept.Version + 1, after.Version);
        Assert.Equal(["after", "kept"], (await grain.ListModelsAsync()).Select(o => o.ModelId));
        // Written through the grain, not the facade: the facade's session has not seen that generation, so the
        // replica it reads may still be taking the publish in (asked until it has, with a deadline).
        Assert.NotNull(await Eventually.ValueAsync(() => catalog.Models.FindAsync("faulty", "after"), m => m is not null, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_refused_batch_of_definitions_leaves_the_author_entirely_old()
    {
        var catalog = new StarmapCatalog(_cluster.Client);
        var grain = _cluster.Client.GetGrain<IAuthorGrain>("faulty-author");
        await grain.CreateAsync(Samples.Author("faulty-author"));
        var kept = await grain.SetModelAsync(Samples.Definition("faulty-author", "kept"));
        var before = await grain.GetAsync();
        var generationBefore = (await catalog.GetStatusAsync()).Generation;

        await using (var blocker = await LockDatabaseAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.SetModelsAsync(
                [Samples.Definition("faulty-author", "kept") with { Name = "Lost rename" }, Samples.Definition("faulty-author", "lost")],
                kept.Version));

            Assert.Equal(before, await grain.GetAsync());
            Assert.Equal(generationBefore, (await catalog.GetStatusAsync()).Generation);
        }

        var after = await grain.SetModelsAsync([Samples.Definition("faulty-author", "after")], kept.Version);
        Assert.Equal(kept.Version + 1, after.Version);
        Assert.Equal(["faulty-author/after", "faulty-author/kept"], (await grain.ListModelsAsync()).Select(d => d.Id));
        Assert.Equal("Definition kept", (await grain.GetModelAsync("kept"))!.Name);
    }

    /// <summary>Holds SQLite's write lock from another connection until disposed (then rolls back).</summary>
    private async Task<DatabaseLock> LockDatabaseAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "starmap.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM grain_state WHERE 0";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        return new DatabaseLock(connection, transaction);
    }

    private sealed class DatabaseLock(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
