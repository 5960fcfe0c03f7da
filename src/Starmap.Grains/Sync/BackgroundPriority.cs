namespace Starmap.Grains.Sync;

/// <summary>How far the sync's computing threads are lowered (see <see cref="BackgroundCpu"/>).</summary>
public enum BackgroundPriority
{
    /// <summary>Not lowered: neither the nice value nor the thread priority could be set.</summary>
    Normal,

    /// <summary>Nice +8 (Linux) or below-normal thread priority.</summary>
    Lowered,

    /// <summary>Idle scheduling (Linux), raised to nice +8 for a while when starved.</summary>
    Idle,
}
