using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Starmap.Grains.Sync;
using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// The sync rehearsal a silo runs after its start (Starmap:Sync:Rehearse): dry runs of a models.dev sync of every
/// provider over the catalog's own data with some prices moved. They must find those changes and write nothing.
/// </summary>
[Collection(SyncCluster.Name)]
public sealed class SyncRehearsalTests(SyncClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    private SyncRehearsal Rehearsal => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<SyncRehearsal>();

    private IChangeLogStore Log => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IChangeLogStore>();

    [Fact]
    public async Task A_rehearsal_dry_runs_every_provider_finds_the_moved_prices_writes_nothing_and_counts_in_no_metric()
    {
        // "rehears" is seven characters long: the rehearsal moves its input price; "m1" keeps its own.
        var id = TestData.UniqueId("rehearse");
        fixture.Server.Map($"/{id}/v1/models", ReplayResponse.Json(SyncPayloads.OpenAiList("rehears", "m1")));
        fixture.Environment[SyncPayloads.KeyVariable(id)] = $"secret-{id}";
        await Catalog.SetProviderAsync(SyncPayloads.Provider(id, fixture.Server.Url($"/{id}/v1/models")));
        fixture.Server.Map("/models.dev/api.json", ReplayResponse.Json(SyncPayloads.ModelsDev(id, ("rehears", 1m, 2m), ("m1", 3m, 4m))));
        Assert.Equal(SyncStatus.Applied, (await Catalog.Sync.SyncAsync(id)).Status);
        var before = await Catalog.GetStatusAsync();
        var providerBefore = await Catalog.Providers.GetAsync(id);
        var historyBefore = await Catalog.Sync.GetHistoryAsync(id);
        var counted = new List<string>();
        using var listener = SyncRunsOf(id, counted);

        var done = await Rehearsal.RunAsync(TestContext.Current.CancellationToken);

        var providers = (await Catalog.Providers.ListAsync()).Items.Count;
        Assert.Equal((providers, 0, before.Generation), (done.Providers, done.Failed, done.Generation));
        Assert.True(done.Changes >= 1, $"the moved price of {id}/rehears is a change; the rehearsal found {done.Changes}");
        var after = await Catalog.GetStatusAsync();
        Assert.Equal(before.Generation, after.Generation);
        Assert.Equal(providerBefore, await Catalog.Providers.GetAsync(id));
        Assert.Equal((1m, 3m), ((await Catalog.Models.GetAsync(id, "rehears")).InputPrice, (await Catalog.Models.GetAsync(id, "m1")).InputPrice));
        Assert.Equal(historyBefore, await Catalog.Sync.GetHistoryAsync(id));
        Assert.Empty(await Log.ReadAfterAsync(before.Generation, TestContext.Current.CancellationToken));
        // The listener hears a real sync of the provider (so its silence above means something).
        var real = await Catalog.Sync.SyncAsync(id);
        Assert.Equal([real.Status.ToString().ToLowerInvariant()], counted);
    }

    // Every starmap.sync.runs measurement of the provider, by status (the test cluster's silos run in this process).
    private static MeterListener SyncRunsOf(string providerId, List<string> statuses)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument is { Name: "starmap.sync.runs", Meter.Name: StarmapMetrics.MeterName })
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? provider = null, status = null;
            foreach (var tag in tags)
            {
                provider = tag.Key == "provider" ? tag.Value as string : provider;
                status = tag.Key == "status" ? tag.Value as string : status;
            }
            if (provider == providerId)
            {
                lock (statuses)
                {
                    statuses.Add(status ?? "?");
                }
            }
        });
        listener.Start();
        return listener;
    }

    [Fact]
    public void The_rehearsal_moves_the_input_price_of_models_whose_id_length_is_a_multiple_of_seven_only()
    {
        static CatalogModel Model(string id) => new()
        {
            Offering = new Offering { ProviderId = "p", ModelId = id, Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 10m, Output = 20m } } },
        };

        Assert.Equal((11.0m, 20m), (SyncRehearsal.Moved(Model("seven77")).InputPrice, SyncRehearsal.Moved(Model("seven77")).OutputPrice));
        Assert.Equal(10m, SyncRehearsal.Moved(Model("six666")).InputPrice);
        var unpriced = new CatalogModel { Offering = new Offering { ProviderId = "p", ModelId = "seven77" } };
        Assert.Same(unpriced, SyncRehearsal.Moved(unpriced));
    }
}
