using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Starmap.Grains.Sync;

/// <summary>
/// Runs a sync's computation (sanitize, reconcile, diff: most of its CPU; and, through <see cref="SyncWork"/>, the
/// writes and change-log entries it causes) on dedicated threads of
/// lowered OS priority: one per core but one (<see cref="ThreadsFor"/>), so a sync on an idle machine uses the
/// other cores, and a sync sharing the machine with requests yields the cores to them. The grain's own steps (reads, writes, publishes) stay on
/// the Orleans scheduler. Lowering is best effort: where it cannot be done the work still runs, at normal
/// priority. How far the threads are lowered is <see cref="Priority"/>:
/// <list type="bullet">
/// <item><see cref="BackgroundPriority.Idle"/> (Linux, where the process may raise a thread back: root,
/// CAP_SYS_NICE, or an RLIMIT_NICE that allows nice +8, e.g. systemd's <c>LimitNICE=+8</c>): the threads are
/// SCHED_IDLE, so a request thread that wakes takes the core at once. At nice +8 alone a read waited out the
/// sync thread's time slice, and point reads during a sync kept half their idle rate; at SCHED_IDLE they keep
/// ~0.8 (docs/benchmarks.md). A guard gives the sync a floor of CPU beside a full read load and keeps it from
/// starving on a machine busy with other work: a thread that, at <see cref="StarvedLooksToRaise"/> looks in a row,
/// wanted a core for a quarter of a <see cref="GuardPeriod"/> but ran less than <see cref="Floor"/> of that time
/// is raised to nice +8 for the next period, then lowered again.</item>
/// <item><see cref="BackgroundPriority.Lowered"/>: nice +8 (elsewhere <see cref="ThreadPriority.BelowNormal"/>).</item>
/// <item><see cref="BackgroundPriority.Normal"/>: neither could be set.</item>
/// </list>
/// </summary>
internal sealed class BackgroundCpu : TaskScheduler, IDisposable
{
    /// <summary>
    /// How much the threads' nice value is raised over the process's. At +8 a sync thread weighs 172 against a
    /// normal thread's 1024 when both want a core. Not higher: the weight counts against every process of the
    /// machine, and at +10 a sync on a machine busy with other work (load average 40, measured) slowed to a crawl.
    /// </summary>
    internal const int Nice = 8;

    /// <summary>
    /// The share of the time it wanted a core below which an idle-priority thread counts as starved. Measured
    /// (docs/benchmarks.md, session 13): beside a full point-read load an idle thread ran ~10-15% of the time it
    /// wanted a core, and once the sync's writes ran on these threads too, a sync of every provider took 8-15 s
    /// with reads at ~0.92 of idle. Raised at every look under 25%, it took 4-5 s and the reads fell to ~0.8; at
    /// 20% and three looks (raised at most one period in four) it took 5-9 s with reads at a median 0.9: both goals.
    /// Beside more busy normal threads than cores an idle thread runs well under 1%.
    /// </summary>
    internal const double Floor = 0.2;

    /// <summary>
    /// How many looks in a row must find a thread starved before it is raised: a sync beside a full read load has
    /// single periods near nothing (reads came in a burst), and raising for each of those cost the reads more than
    /// it helped the sync.
    /// </summary>
    internal const int StarvedLooksToRaise = 3;

    /// <summary>
    /// How often the guard looks at the idle-priority threads. Short, because a starved thread can hold up more
    /// than its own work: a garbage collection waits for every managed thread to reach a safe point, so while an
    /// idle thread waits for a core on a machine busy with other processes, the silo's other threads wait too.
    /// </summary>
    internal static readonly TimeSpan GuardPeriod = TimeSpan.FromMilliseconds(250);

    private readonly BlockingCollection<Task> _queue = [];
    private readonly List<Worker> _workers = [];
    private readonly Timer? _guard;
    private readonly TimeSpan _period;
    private int _raises;

    /// <summary>The process's one instance (its threads start with it and live with the process).</summary>
    public static BackgroundCpu Shared { get; } = new(ThreadsFor(Environment.ProcessorCount));

    /// <summary>
    /// Threads for a machine of <paramref name="processors"/> cores: every core but one, and at least one. Even at
    /// idle priority, a sync thread on every core cost the reads: on 2 cores, point reads during later syncs kept
    /// 0.66-0.87 of idle (median 0.78) with two threads and 0.77-0.92 (median 0.82) with one, while a sync of every
    /// provider took 4.4-7.9 s against 4.6-9.8 s (docs/benchmarks.md, session 11).
    /// </summary>
    internal static int ThreadsFor(int processors) => Math.Max(1, processors - 1);

    internal BackgroundCpu(int threads, TimeSpan? guardPeriod = null)
    {
        _period = guardPeriod ?? GuardPeriod;
        Priority = Probe();
        for (var i = 0; i < threads; i++)
        {
            var worker = new Worker();
            var thread = new Thread(() => Work(worker)) { IsBackground = true, Name = "Starmap sync CPU" };
            _workers.Add(worker);
            thread.Start();
        }
        if (Priority == BackgroundPriority.Idle)
        {
            _guard = new Timer(_ => Guard(), null, _period, _period);
        }
    }

    /// <summary>How far this scheduler's threads are lowered.</summary>
    public BackgroundPriority Priority { get; }

    /// <summary>How many times the guard raised a starved thread (for tests and diagnostics).</summary>
    internal int Raises => Volatile.Read(ref _raises);

    /// <summary>Threads serving this scheduler.</summary>
    public override int MaximumConcurrencyLevel => _workers.Count;

    /// <summary>Runs <paramref name="work"/> on a lowered-priority thread; the caller awaits it in its own context.</summary>
    public Task<T> RunAsync<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    public void Dispose()
    {
        _guard?.Dispose();
        _queue.CompleteAdding();
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Never inline: the point is to keep this work off the caller's (normal-priority) thread.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work(Worker worker)
    {
        _current = worker;
        _ = Lower();
        if (Priority == BackgroundPriority.Idle)
        {
            worker.Tid = GetTid();
            _ = SetPolicy(worker.Tid, SchedIdle);
        }
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    /// <summary>
    /// Once a period: a raised thread goes back to idle priority; an idle one that wanted a core for at least a
    /// quarter of the period but ran less than <see cref="Floor"/> of that time is raised to its nice value.
    /// </summary>
    private void Guard()
    {
        // A timer's callbacks may overlap when one is late: one look at a time.
        if (!Monitor.TryEnter(_workers))
        {
            return;
        }
        try
        {
            foreach (var worker in _workers)
            {
                Look(worker);
            }
        }
        finally
        {
            Monitor.Exit(_workers);
        }
    }

    private void Look(Worker worker)
    {
        if (worker.Tid == 0 || ReadSchedstat(worker.Tid) is not { } now)
        {
            return;
        }
        if (worker.Last is not { } last)
        {
            worker.Last = now; // the first look only takes the counts
            return;
        }
        var ran = now.RunNs - last.RunNs;
        var waited = now.WaitNs - last.WaitNs;
        worker.Last = now;
        if (worker.Raised)
        {
            worker.Raised = !SetPolicy(worker.Tid, SchedIdle);
            worker.StarvedLooks = 0;
            return;
        }
        worker.StarvedLooks = Starved(ran, waited, _period) ? worker.StarvedLooks + 1 : 0;
        if (worker.StarvedLooks >= StarvedLooksToRaise)
        {
            // Marked before the policy changes (and unmarked after it changes back): a thread at normal scheduling
            // is always marked raised.
            worker.Raised = true;
            if (SetPolicy(worker.Tid, SchedOther))
            {
                Interlocked.Increment(ref _raises);
            }
            else
            {
                worker.Raised = false;
            }
        }
    }

    /// <summary>Whether a thread that ran <paramref name="ranNs"/> and waited <paramref name="waitedNs"/> for a core in one period was starved.</summary>
    internal static bool Starved(long ranNs, long waitedNs, TimeSpan period) =>
        waitedNs >= period.Ticks * 100 / 4 && ranNs < Floor * (ranNs + waitedNs);

    /// <summary>The nice value of the calling thread, or null where it cannot be read (not Linux, or no libc to ask).</summary>
    internal static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            Marshal.SetLastPInvokeError(0);
            var nice = GetPriority(PrioProcess, GetTid());
            return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The scheduling policy of the calling thread (0 normal, 5 idle), or null where it cannot be read.</summary>
    internal static int? CurrentPolicy()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            var policy = GetScheduler(GetTid());
            return policy < 0 ? null : policy;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Lowers the calling thread's priority; false when it could not (the work then runs at normal priority:
    /// slower to yield, never lost). Internal for the tests.
    /// </summary>
    internal static bool Lower()
    {
        // On Linux .NET leaves thread priorities alone; the nice value of one thread is what the kernel weighs.
        // Raised from what the thread inherited (a process started under nice stays below its own threads).
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
                return true;
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException or ThreadStateException)
            {
                return false;
            }
        }
        if (CurrentNice() is not { } inherited)
        {
            return false;
        }
        try
        {
            return SetPriority(PrioProcess, GetTid(), Math.Min(19, inherited + Nice)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// What this process may do, tried on a thread of its own (a thread made idle that may not be raised back
    /// must not be one of the workers): lower, make idle, and raise back to the lowered nice value.
    /// </summary>
    internal static BackgroundPriority Probe()
    {
        var priority = BackgroundPriority.Normal;
        var probe = new Thread(() =>
        {
            if (!Lower())
            {
                return;
            }
            priority = BackgroundPriority.Lowered;
            if (OperatingSystem.IsLinux() && SetPolicy(GetTid(), SchedIdle) && SetPolicy(GetTid(), SchedOther))
            {
                priority = BackgroundPriority.Idle;
            }
        }) { IsBackground = true, Name = "Starmap sync CPU probe" };
        probe.Start();
        probe.Join();
        return priority;
    }

    private static bool SetPolicy(int tid, int policy)
    {
        try
        {
            var parameters = 0; // struct sched_param { int sched_priority; }: 0 for both policies
            return SetScheduler(tid, policy, ref parameters) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A thread's time on a core and time waiting for one (ns), from /proc; null where it cannot be read.</summary>
    private static Schedstat? ReadSchedstat(int tid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/self/task/{tid}/schedstat").Split(' ');
            return fields.Length >= 2
                && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var run)
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var wait)
                ? new Schedstat(run, wait)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private readonly record struct Schedstat(long RunNs, long WaitNs);

    private sealed class Worker
    {
        public volatile int Tid;
        public Schedstat? Last;
        public volatile bool Raised;
        public int StarvedLooks;
    }

    [ThreadStatic]
    private static Worker? _current;

    /// <summary>Whether the calling thread is one of these threads that the guard has raised for now (for tests).</summary>
    internal static bool CurrentRaised => _current?.Raised == true;

    private const int PrioProcess = 0;
    private const int SchedOther = 0;
    private const int SchedIdle = 5;

    // DllImport, not LibraryImport: calls with int arguments need no marshalling, and LibraryImport
    // would need unsafe code allowed in this project.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetScheduler(int tid, int policy, ref int parameters);

    [DllImport("libc", EntryPoint = "sched_getscheduler", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetScheduler(int tid);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetTid();
}
