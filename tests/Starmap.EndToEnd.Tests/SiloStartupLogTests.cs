namespace Starmap.EndToEnd.Tests;

/// <summary>What a fresh silo process logs while it starts.</summary>
public sealed class SiloStartupLogTests(SharedSilo shared)
{
    [Fact]
    public void A_fresh_silo_logs_no_participant_check_stall_at_start()
    {
        // Orleans' watchdog used to measure its first check from timestamp 0 and report the machine's uptime.
        Assert.Contains("Starmap silo ready", shared.Silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Participant check thread has not completed", shared.Silo.Output, StringComparison.Ordinal);
    }
}
