using System.Text.RegularExpressions;
using Starmap.Client;

namespace Starmap.EndToEnd.Tests;

/// <summary>A silo process left at the default (Starmap:Sync:Rehearse on) rehearses a sync once it is ready, and writes nothing.</summary>
public sealed partial class SyncRehearsalTests
{
    [Fact]
    public async Task A_silo_rehearses_a_sync_of_every_provider_after_its_ready_line_and_the_catalog_stays_as_seeded()
    {
        var data = TestFolders.New("rehearse");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, new Dictionary<string, string?> { ["Starmap__Sync__Rehearse"] = null });
            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, TestContext.Current.CancellationToken);
            var seeded = await connection.Catalog.GetStatusAsync();

            // At idle priority on a machine busy with other tests it takes a while: a deadline, not a wait.
            await silo.WaitForOutputAsync("Rehearsed a sync of", TimeSpan.FromMinutes(4));

            var lines = silo.Output.Split(Environment.NewLine);
            var ready = Array.FindIndex(lines, l => l.Contains("Starmap silo ready", StringComparison.Ordinal));
            var rehearsed = Array.FindIndex(lines, l => l.Contains("Rehearsed a sync of", StringComparison.Ordinal));
            Assert.True(ready >= 0 && rehearsed > ready, $"the rehearsal comes after the ready line:\n{silo.Output}");
            var said = Said().Match(lines[rehearsed]);
            Assert.True(said.Success, lines[rehearsed]);
            Assert.Equal((seeded.Providers, seeded.Generation, 0), (int.Parse(said.Groups["providers"].Value), long.Parse(said.Groups["generation"].Value), int.Parse(said.Groups["failed"].Value)));
            Assert.True(int.Parse(said.Groups["changes"].Value) > 0, lines[rehearsed]);

            var after = await connection.Catalog.GetStatusAsync();
            Assert.Equal((seeded.Generation, seeded.Offerings), (after.Generation, after.Offerings));
            Assert.Empty(await connection.Catalog.Sync.GetHistoryAsync("openai"));
            Assert.Null(await connection.Catalog.Sync.GetLastOutcomeAsync("groq"));
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [GeneratedRegex(@"Rehearsed a sync of (?<providers>\d+) providers at generation (?<generation>\d+) in \d+ ms: (?<changes>\d+) changes found and none applied, (?<failed>\d+) failed")]
    private static partial Regex Said();
}
