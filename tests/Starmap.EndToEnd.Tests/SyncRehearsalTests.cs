using System.Text.RegularExpressions;
using Starmap.Client;

namespace Starmap.EndToEnd.Tests;

/// <summary>A silo process left at the default (Starmap:Sync:Rehearse on) rehearses a sync once it is ready, and writes nothing.</summary>
public sealed partial class SyncRehearsalTests
{
    [Fact]
    public async Task A_silo_left_at_the_default_rehearses_a_sync_after_its_ready_line_and_writes_nothing()
    {
        // An empty catalog (--seed false): the wiring is what this test is about. The rehearsal of the seeded catalog
        // takes ~10 s of idle-priority CPU, which a machine busy with the rest of the suite may not give it for
        // minutes; the grain tests (Starmap.Grains.Tests, SyncRehearsalTests) rehearse a catalog with priced models.
        var data = TestFolders.New("rehearse");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, new Dictionary<string, string?> { ["Starmap__Sync__Rehearse"] = null }, "starmap", "--seed", "false");
            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, TestContext.Current.CancellationToken);
            var before = await connection.Catalog.GetStatusAsync();

            await silo.WaitForOutputAsync("Rehearsed a sync of", TimeSpan.FromMinutes(2));

            var lines = silo.Output.Split(Environment.NewLine);
            var ready = Array.FindIndex(lines, l => l.Contains("Starmap silo ready", StringComparison.Ordinal));
            var rehearsed = Array.FindIndex(lines, l => l.Contains("Rehearsed a sync of", StringComparison.Ordinal));
            Assert.True(ready >= 0 && rehearsed > ready, $"the rehearsal comes after the ready line:\n{silo.Output}");
            var said = Said().Match(lines[rehearsed]);
            Assert.True(said.Success, lines[rehearsed]);
            Assert.Equal((before.Providers, before.Generation, 0), (int.Parse(said.Groups["providers"].Value), long.Parse(said.Groups["generation"].Value), int.Parse(said.Groups["failed"].Value)));
            var after = await connection.Catalog.GetStatusAsync();
            Assert.Equal((before.Generation, before.Providers, before.Offerings), (after.Generation, after.Providers, after.Offerings));
            Assert.DoesNotContain("sync rehearsal failed", silo.Output, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [GeneratedRegex(@"Rehearsed a sync of (?<providers>\d+) providers at generation (?<generation>\d+) in \d+ ms: (?<changes>\d+) changes found and none applied, (?<failed>\d+) failed")]
    private static partial Regex Said();
}
