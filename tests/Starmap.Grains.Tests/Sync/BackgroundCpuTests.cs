namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// The threads a sync computes on (reconcile, diff) yield to the silo's other work: lowered priority,
/// never the caller's thread, at most half the cores.
/// </summary>
public sealed class BackgroundCpuTests
{
    [Fact]
    public async Task Sync_computation_runs_off_the_callers_thread_at_a_raised_nice_value()
    {
        var caller = Environment.CurrentManagedThreadId;
        var callerNice = BackgroundCpu.CurrentNice();

        var (thread, nice) = await BackgroundCpu.Shared.RunAsync(() => (Environment.CurrentManagedThreadId, BackgroundCpu.CurrentNice()));

        Assert.NotEqual(caller, thread);
        if (OperatingSystem.IsLinux())
        {
            // The nice value is per thread: the worker's is raised, the caller's is left as it was.
            Assert.Equal(Math.Min(19, callerNice!.Value + BackgroundCpu.Nice), nice);
            Assert.Equal(callerNice, BackgroundCpu.CurrentNice());
        }
    }

    [Fact]
    public async Task A_failure_in_the_computation_reaches_the_awaiting_caller()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => BackgroundCpu.Shared.RunAsync<int>(() => throw new InvalidOperationException("merge failed")));

        Assert.Equal("merge failed", error.Message);
    }

    [Fact]
    public void The_shared_threads_take_at_most_half_the_cores()
    {
        Assert.InRange(BackgroundCpu.Shared.MaximumConcurrencyLevel, 1, Math.Max(1, Environment.ProcessorCount / 2));
    }
}
