using System.Diagnostics;

namespace Starmap.Silo;

/// <summary>
/// Orleans' membership clock (<c>TimeProviderNames.Membership</c>) with timestamps counted from when the silo
/// first asks for it (as it builds its membership services) instead of from when the machine booted. Only the origin moves: the frequency, wall-clock time
/// and timers are the system's, so every interval Orleans measures is unchanged.
/// </summary>
/// <remarks>
/// Why: Orleans' <c>Watchdog.Start</c> (src/Orleans.Runtime/Silo/Watchdog.cs) starts its platform thread
/// before it sets <c>_componentWatchdogTimestamp</c>, so the thread's first check measures the time since
/// timestamp 0. With the system clock that is the machine's monotonic uptime, and every silo start logged
/// "Participant check thread has not completed for" the uptime. From this clock's origin, timestamp 0 is
/// moments before the watchdog starts (the watchdog itself takes this clock), far inside its stall threshold (twice
/// <c>ClusterMembershipOptions.LocalHealthDegradationMonitoringPeriod</c>), so the false alarm is gone
/// while a real stall of the participant check still raises it.
/// </remarks>
internal sealed class SiloEpochTimeProvider : TimeProvider
{
    // One tick before now, so no timestamp this clock gives is 0 or negative.
    private readonly long _origin = Stopwatch.GetTimestamp() - 1;

    public override long GetTimestamp() => Stopwatch.GetTimestamp() - _origin;
}
