using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Starmap.Grains.Sync;

/// <summary>
/// Runs a sync's pure computation (sanitize, reconcile, diff: most of its CPU) on dedicated threads of
/// lowered OS priority: one per core, so a sync on an idle machine uses every core, and a sync sharing the
/// machine with requests yields the cores to them (the kernel gives a lowered thread only what normal ones
/// leave, in proportion to their weights). The grain's own steps (reads, writes, publishes) stay on the
/// Orleans scheduler. On Linux the threads' nice value is raised (per thread: setpriority on the thread ID);
/// elsewhere <see cref="ThreadPriority.BelowNormal"/> is asked for. Lowering is best effort: where it
/// cannot be done the work still runs, at normal priority.
/// </summary>
internal sealed class BackgroundCpu : TaskScheduler, IDisposable
{
    /// <summary>
    /// How much the threads' nice value is raised over the process's. At +8 a sync thread weighs 172 against a
    /// normal thread's 1024 when both want a core, so a request thread gets ~86% of a core it shares with
    /// the sync (at +4, 423: ~70%, too little to keep reads at 80% of their idle rate when the sync holds
    /// every core). Not higher: the weight counts against every process of the machine, and at +10 a sync on
    /// a machine busy with other work (load average 40, measured) slowed to a crawl.
    /// </summary>
    internal const int Nice = 8;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly List<Thread> _threads = [];

    /// <summary>The process's one instance (its threads start on first use and live with the process).</summary>
    public static BackgroundCpu Shared { get; } = new(ThreadsFor(Environment.ProcessorCount));

    /// <summary>Threads for a machine of <paramref name="processors"/> cores: every core (the lowered priority is what yields).</summary>
    internal static int ThreadsFor(int processors) => Math.Max(1, processors);

    internal BackgroundCpu(int threads)
    {
        for (var i = 0; i < threads; i++)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = "Starmap sync CPU" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>Threads serving this scheduler.</summary>
    public override int MaximumConcurrencyLevel => _threads.Count;

    /// <summary>Runs <paramref name="work"/> on a lowered-priority thread; the caller awaits it in its own context.</summary>
    public Task<T> RunAsync<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Never inline: the point is to keep this work off the caller's (normal-priority) thread.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        _ = Lower();
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

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

    private const int PrioProcess = 0;

    // DllImport, not LibraryImport: three calls with int arguments need no marshalling, and LibraryImport
    // would need unsafe code allowed in this project.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetTid();
}
