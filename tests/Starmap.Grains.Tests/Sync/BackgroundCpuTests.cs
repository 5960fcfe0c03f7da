using Starmap.Grains.Sync;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// The threads a sync computes on (reconcile, diff) yield to the silo's other work: lowered priority,
/// never the caller's thread, one thread per core (the priority, not a thread cap, is what yields).
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
    public void The_shared_threads_take_every_core_so_a_sync_on_an_idle_machine_is_not_held_to_one()
    {
        Assert.Equal(Environment.ProcessorCount, BackgroundCpu.Shared.MaximumConcurrencyLevel);
        Assert.Equal(1, BackgroundCpu.ThreadsFor(0));
        Assert.Equal(2, BackgroundCpu.ThreadsFor(2));
    }

    [Fact]
    public void Each_lowering_raises_the_nice_value_by_the_step_and_never_past_19()
    {
        var seen = new List<(bool Lowered, int? Nice)>();
        // A thread of its own: the nice value is per thread and a lowered one cannot be raised back unprivileged.
        var thread = new Thread(() =>
        {
            seen.Add((true, BackgroundCpu.CurrentNice()));
            for (var i = 0; i < 3; i++)
            {
                seen.Add((BackgroundCpu.Lower(), BackgroundCpu.CurrentNice()));
            }
        });
        thread.Start();
        thread.Join();

        Assert.All(seen, s => Assert.True(s.Lowered));
        if (OperatingSystem.IsLinux())
        {
            var start = seen[0].Nice!.Value;
            Assert.Equal([start, Math.Min(19, start + BackgroundCpu.Nice), Math.Min(19, start + (2 * BackgroundCpu.Nice)), Math.Min(19, start + (3 * BackgroundCpu.Nice))],
                seen.Select(s => s.Nice!.Value));
        }
        else
        {
            Assert.All(seen, s => Assert.Null(s.Nice));
        }
    }
}
