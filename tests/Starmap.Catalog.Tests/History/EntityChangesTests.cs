using Starmap.Catalog.Json;
using Starmap.Catalog.Seed;
using Starmap.Sync.History;

namespace Starmap.Catalog.Tests.History;

/// <summary>The change log's diff lists what changed, and undoing it gives back exactly the state before.</summary>
public sealed class EntityChangesTests
{
    private static readonly BuiltInCatalog Seed = BuiltInCatalog.Load();

    private static readonly ModelPricing Tiered = new()
    {
        Tokens = new TokenPrices { Input = 3m, Output = 15m },
        Tiers = [new PricingTier { Name = "long", ContextThreshold = 200_000, Tokens = new TokenPrices { Input = 6m, Output = 22.5m } }],
    };

    private static string Json<T>(T? value) => value is null ? "null" : StarmapJson.Serialize(value);

    // A change of every kind: the record renamed, one offering gone, one repriced (a tier too), one new.
    private static ProviderDetails Edited(ProviderDetails before)
    {
        var offerings = before.Offerings.ToList();
        if (offerings.Count > 0)
        {
            offerings.RemoveAt(0);
        }
        if (offerings.Count > 0)
        {
            offerings[0] = offerings[0] with { Pricing = Tiered, UpdatedAt = DateTimeOffset.Parse("2026-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };
        }
        offerings.Add(new Offering { ProviderId = before.Provider.Id, ModelId = $"zz-history-new-{before.Version}", Name = "New", Pricing = Tiered });
        return before with
        {
            Provider = before.Provider with { Name = before.Provider.Name + " (renamed)" },
            Offerings = [.. offerings.OrderBy(o => o.ModelId, StringComparer.Ordinal)],
            Version = before.Version + 1,
        };
    }

    [Fact]
    public void Undoing_the_changes_of_every_seeded_provider_gives_back_exactly_the_provider_before()
    {
        foreach (var before in Seed.Providers)
        {
            var after = Edited(before);

            var changes = EntityChanges.Of(before, after);

            Assert.Equal(Json(before), Json(EntityChanges.Revert(after, changes)));
        }
    }

    [Fact]
    public void A_price_change_is_one_field_with_old_and_new_and_a_tier_is_addressed_by_its_threshold()
    {
        var before = new ProviderDetails
        {
            Provider = new Provider { Id = "acme", Name = "Acme" },
            Offerings = [new Offering { ProviderId = "acme", ModelId = "m1", Pricing = Tiered }],
            Version = 3,
        };
        var after = before with
        {
            Offerings = [before.Offerings[0] with { Pricing = Tiered with { Tiers = [Tiered.Tiers[0] with { Tokens = new TokenPrices { Input = 7m, Output = 22.5m } }] } }],
            Version = 4,
        };

        var change = Assert.Single(EntityChanges.Of(before, after));

        Assert.Equal((ChangeKind.Changed, "m1", "pricing.tiers[200000].tokens.input", "6", "7"), (change.Kind, change.ModelId, change.Path, change.Old, change.New));
        Assert.Equal((ChangeEntity.Provider, "acme", 3L, 4L), (change.Entity, change.EntityId, change.PreviousVersion, change.Version));
        Assert.Equal(Json(before), Json(EntityChanges.Revert(after, [change])));
    }

    [Fact]
    public void A_new_provider_is_added_whole_and_undoing_that_leaves_nothing()
    {
        var provider = Seed.Providers[0];

        var changes = EntityChanges.Of(null, provider);

        Assert.All(changes, c => Assert.Equal(ChangeKind.Added, c.Kind));
        Assert.Equal(provider.Offerings.Count + 1, changes.Count);
        Assert.Null(EntityChanges.Revert((ProviderDetails?)provider, changes));
    }

    [Fact]
    public void A_deleted_provider_comes_back_whole_from_its_removal()
    {
        var provider = Seed.Providers[1];

        var changes = EntityChanges.Of(provider, null);

        Assert.All(changes, c => Assert.Equal(ChangeKind.Removed, c.Kind));
        Assert.Equal(Json(provider), Json(EntityChanges.Revert((ProviderDetails?)null, changes)));
    }

    [Fact]
    public void Two_generations_undo_in_order_to_either_earlier_state()
    {
        var first = Seed.Providers.First(p => p.Offerings.Count >= 3);
        var second = Edited(first);
        var third = Edited(second);
        var changes = Stamp(1, EntityChanges.Of(first, second)).Concat(Stamp(2, EntityChanges.Of(second, third))).ToList();

        Assert.Equal(Json(second), Json(EntityChanges.Revert(third, changes.Where(c => c.Generation == 2))));
        Assert.Equal(Json(first), Json(EntityChanges.Revert(third, changes)));
    }

    [Fact]
    public void Unchanged_and_shared_records_make_no_changes()
    {
        var provider = Seed.Providers[2];

        Assert.Empty(EntityChanges.Of(provider, provider with { Version = provider.Version + 1 }));
        Assert.Empty(EntityChanges.Of(Seed.Authors[0], Seed.Authors[0]));
    }

    [Fact]
    public void Undoing_an_unrecorded_change_is_refused_naming_the_entity_and_generation()
    {
        var provider = Seed.Providers[0];
        var gap = new CatalogChange { Generation = 42, Entity = ChangeEntity.Provider, EntityId = provider.Provider.Id, Kind = ChangeKind.Unrecorded };

        var error = Assert.Throws<StarmapException>(() => EntityChanges.Revert(provider, [gap]));

        Assert.Contains($"provider '{provider.Provider.Id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("generation 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undoing_the_changes_of_every_seeded_author_gives_back_exactly_the_author_before()
    {
        foreach (var before in Seed.Authors)
        {
            var definitions = before.Definitions.Skip(1).Select(d => d with { Name = d.Name + " v2", Description = null, Metadata = (d.Metadata ?? new ModelMetadata()) with { ReleaseDate = new DateOnly(2026, 1, 2) } })
                .Append(new ModelDefinition { Id = before.Author.Id + "/zz-history-new", Name = "New" })
                .OrderBy(d => d.Id, StringComparer.Ordinal);
            var after = before with { Author = before.Author with { Name = "Renamed" }, Definitions = [.. definitions], Version = before.Version + 1 };

            Assert.Equal(Json(before), Json(EntityChanges.Revert(after, EntityChanges.Of(before, after))));
        }
    }

    private static EquatableArray<CatalogChange> Stamp(long generation, IEnumerable<CatalogChange> changes) =>
        ChangeBatches.Of(generation, DateTimeOffset.UnixEpoch.AddDays(generation), ChangeOrigins.Sync, changes).Changes;
}
