using CsCheck;
using Starmap.Catalog.Query;
using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests.Properties;

/// <summary>
/// A snapshot made from a queried one by <see cref="CatalogSnapshot.WithChanges"/> starts its query index
/// from that one's (columns of unchanged providers copied, sorted orders merged): its answers must still be
/// exactly the engine's over its own models, whatever changed.
/// </summary>
public sealed class DerivedIndexProperties
{
    private static readonly ModelSort[] Sorts = Enum.GetValues<ModelSort>();

    [Fact]
    public void A_snapshot_derived_from_a_queried_one_answers_every_query_as_the_engine_does() =>
        Gen.Select(CatalogGen.Models, CatalogGen.Models, Gen.Int[0, 2], CatalogGen.Query).Sample((before, replacement, removed, query) =>
        {
            var source = CatalogSnapshot.Build(1, Providers(before), []);
            // Every sorted order built on the source, so the derived index merges each one.
            foreach (var sort in Sorts)
            {
                foreach (var order in new[] { SortOrder.Ascending, SortOrder.Descending })
                {
                    source.Query(new ModelQuery { Sort = sort, Order = order, Limit = 1 });
                }
            }
            // One provider replaced by other offerings, and (sometimes) another removed.
            // Another provider's offerings, or (one time in three) the same provider with one offering renamed:
            // its other offerings are the same objects, so their columns and sorted places carry over one by one.
            var replaced = removed == 1 && source.ProviderCount > 0 && source.FindProvider(source.Providers[0].Id) is { Offerings.Count: > 0 } own
                ? own with { Offerings = [own.Offerings[0] with { Name = "Zz renamed" }, .. own.Offerings.AsSpan()[1..]] }
                : Providers(replacement).FirstOrDefault();
            var changes = new List<KeyValuePair<string, ProviderDetails?>>();
            if (replaced is not null)
            {
                changes.Add(KeyValuePair.Create<string, ProviderDetails?>(replaced.Provider.Id, replaced with { Version = 9 }));
            }
            if (removed == 0 && source.Providers.FirstOrDefault(p => p.Id != replaced?.Provider.Id) is { } gone)
            {
                changes.Add(KeyValuePair.Create(gone.Id, (ProviderDetails?)null));
            }
            var derived = source.WithChanges(2, changes, []);

            var expected = ModelQueryEngine.Execute(derived.Models, query, 2);
            var page = derived.Query(query);
            Assert.Equal(expected.Total, page.Total);
            Assert.True(expected.Items.Count == page.Items.Count && expected.Items.Zip(page.Items).All(p => ReferenceEquals(p.First, p.Second)),
                $"query {query} on the derived snapshot");
        }, iter: 1000);

    [Fact]
    public void A_derived_snapshot_reuses_the_joined_offerings_its_provider_change_did_not_touch()
    {
        var offerings = new[] { "a-1", "a-2", "a-3" }.Select(id => new Offering { ProviderId = "a", ModelId = id, Name = id }).ToEquatableArray();
        var source = CatalogSnapshot.Build(1, [new ProviderDetails { Provider = new Provider { Id = "a", Name = "A" }, Offerings = offerings, Version = 1 }], []);
        var changed = new ProviderDetails
        {
            Provider = new Provider { Id = "a", Name = "A" },
            Offerings = [offerings[0], offerings[1] with { Name = "renamed" }, offerings[2]],
            Version = 2,
        };

        var derived = source.WithProvider("a", changed, 2);

        Assert.Equal(2, derived.FindModel("a", "a-1")!.ProviderVersion);
        Assert.Same(offerings[0], derived.FindModel("a", "a-1")!.Offering);
        Assert.Equal("renamed", derived.FindModel("a", "a-2")!.Name);
        Assert.Equal(CatalogSnapshot.Build(2, [changed], []).Models, derived.Models);
    }

    private static List<ProviderDetails> Providers(CatalogModel[] models) =>
        models.GroupBy(m => m.ProviderId, StringComparer.Ordinal).Select(g => new ProviderDetails
        {
            Provider = new Provider { Id = g.Key, Name = g.Key },
            Offerings = g.Select(m => m.Offering).OrderBy(o => o.ModelId, StringComparer.Ordinal).ToEquatableArray(),
            Version = 1,
        }).ToList();
}
