using Microsoft.Extensions.DependencyInjection;

namespace Starmap.Grains.Tests.History;

/// <summary>Reads at a point, price history, compare and restore through the facade, over the change log of a real cluster.</summary>
public sealed class CatalogHistoryTests(ClusterFixture fixture)
{
    private StarmapCatalog Catalog => fixture.Catalog;

    [Fact]
    public async Task A_price_unknown_then_stays_unknown_when_read_at_that_generation()
    {
        var id = TestData.UniqueId("hist-unknown");
        await Catalog.SetProviderAsync(Samples.Provider(id));
        var unpriced = await Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m", input: null, output: null));
        await Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m", input: 2m, output: 8m));

        var then = await Catalog.History.GetModelAsync(id, "m", CatalogPoint.OfGeneration(unpriced.Generation));

        Assert.Null(then.Offering.Pricing);
        Assert.Null(then.InputPrice);
        var history = await Catalog.History.GetPriceHistoryAsync(id, "m");
        Assert.Null(history.Items[0].Pricing);
        Assert.Equal(2m, history.Items[^1].Pricing!.Tokens!.Input);
    }

    [Fact]
    public async Task A_model_that_did_not_exist_then_is_not_found_at_that_generation()
    {
        var id = TestData.UniqueId("hist-absent");
        var created = await Catalog.SetProviderAsync(Samples.Provider(id));
        await Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "late"));

        Assert.Null(await Catalog.History.FindModelAsync(id, "late", CatalogPoint.OfGeneration(created.Generation)));
        await Assert.ThrowsAsync<StarmapNotFoundException>(() => Catalog.History.GetModelAsync(id, "late", CatalogPoint.OfGeneration(created.Generation)));
    }

    [Fact]
    public async Task A_generation_newer_than_the_catalog_is_refused_as_too_new_naming_the_readable_range()
    {
        var newest = (await Catalog.GetStatusAsync()).Generation;

        var refused = await Assert.ThrowsAsync<StarmapHistoryRangeException>(() => Catalog.History.ResolveAsync(CatalogPoint.OfGeneration(newest + 1000)));

        Assert.True(refused.TooNew);
        Assert.Contains("newer than the catalog", refused.Message, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"generations {refused.OldestReadable} to {refused.Newest}"), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_before_the_change_log_starts_is_refused_naming_where_it_starts_and_the_oldest_readable_generation()
    {
        await Catalog.SetProviderAsync(Samples.Provider(TestData.UniqueId("hist-range")));
        var bounds = await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IChangeLogStore>().GetBoundsAsync(TestContext.Current.CancellationToken);

        var early = await Assert.ThrowsAsync<StarmapHistoryRangeException>(() => Catalog.History.ResolveAsync(CatalogPoint.OfTime(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero))));

        Assert.False(early.TooNew);
        Assert.Equal(bounds.OldestReadable, early.OldestReadable);
        Assert.Contains(FormattableString.Invariant($"the change log starts at generation {bounds.FirstGeneration}"), early.Message, StringComparison.Ordinal);
        Assert.Equal(bounds.OldestReadable, await Catalog.History.ResolveAsync(CatalogPoint.OfGeneration(bounds.OldestReadable!.Value)));
        await Assert.ThrowsAsync<StarmapValidationException>(() => Catalog.History.ResolveAsync(CatalogPoint.OfGeneration(-1)));
    }

    [Fact]
    public async Task The_whole_catalog_rebuilt_at_a_generation_equals_what_was_served_then()
    {
        var id = TestData.UniqueId("hist-whole");
        await Catalog.SetProviderAsync(Samples.Provider(id));
        var then = await Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "a", input: 1m));
        var servedThen = await Catalog.Models.QueryAsync(new ModelQuery { Limit = 1000, Providers = [id], MinGeneration = then.Generation });
        await Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "a", input: 5m));
        await Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "b"));

        var rebuilt = await Catalog.History.QueryModelsAsync(new ModelQuery { Limit = 1000, Providers = [id] }, CatalogPoint.OfGeneration(then.Generation));

        Assert.Equal(then.Generation, rebuilt.Generation);
        Assert.Equal(servedThen.Items.Where(m => m.Offering.ProviderId == id), rebuilt.Items);
    }

    [Fact]
    public async Task Restoring_a_provider_to_before_it_existed_is_refused_unless_forced_and_then_deletes_it()
    {
        var before = (await Catalog.GetStatusAsync()).Generation;
        var id = TestData.UniqueId("hist-new");
        await Catalog.SetProviderAsync(Samples.Provider(id));
        await Catalog.Providers.SetModelAsync(id, Samples.Offering(id, "m"));

        var refused = await Assert.ThrowsAsync<StarmapException>(() => Catalog.History.RestoreProviderAsync(id, CatalogPoint.OfGeneration(before)));
        Assert.Contains("did not exist at generation", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await Catalog.Providers.FindAsync(id));

        var dry = await Catalog.History.RestoreProviderAsync(id, CatalogPoint.OfGeneration(before), dryRun: true, force: true);
        Assert.True(dry.Deleted);
        Assert.Equal(["m"], dry.Changes.RemovedOfferings.Select(o => o.Id));
        Assert.NotNull(await Catalog.Providers.FindAsync(id));

        await Catalog.History.RestoreProviderAsync(id, CatalogPoint.OfGeneration(before), force: true);
        Assert.Null(await Catalog.Providers.FindAsync(id));
    }

    [Fact]
    public async Task Restoring_an_author_puts_back_its_record_and_definitions()
    {
        var id = TestData.UniqueId("hist-author");
        await Catalog.SetAuthorAsync(Samples.Author(id));
        var then = await Catalog.Authors.SetModelAsync(Samples.Definition(id, "one"));
        await Catalog.Authors.SetModelAsync(Samples.Definition(id, "two"));
        await Catalog.SetAuthorAsync(Samples.Author(id) with { Name = "Renamed" });

        var result = await Catalog.History.RestoreAuthorAsync(id, CatalogPoint.OfGeneration(then.Generation));

        Assert.Equal([$"{id}/two"], result.RemovedDefinitions.Select(d => d.Id));
        Assert.Contains(result.Author!.Fields, f => f.Path == "name" && f.Old == "\"Renamed\"");
        var now = await Catalog.Authors.GetAsync(id);
        Assert.Equal(Samples.Author(id).Name, now.Author.Name);
        Assert.Equal([$"{id}/one"], now.Definitions.Select(d => d.Id));
    }
}
