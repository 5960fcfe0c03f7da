using Microsoft.Extensions.DependencyInjection;
using Starmap.Sync.History;

namespace Starmap.Grains.Tests.History;

/// <summary>Every publish is recorded in the change log, field by field, and the log undoes back to any earlier generation.</summary>
public sealed class ChangeRecordingTests(ClusterFixture fixture)
{
    private IChangeLogStore Log => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IChangeLogStore>();

    [Fact]
    public async Task A_price_change_is_recorded_with_old_and_new_value_generation_and_origin()
    {
        var id = TestData.UniqueId("log-price");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        var created = await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m1", input: 1.25m));

        var repriced = await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m1", input: 2.5m));

        var page = await Log.QueryAsync(new ChangeQuery { Provider = id, Model = "m1", Field = "pricing" }, TestContext.Current.CancellationToken);
        var change = Assert.Single(page.Items);
        Assert.Equal(("pricing.tokens.input", "1.25", "2.5"), (change.Path, change.Old, change.New));
        Assert.Equal((repriced.Generation, ChangeKind.Changed, ChangeOrigins.Client), (change.Generation, change.Kind, change.Origin));
        Assert.True(change.Generation > created.Generation);
    }

    [Fact]
    public async Task The_origin_a_surface_puts_in_the_request_context_is_recorded()
    {
        var id = TestData.UniqueId("log-origin");
        RequestContext.Set(ChangeOrigins.RequestContextKey, ChangeOrigins.PowerShell);
        try
        {
            await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        }
        finally
        {
            RequestContext.Remove(ChangeOrigins.RequestContextKey);
        }

        var page = await Log.QueryAsync(new ChangeQuery { Provider = id }, TestContext.Current.CancellationToken);

        var added = Assert.Single(page.Items);
        Assert.Equal((ChangeKind.Added, ChangeOrigins.PowerShell, (string?)null), (added.Kind, added.Origin, added.ModelId));
    }

    [Fact]
    public async Task Undoing_the_logged_changes_gives_back_the_provider_at_an_earlier_generation()
    {
        var id = TestData.UniqueId("log-undo");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "a"));
        var at = await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "b", input: 3m));
        var then = await fixture.Client.GetGrain<IProviderGrain>(id).GetAsync();

        await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "b", input: 4m, output: null));
        await fixture.Catalog.Providers.DeleteModelAsync(id, "a");
        await fixture.Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "c"));
        var now = await fixture.Client.GetGrain<IProviderGrain>(id).GetAsync();

        var newer = await Log.ReadEntityAsync(ChangeEntity.Provider, id, at.Generation, TestContext.Current.CancellationToken);
        var rebuilt = EntityChanges.Revert(now, newer);

        Assert.Equal(Starmap.Catalog.Json.StarmapJson.Serialize(then), Starmap.Catalog.Json.StarmapJson.Serialize(rebuilt));
        Assert.Equal(at.Version, rebuilt!.Version);
    }

    [Fact]
    public async Task A_write_that_changes_nothing_records_nothing()
    {
        var id = TestData.UniqueId("log-same");
        await fixture.Catalog.SetProviderAsync(Samples.Provider(id));
        var first = await Log.QueryAsync(new ChangeQuery { Provider = id, Bookkeeping = true }, TestContext.Current.CancellationToken);

        var again = await fixture.Catalog.SetProviderAsync(Samples.Provider(id));

        Assert.False(again.Changed);
        Assert.Equal(first.Items, (await Log.QueryAsync(new ChangeQuery { Provider = id, Bookkeeping = true }, TestContext.Current.CancellationToken)).Items);
    }
}
