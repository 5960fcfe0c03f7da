using System.Text.Json.Nodes;

namespace Starmap.EndToEnd.Tests;

/// <summary>What a silo serves on the first start on an empty data folder: the built-in catalog, or nothing when seeding is off.</summary>
public sealed class FirstStartTests(SharedSilo shared)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_data_folder_serves_every_provider_and_model_of_the_built_in_catalog_on_its_first_start()
    {
        // The shared silo started with default settings on an empty folder: this was its first start.
        Assert.Contains("Seeded the built-in catalog", shared.Silo.Output, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = shared.Silo.Http };

        var models = JsonNode.Parse(await http.GetStringAsync("/api/v1/models?limit=1", Ct))!;
        Assert.True((int)models["total"]! >= 5_000, $"{models["total"]} offerings");
        var providers = JsonNode.Parse(await http.GetStringAsync("/api/v1/providers", Ct))!["items"]!.AsArray();
        Assert.True(providers.Count >= 150, $"{providers.Count} providers");
        // Curated providers and models.dev-only ones side by side.
        Assert.Contains(providers, p => (string?)p!["id"] == "openai");
        Assert.Contains(providers, p => (string?)p!["id"] == "amazon-bedrock");
        var ready = shared.Silo.Output.Split(Environment.NewLine).Single(l => l.Contains("Starmap silo ready", StringComparison.Ordinal));
        Assert.Contains($"({providers.Count} providers, {models["total"]} models)", ready, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed false")]
    [InlineData("Starmap__Seed=false")]
    public async Task With_seeding_off_a_fresh_data_folder_starts_empty(string setting)
    {
        var data = TestFolders.New("unseeded");
        try
        {
            await using var silo = setting.StartsWith("--", StringComparison.Ordinal)
                ? await SiloProcess.StartAsync(data, "starmap", "--seed", "false")
                : await SiloProcess.StartAsync(data, new Dictionary<string, string?> { ["Starmap__Seed"] = "false" });
            using var http = new HttpClient { BaseAddress = silo.Http };

            var models = JsonNode.Parse(await http.GetStringAsync("/api/v1/models?limit=1", Ct))!;
            Assert.Equal(0, (int)models["total"]!);
            Assert.Empty(JsonNode.Parse(await http.GetStringAsync("/api/v1/providers", Ct))!["items"]!.AsArray());
            Assert.DoesNotContain("Seeded the built-in catalog", silo.Output, StringComparison.Ordinal);
            Assert.Contains("(0 providers, 0 models)", silo.Output, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
