using Starmap.Formats;
using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

/// <summary>A Starmap on-disk catalog folder as the "local" source.</summary>
public sealed class LocalCatalogSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "starmap-local-source", Guid.NewGuid().ToString("N"));

    // An export refuses a folder whose parent is missing (a mistyped path is not created): the shared parent is
    // made here, as on a fresh machine nothing else has made it.
    public LocalCatalogSourceTests() => Directory.CreateDirectory(Path.GetDirectoryName(_folder)!);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void WriteCatalog(Provider provider, params string[] models) =>
        StarmapFiles.Export(_folder,
            [new ProviderDetails
            {
                Provider = provider,
                Offerings = [.. models.Select(m => new Offering
                {
                    ProviderId = provider.Id,
                    ModelId = m,
                    Name = $"Local {m}",
                    Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1.5m, Output = 6m } },
                })],
            }],
            []);

    [Fact]
    public async Task A_configured_folder_is_read_as_the_local_source_with_its_prices()
    {
        await using var h = await Harness.StartAsync(o => o.LocalCatalogPath = _folder);
        var provider = OpenAI(h.Server);
        WriteCatalog(provider, "gpt-4o", "org/model@v1");
        h.Server.Map("/v1/models", ReplayResponse.File(Fixture("openai", "models.json")));
        h.Server.Map("/models.dev/api.json", ReplayResponse.File(Fixture("models.dev", "api.json")));
        h.Environment["OPENAI_API_KEY"] = "sk-x";

        var result = await h.Fetcher.FetchAsync(provider, new SyncRequest(), Ct);
        var local = result.Observation(SourceIds.Local)!;
        Assert.Equal(["gpt-4o", "org/model@v1"], local.Models.Select(m => m.ModelId));
        Assert.Equal(1.5m, local.Models[0].Offering.Pricing!.Tokens!.Input);
        Assert.Equal(_folder, local.Location);
        Assert.Equal(3, result.Reports.Count);
    }

    [Fact]
    public async Task Without_a_folder_the_local_source_stays_out_of_default_syncs_and_says_why_when_asked()
    {
        await using var h = await Harness.StartAsync();
        var provider = OpenAI(h.Server);
        var defaults = await h.Fetcher.FetchAsync(provider, new SyncRequest { Sources = [SourceIds.ModelsDev] }, Ct);
        Assert.DoesNotContain(defaults.Reports, r => r.Source == SourceIds.Local);

        var asked = await h.Fetcher.FetchAsync(provider, new SyncRequest { Sources = [SourceIds.Local] }, Ct);
        var report = Assert.Single(asked.Reports);
        Assert.Equal(SourceStatus.Skipped, report.Status);
        Assert.Contains("LocalCatalogPath", report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_fails_the_local_source_naming_the_file()
    {
        await using var h = await Harness.StartAsync(o => o.LocalCatalogPath = _folder);
        var provider = OpenAI(h.Server);
        WriteCatalog(provider, "gpt-4o");
        await File.WriteAllTextAsync(Path.Combine(_folder, "providers.yaml"), "- id: openai\n  name: [unclosed\n", Ct);

        var result = await h.Fetcher.FetchAsync(provider, new SyncRequest { Sources = [SourceIds.Local] }, Ct);
        var report = Assert.Single(result.Reports);
        Assert.Equal(SourceStatus.Failed, report.Status);
        Assert.Contains("providers.yaml", report.Error, StringComparison.Ordinal);
        Assert.Empty(result.Observations);
    }
}
