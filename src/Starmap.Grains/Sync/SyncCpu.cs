namespace Starmap.Grains.Sync;

/// <summary>What the silo can say about the threads a sync computes on (logged at start).</summary>
public static class SyncCpu
{
    /// <summary>How far this process's sync computing threads are lowered.</summary>
    public static BackgroundPriority Priority => BackgroundCpu.Shared.Priority;

    /// <summary>One line for the log: the priority, and what would allow idle priority where it is not used.</summary>
    public static string Describe(BackgroundPriority priority) => priority switch
    {
        BackgroundPriority.Idle => "idle priority (SCHED_IDLE; a starved thread is raised to nice +8 for a while)",
        BackgroundPriority.Lowered when OperatingSystem.IsLinux() =>
            "nice +8; idle priority, which keeps reads faster during a sync, needs leave to raise a thread back " +
            "(root, CAP_SYS_NICE, or RLIMIT_NICE allowing nice +8: systemd LimitNICE=+8, docker --ulimit nice=12)",
        BackgroundPriority.Lowered => "below-normal thread priority",
        _ => "normal priority (the threads could not be lowered)",
    };
}
