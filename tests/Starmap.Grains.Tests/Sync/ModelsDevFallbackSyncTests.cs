using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>A sync that had to fall back on the cached models.dev snapshot says so in its result.</summary>
[Collection(SyncCluster.Name)]
public sealed class ModelsDevFallbackSyncTests(SyncClusterFixture fixture)
{
    [Fact]
    public async Task A_sync_served_from_the_cached_models_dev_snapshot_warns_with_the_reason_and_its_age()
    {
        var id = TestData.UniqueId("acme");
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList("acme-small")));
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(id, ("acme-small", 0.1m, 0.4m))));
        fixture.Environment[SyncPayloads.KeyVariable(id)] = $"secret-{id}";
        await fixture.Catalog.SetProviderAsync(SyncPayloads.Provider(id, fixture.Server.Url($"/{id}/v1/models")));
        var first = await fixture.Catalog.Sync.SyncAsync(id);
        Assert.Equal(SyncStatus.Applied, first.Status);
        Assert.DoesNotContain(first.Warnings, w => w.Contains("used the snapshot", StringComparison.Ordinal));

        fixture.Server.Map("/models.dev/api.json", new ReplayResponse { Body = "<html><body>Service unavailable</body></html>", ContentType = "text/html" });
        var second = await fixture.Catalog.Sync.SyncAsync(id);

        Assert.Equal(SyncStatus.NoChanges, second.Status);
        Assert.Contains(second.Sources, s => s.Source == SourceIds.ModelsDev && s.Status == SourceStatus.Ok);
        Assert.Contains(second.Warnings, w =>
            w.Contains("models.dev answered HTML, not JSON", StringComparison.Ordinal) &&
            w.Contains("used the snapshot read at", StringComparison.Ordinal) &&
            w.Contains("minutes old)", StringComparison.Ordinal));
    }
}
