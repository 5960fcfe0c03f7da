using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Starmap.Catalog.Json;
using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>The differ sees every modelled field, classifies offerings, and ignores bookkeeping.</summary>
public sealed class DifferTests
{
    // Quarantine notes are listed in the changeset apart from the fields (Changeset.Quarantined / Released).
    private static readonly string[] Bookkeeping = ["id", "provider_id", "model_id", "created_at", "updated_at", "provenance", "quarantine"];

    public static TheoryData<Type> Contracts => [typeof(Offering), typeof(ModelDefinition), typeof(Provider)];

    private static EquatableArray<FieldChange> Compare(Type type, JsonObject before, JsonObject after)
    {
        object Read(JsonObject json) => json.Deserialize(type, StarmapJson.Options)!;
        return type == typeof(Offering) ? Differ.Compare((Offering)Read(before), (Offering)Read(after))
            : type == typeof(ModelDefinition) ? Differ.Compare((ModelDefinition)Read(before), (ModelDefinition)Read(after))
            : Differ.Compare((Provider)Read(before), (Provider)Read(after));
    }

    // Normalizes through the record, so defaults the record adds are part of "before".
    private static JsonObject RoundTrip(Type type, JsonObject json) =>
        JsonSerializer.SerializeToNode(json.Deserialize(type, StarmapJson.Options), type, StarmapJson.Options)!.AsObject();

    // Required members and non-nullable enums cannot be left out of the JSON.
    private static bool CanRemove(Type type, string path)
    {
        var json = (JsonObject)JsonSamples.Sample(type, 0);
        JsonSamples.Set(json, path, null);
        try
        {
            json.Deserialize(type, StarmapJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void A_change_to_any_one_leaf_field_shows_as_exactly_that_path(Type type)
    {
        var leaves = JsonShape.LeafPaths(type).Where(p => !Bookkeeping.Contains(p.Path.Split('.')[0])).ToArray();
        Assert.True(leaves.Length > 30);
        var removable = leaves.Select(l => CanRemove(type, l.Path)).ToArray();
        // A random base: each leaf variant 0, variant 1 or absent; then one random leaf changes.
        var gen = Gen.Int[0, 2].Array[leaves.Length].Select(Gen.Int[0, leaves.Length - 1], (mask, pick) => (mask, pick));
        gen.Sample((mask, pick) =>
        {
            var json = (JsonObject)JsonSamples.Sample(type, 0);
            for (var i = 0; i < leaves.Length; i++)
            {
                if (mask[i] == 1)
                {
                    JsonSamples.Set(json, leaves[i].Path, JsonSamples.Sample(leaves[i].Type, 1));
                }
                else if (mask[i] == 2 && removable[i])
                {
                    JsonSamples.Set(json, leaves[i].Path, null);
                }
            }
            var before = RoundTrip(type, json);
            var (path, leafType) = leaves[pick];
            var current = JsonSamples.Get(before, path);
            var next = new[] { JsonSamples.Sample(leafType, 0), JsonSamples.Sample(leafType, 1) }
                .First(v => current is null || !JsonNode.DeepEquals(v, current));
            var after = (JsonObject)before.DeepClone();
            JsonSamples.Set(after, path, next);

            var changes = Compare(type, before, after);
            if (JsonShape.ListKey(leafType) is not null)
            {
                // A keyed list (price tiers) shows item by item: every change lies inside it.
                Assert.NotEmpty(changes);
                Assert.All(changes, c => Assert.True(c.Path == path || c.Path.StartsWith(path + "[", StringComparison.Ordinal), c.Path));
                Assert.Empty(Compare(type, before, (JsonObject)before.DeepClone()));
                return;
            }
            var change = Assert.Single(changes);
            Assert.Equal(path, change.Path);
            Assert.True(JsonNode.DeepEquals(next, JsonNode.Parse(change.New!)), $"{path}: {change.New}");
            Assert.Empty(Compare(type, before, (JsonObject)before.DeepClone()));
        }, iter: 400);
    }

    [Fact]
    public void Identical_states_give_an_empty_changeset()
    {
        var details = Baseline(Offering("a") with { Pricing = Price(1m, 2m) }, Offering("b"));
        var definitions = new[] { TestData.Definition("openai/a") };
        var changes = Differ.Diff(details, details with { }, definitions, definitions);
        Assert.True(changes.IsEmpty);
        Assert.Equal(0, changes.Count);
        Assert.True(Differ.Diff(null, null).IsEmpty);
    }

    [Fact]
    public void Offerings_are_added_updated_or_removed()
    {
        var before = Baseline(
            Offering("kept") with { Name = "Kept" },
            Offering("renamed") with { Name = "Old" },
            Offering("gone") with { Availability = Availability.Available },
            Offering("retired") with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated } },
            Offering("deleted") with { Name = "Deleted", Limits = new ModelLimits { ContextWindow = 8_000 } },
            Offering("still-gone") with { Availability = Availability.Unavailable });
        var after = Baseline(
            Offering("kept") with { Name = "Kept", UpdatedAt = Now },
            Offering("renamed") with { Name = "New" },
            Offering("gone") with { Availability = Availability.Unavailable },
            Offering("retired") with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Retired } },
            Offering("still-gone") with { Availability = Availability.Unavailable, Name = "Still gone" },
            Offering("new") with { Name = "New", Availability = Availability.Available });
        var changes = Differ.Diff(before, after);

        var added = Assert.Single(changes.AddedOfferings);
        Assert.Equal("new", added.Id);
        Assert.Equal([("availability", null, "\"available\""), ("name", null, "\"New\"")],
            added.Fields.Select(f => (f.Path, f.Old, f.New)));
        Assert.Equal(["renamed", "still-gone"], changes.UpdatedOfferings.Select(c => c.Id));
        Assert.Equal(["deleted", "gone", "retired"], changes.RemovedOfferings.Select(c => c.Id));
        var deleted = changes.RemovedOfferings[0];
        Assert.Equal([("limits.context_window", "8000", null), ("name", "\"Deleted\"", null)],
            deleted.Fields.Select(f => (f.Path, f.Old, f.New)));
        Assert.Equal(("availability", "\"available\"", "\"unavailable\""),
            changes.RemovedOfferings[1].Fields.Select(f => (f.Path, f.Old, f.New)).Single());
    }

    [Fact]
    public void Bookkeeping_and_unknown_spellings_are_not_changes()
    {
        var before = Offering("a") with { CreatedAt = Earlier, UpdatedAt = Earlier, Pricing = Price(2.50m) };
        var after = Offering("a") with
        {
            CreatedAt = Now,
            UpdatedAt = Now,
            Provenance = [new FieldProvenance { Path = "name", Source = "local" }],
            Pricing = Price(2.5m),
            Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Unknown },
            Features = new ModelFeatures(),
        };
        Assert.Empty(Differ.Compare(before, after));
    }

    [Fact]
    public void Lists_compare_whole_and_flags_one_by_one()
    {
        var before = Offering("a") with { Regions = ["us", "eu"], Features = TestData.Flags((Feature.ToolCalls, true), (Feature.Streaming, true)) };
        var after = Offering("a") with { Regions = ["eu", "us"], Features = TestData.Flags((Feature.ToolCalls, false), (Feature.Streaming, true)) };
        Assert.Equal([("features.flags.tool_calls", "true", "false"), ("regions", "[\"us\",\"eu\"]", "[\"eu\",\"us\"]")],
            Differ.Compare(before, after).Select(f => (f.Path, f.Old, f.New)));
    }

    [Fact]
    public void The_source_of_a_change_comes_from_the_new_offerings_provenance()
    {
        var before = Offering("a") with { Pricing = Price(1m, 2m), Name = "A" };
        var after = Offering("a") with
        {
            Pricing = Price(1m, 3m),
            Name = "B",
            Provenance =
            [
                new FieldProvenance { Path = "name", Source = "local" },
                new FieldProvenance { Path = "pricing", Source = "models.dev" },
            ],
        };
        Assert.Equal([("name", "local"), ("pricing.tokens.output", "models.dev")],
            Differ.Compare(before, after).Select(f => (f.Path, f.Source)));
    }

    [Fact]
    public void Definitions_are_added_or_updated_and_never_removed()
    {
        var known = new[] { TestData.Definition("openai/a", "A"), TestData.Definition("openai/b", "B"), TestData.Definition("openai/c", "C") };
        var written = new[]
        {
            known[0] with { Description = "Now described" },
            known[1],
            TestData.Definition("openai/new", "New"),
        };
        var changes = Differ.Diff(null, null, known, written);
        Assert.Equal(["openai/new"], changes.AddedDefinitions.Select(c => c.Id));
        var updated = Assert.Single(changes.UpdatedDefinitions);
        Assert.Equal(("openai/a", "description"), (updated.Id, updated.Fields.Single().Path));
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void Provider_record_changes_are_reported()
    {
        var before = Baseline() with { Provider = TestData.Provider("openai", "OpenAI") };
        var after = before with { Provider = before.Provider with { Name = "OpenAI, Inc.", DocsUrl = "https://platform.openai.com/docs" }, Version = 9 };
        var change = Differ.Diff(before, after).Provider!;
        Assert.Equal("openai", change.Id);
        Assert.Equal(["docs_url", "name"], change.Fields.Select(f => f.Path));
        Assert.Null(Differ.Diff(before, before with { Version = 9 }).Provider);
        Assert.NotNull(Differ.Diff(null, before).Provider);
    }
}
