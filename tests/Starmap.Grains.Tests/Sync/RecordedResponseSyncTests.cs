using System.Text.Json;
using Starmap.Catalog.Seed;
using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// A full sync of OpenAI from its real recorded list and the real models.dev snapshot (from
/// ../shared/fixtures, skipped where that folder is absent), with the built-in catalog's real
/// connection metadata pointed at the loopback server.
/// </summary>
[Collection(SyncCluster.Name)]
public sealed class RecordedResponseSyncTests(SyncClusterFixture fixture)
{
    [Fact]
    public async Task OpenAI_syncs_from_its_recorded_list_and_the_models_dev_snapshot()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var list = SharedFixtures.Path("provider-responses", "openai", "models_list.json");
        var snapshot = SharedFixtures.Path("models.dev", "api.json");
        fixture.Server.Map("/recorded/openai/v1/models", ReplayResponse.File(list));
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.File(snapshot));
        fixture.Environment["OPENAI_API_KEY"] = "sk-test-recorded-replay-000000000000";

        var seed = BuiltInCatalog.Load();
        await fixture.Catalog.SetAuthorAsync(seed.Authors.Single(a => a.Author.Id == "openai").Author);
        var real = seed.Providers.Single(p => p.Provider.Id == "openai").Provider;
        var provider = real with
        {
            Catalog = real.Catalog! with { Endpoint = real.Catalog.Endpoint! with { Url = fixture.Server.Url("/recorded/openai/v1/models") } },
        };
        await fixture.Catalog.SetProviderAsync(provider);

        var result = await fixture.Catalog.Sync.SyncAsync("openai");
        Assert.Equal(SyncStatus.Applied, result.Status);
        Assert.NotEmpty(result.Changes.AddedDefinitions);
        Assert.Equal(result.Changes.AddedDefinitions.Count, (await fixture.Catalog.Authors.GetAsync("openai")).Definitions.Count);
        var offerings = (await fixture.Catalog.Providers.GetAsync("openai")).Offerings;

        // Independent counts from the files themselves.
        using var listed = JsonDocument.Parse(await File.ReadAllTextAsync(list, TestContext.Current.CancellationToken));
        var ids = listed.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToHashSet();
        using var modelsDev = JsonDocument.Parse(await File.ReadAllTextAsync(snapshot, TestContext.Current.CancellationToken));
        var pricedInModelsDev = modelsDev.RootElement.GetProperty("openai").GetProperty("models").EnumerateObject()
            .Where(m => ids.Contains(m.Name) && m.Value.TryGetProperty("cost", out var cost) && cost.TryGetProperty("input", out _))
            .Select(m => m.Name).ToHashSet();

        Assert.Equal(118, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), offerings.Select(o => o.ModelId));
        Assert.Equal(pricedInModelsDev.Order(StringComparer.Ordinal),
            offerings.Where(o => o.Pricing?.Tokens?.Input is not null).Select(o => o.ModelId));
        Assert.Equal(new DateOnly(2026, 10, 23), offerings.Single(o => o.ModelId == "gpt-3.5-turbo").Lifecycle!.RetiresAt);
        Assert.DoesNotContain("sk-test-recorded", JsonSerializer.Serialize(result), StringComparison.Ordinal);

        var again = await fixture.Catalog.Sync.SyncAsync("openai");
        Assert.Equal(SyncStatus.NoChanges, again.Status);
    }
}
