using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Starmap.Grains;

/// <summary>
/// Runs a sync's pure computation (sanitize, reconcile, diff: most of its CPU) on a few dedicated threads
/// of lowered OS priority, so that on a small machine a sync of every provider yields the cores to the
/// requests it shares them with and takes what they leave. Half the cores at most (one on two), so a sync
/// never holds every core even when nothing else runs; the grain's own steps (reads, writes, publishes) stay
/// on the Orleans scheduler. On Linux the threads' nice value is raised (per thread: setpriority on the
/// thread ID); elsewhere <see cref="ThreadPriority.BelowNormal"/> is asked for.
/// </summary>
internal sealed class BackgroundCpu : TaskScheduler, IDisposable
{
    /// <summary>
    /// How much the threads' nice value is raised over the process's: from 0, a kernel weight of 423 against a normal thread's 1024 when both want a
    /// core. Mild on purpose: the weight counts against every process of the machine, and at nice 10 (weight
    /// 110) a sync on a machine busy with other work (load average 40, measured) slowed to a crawl.
    /// </summary>
    internal const int Nice = 4;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly List<Thread> _threads = [];

    /// <summary>The process's one instance (its threads start on first use and live with the process).</summary>
    public static BackgroundCpu Shared { get; } = new(Math.Max(1, Environment.ProcessorCount / 2));

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
        Lower();
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    /// <summary>The nice value of the calling thread, or null where it cannot be read.</summary>
    internal static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        Marshal.SetLastPInvokeError(0);
        var nice = GetPriority(PrioProcess, GetTid());
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
    }

    private static void Lower()
    {
        // On Linux .NET leaves thread priorities alone; the nice value of one thread is what the kernel weighs.
        // Raised from what the thread inherited (a process started under nice stays below its own threads).
        if (OperatingSystem.IsLinux())
        {
            _ = SetPriority(PrioProcess, GetTid(), Math.Min(19, (CurrentNice() ?? 0) + Nice));
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
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
