using Starmap.Grains.Sync;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// The threads a sync computes on (reconcile, diff) yield to the silo's other work: lowered priority (idle
/// scheduling where the process may raise a starved thread back), never the caller's thread, one thread per
/// core (the priority, not a thread cap, is what yields).
/// </summary>
public sealed class BackgroundCpuTests
{
    private const int SchedIdle = 5;
    private const int SchedOther = 0;

    [Fact]
    public async Task Sync_computation_runs_off_the_callers_thread_at_a_raised_nice_value_and_idle_scheduling_where_allowed()
    {
        var caller = Environment.CurrentManagedThreadId;
        var callerNice = BackgroundCpu.CurrentNice();
        var callerPolicy = BackgroundCpu.CurrentPolicy();

        // The guard may have raised the worker for a moment (on a machine busy with other tests it is starved):
        // raised, it is at normal scheduling, so whether it was is read around the policy.
        var (thread, nice, policy, raised) = await BackgroundCpu.Shared.RunAsync(() =>
        {
            var before = BackgroundCpu.CurrentRaised;
            var policy = BackgroundCpu.CurrentPolicy();
            return (Environment.CurrentManagedThreadId, BackgroundCpu.CurrentNice(), policy, before || BackgroundCpu.CurrentRaised);
        });

        Assert.NotEqual(caller, thread);
        if (OperatingSystem.IsLinux())
        {
            // The nice value and the policy are per thread: the worker's are lowered, the caller's left as they were.
            Assert.Equal(Math.Min(19, callerNice!.Value + BackgroundCpu.Nice), nice);
            if (BackgroundCpu.Shared.Priority != BackgroundPriority.Idle)
            {
                Assert.Equal(SchedOther, policy);
            }
            else if (!raised)
            {
                Assert.Equal(SchedIdle, policy);
            }
            else
            {
                Assert.Contains(policy, new int?[] { SchedIdle, SchedOther }); // raised, or being lowered back just now
            }
            Assert.Equal(callerNice, BackgroundCpu.CurrentNice());
            Assert.Equal(callerPolicy, BackgroundCpu.CurrentPolicy());
            Assert.NotEqual(BackgroundPriority.Normal, BackgroundCpu.Shared.Priority);
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
    public void The_shared_threads_take_every_core_but_one_and_at_least_one()
    {
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), BackgroundCpu.Shared.MaximumConcurrencyLevel);
        Assert.Equal(1, BackgroundCpu.ThreadsFor(0));
        Assert.Equal(1, BackgroundCpu.ThreadsFor(1));
        Assert.Equal(1, BackgroundCpu.ThreadsFor(2));
        Assert.Equal(7, BackgroundCpu.ThreadsFor(8));
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

    [Theory]
    [InlineData(1, 900, true)]     // wanted a core for 0.9 s of the second, ran 1 ms: starved
    [InlineData(100, 900, true)]   // ran 10% of it (beside a full point-read load): below the 20% floor
    [InlineData(200, 700, false)]  // ran 22% of it: above the floor, not starved
    [InlineData(0, 100, false)]    // wanted a core for only a tenth of the period: nothing to raise for
    [InlineData(0, 0, false)]      // no work at all
    public void A_thread_is_starved_when_it_wanted_a_core_for_a_quarter_of_the_period_and_ran_under_the_floor(int ranMs, int waitedMs, bool starved)
    {
        Assert.Equal(starved, BackgroundCpu.Starved(ranMs * 1_000_000L, waitedMs * 1_000_000L, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task An_idle_thread_starved_by_busy_normal_threads_is_raised_its_work_finishes_and_it_goes_back_to_idle()
    {
        if (BackgroundCpu.Shared.Priority != BackgroundPriority.Idle)
        {
            Assert.Skip("idle scheduling is not allowed to this process (not Linux, or no leave to raise a thread back)");
        }
        using var cpu = new BackgroundCpu(1, TimeSpan.FromMilliseconds(100));
        using var stop = new CancellationTokenSource();
        // Twice as many busy normal threads as cores: an idle thread alone would get ~0.3% of a core (weight 3 against
        // 1024s). (With one more than the cores, once under CI's load, the work finished unraised: the raise now waits
        // for three starved looks, and whatever CPU the thread got from gaps in the load sufficed.)
        var spinners = Enumerable.Range(0, (2 * Environment.ProcessorCount) + 1).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Thread.SpinWait(1000);
            }
        }) { IsBackground = true }).ToList();
        spinners.ForEach(s => s.Start());
        try
        {
            // 50 ms of the worker's own CPU time, however long the wall clock takes.
            var work = cpu.RunAsync(() =>
            {
                while (ThreadCpu() < TimeSpan.FromMilliseconds(50))
                {
                    Thread.SpinWait(1000);
                }
                return BackgroundCpu.CurrentPolicy();
            });
            await work.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

            Assert.True(cpu.Raises > 0, "the guard never raised the starved thread");
        }
        finally
        {
            await stop.CancelAsync();
            spinners.ForEach(s => s.Join());
        }

        // No longer starved: the next look lowers it to idle scheduling again (asked until then, with a deadline).
        var policy = await Eventually.ValueAsync(() => cpu.RunAsync(BackgroundCpu.CurrentPolicy), p => p == SchedIdle, TimeSpan.FromMinutes(1));
        Assert.Equal(SchedIdle, policy);
    }

    // The calling thread's time on a core, from /proc (schedstat: nanoseconds on a CPU first).
    private static TimeSpan ThreadCpu() =>
        TimeSpan.FromTicks(long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 100);
}
