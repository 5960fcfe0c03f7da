using Orleans.Runtime;
using Orleans.Storage;
using Starmap.Storage.Sqlite;
using Xunit;

namespace Starmap.Storage.Tests;

/// <summary>
/// A write runs on the scheduler <see cref="SqliteGrainStorageOptions.WriteScheduler"/> gives for the call (the
/// silo gives a sync's writes its low-priority threads), and on the caller's thread when it gives none.
/// </summary>
public sealed class WriteSchedulerTests : StorageTestBase
{
    [Fact]
    public async Task Writes_and_batched_adds_run_on_the_scheduler_the_options_give_and_round_trip()
    {
        var scheduler = new CountingScheduler();
        var storage = CreateStorage(writeScheduler: () => scheduler);

        var state = NewState("on the scheduler", 1);
        await storage.WriteStateAsync(StateName, OpenAi, state, Ct);
        state.Value().Count = 2;
        await storage.WriteStateAsync(StateName, OpenAi, state, Ct);
        var added = await storage.TryAddAllAsync(StateName, [KeyValuePair.Create(GrainId.Create("provider", "batch"), new ProviderTestState { Name = "batched" })], Ct);

        Assert.True(added);
        Assert.Equal(3, scheduler.Ran);
        Assert.Equal("2", state.ETag);
        Assert.Equal(2, (await ReadAsync(CreateStorage(), OpenAi)).Value().Count);
        Assert.Equal("batched", (await ReadAsync(CreateStorage(), GrainId.Create("provider", "batch"))).Value().Name);
    }

    [Fact]
    public async Task A_conflict_on_the_scheduler_reaches_the_caller_and_writes_nothing()
    {
        var scheduler = new CountingScheduler();
        var storage = CreateStorage(writeScheduler: () => scheduler);
        await storage.WriteStateAsync(StateName, OpenAi, NewState("first", 1), Ct);

        var stale = NewState("stale", 9, etag: "7");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, OpenAi, stale, Ct));

        Assert.Equal(2, scheduler.Ran);
        Assert.Equal("first", (await ReadAsync(storage, OpenAi)).Value().Name);
    }

    [Fact]
    public async Task A_write_the_options_give_no_scheduler_for_runs_on_the_callers_thread()
    {
        var scheduler = new CountingScheduler();
        var storage = CreateStorage(writeScheduler: () => null);
        var caller = Environment.CurrentManagedThreadId;

        var write = storage.WriteStateAsync(StateName, OpenAi, NewState("here", 1), Ct);

        // Microsoft.Data.Sqlite completes synchronously: the write is done before the call returns, on this thread.
        Assert.True(write.IsCompletedSuccessfully);
        await write;
        Assert.Equal(caller, Environment.CurrentManagedThreadId);
        Assert.Equal(0, scheduler.Ran);
        Assert.Equal("1", (await ReadAsync(storage, OpenAi)).ETag);
    }

    /// <summary>A scheduler that counts the tasks it runs and runs them on thread-pool threads.</summary>
    private sealed class CountingScheduler : TaskScheduler
    {
        private int _ran;

        public int Ran => Volatile.Read(ref _ran);

        protected override void QueueTask(Task task)
        {
            Interlocked.Increment(ref _ran);
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        protected override IEnumerable<Task> GetScheduledTasks() => [];
    }
}
