using Starmap.Client;

namespace Starmap.EndToEnd.Tests;

/// <summary>The embedded default keeps everything across a graceful stop and a new process on the same folder.</summary>
public sealed class SiloRestartTests
{
    [Fact]
    public async Task A_new_silo_process_on_the_same_folder_keeps_user_changes_and_does_not_reseed()
    {
        var data = TestFolders.New("restart");
        try
        {
            CatalogStatus before;
            string removed;
            await using (var silo = await SiloProcess.StartAsync(data))
            {
                await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, TestContext.Current.CancellationToken);
                var groq = await connection.Catalog.Providers.GetAsync("groq");
                removed = groq.Offerings[0].ModelId;
                await connection.Catalog.Providers.DeleteModelAsync("groq", removed);
                var added = groq.Offerings[1] with { ModelId = "acme/custom-model@v1", Name = "Custom" };
                await connection.Catalog.Providers.SetModelAsync("groq", added);
                before = await connection.Catalog.GetStatusAsync();
                Assert.Equal(0, await silo.StopAsync());
            }

            await using (var silo = await SiloProcess.StartAsync(data))
            {
                await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { silo.Gateway } }, TestContext.Current.CancellationToken);
                var after = await connection.Catalog.GetStatusAsync();
                Assert.Equal(before.SeedVersion, after.SeedVersion);
                Assert.Equal(before.SeededAt, after.SeededAt);
                Assert.True(after.Generation >= before.Generation);
                Assert.Equal(before.Offerings, after.Offerings);
                Assert.Null(await connection.Catalog.Models.FindAsync("groq", removed));
                Assert.Equal("Custom", (await connection.Catalog.Models.GetAsync("groq", "acme/custom-model@v1")).Name);
                Assert.DoesNotContain("Seeded the built-in catalog", silo.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task A_bad_setting_stops_the_silo_with_a_message_naming_it()
    {
        var data = TestFolders.New("bad-setting");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(data, "starmap", "--gateway-port", "70000"));
            Assert.Contains("GatewayPort", error.Message, StringComparison.Ordinal);
            Assert.Contains("70000", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
