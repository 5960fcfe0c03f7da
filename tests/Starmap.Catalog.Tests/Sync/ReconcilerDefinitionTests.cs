using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>Definitions: created when new, only filled when known, linked from offerings that have no link.</summary>
public sealed class ReconcilerDefinitionTests
{
    private static readonly ModelDefinition Known = new()
    {
        Id = "openai/gpt-4o",
        Name = "GPT-4o",
        AuthorIds = ["openai"],
        Metadata = new ModelMetadata { OpenWeights = false },
    };

    [Fact]
    public void A_new_definition_is_created_from_all_sources_and_linked()
    {
        var api = Api(Model("gpt-5", definition: new ModelDefinition { Id = "openai/gpt-5", Name = "gpt-5", Description = "From the API" }));
        var dev = Dev(Model("gpt-5", definition: new ModelDefinition
        {
            Id = "openai/gpt-5",
            Name = "GPT-5",
            AuthorIds = ["openai"],
            Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2025, 8, 7), KnowledgeCutoff = new DateOnly(2024, 9, 30) },
        }));
        var result = Reconciler.Reconcile(null, [Known], [api, dev], AuthorityTable.Default, Now);
        var created = Assert.Single(result.Definitions);
        Assert.Equal("openai/gpt-5", created.Id);
        Assert.Equal("GPT-5", created.Name); // models.dev before provider-api
        Assert.Equal("From the API", created.Description); // only the API states one
        Assert.Equal(new DateOnly(2025, 8, 7), created.Metadata!.ReleaseDate);
        Assert.Equal(["openai"], created.AuthorIds);
        var offering = result.Single("gpt-5");
        Assert.Equal("openai/gpt-5", offering.DefinitionId);
        Assert.Equal("models.dev", offering.SourceOf("definition_id")); // both propose it; models.dev ranks above provider-api
    }

    [Fact]
    public void A_known_definition_is_only_filled()
    {
        var dev = Dev(Model("gpt-4o", definition: new ModelDefinition
        {
            Id = "openai/gpt-4o",
            Name = "GPT 4 Omni",
            AuthorIds = ["openai", "microsoft"],
            Metadata = new ModelMetadata { OpenWeights = true, ReleaseDate = new DateOnly(2024, 5, 13) },
        }));
        var filled = Assert.Single(Reconciler.Reconcile(null, [Known], [dev], AuthorityTable.Default, Now).Definitions);
        Assert.Equal("GPT-4o", filled.Name);
        Assert.False(filled.Metadata!.OpenWeights); // a known false stays false
        Assert.Equal(new DateOnly(2024, 5, 13), filled.Metadata.ReleaseDate);
        Assert.Equal(["openai", "microsoft"], filled.AuthorIds); // credits are a union
    }

    [Fact]
    public void A_known_definition_that_gains_nothing_is_not_written()
    {
        var dev = Dev(Model("gpt-4o", definition: Known with { Name = "Other name" }));
        Assert.Empty(Reconciler.Reconcile(null, [Known], [dev], AuthorityTable.Default, Now).Definitions);
    }

    [Fact]
    public void An_existing_link_is_not_replaced_by_an_observed_definition()
    {
        var before = Offering("gpt-4o") with { DefinitionId = "openai/gpt-4o" };
        var dev = Dev(Model("gpt-4o", definition: new ModelDefinition { Id = "openai/gpt-4o-2024-08-06", Name = "GPT-4o (2024-08-06)" }));
        var result = Reconciler.Reconcile(Baseline(before), [Known], [dev], AuthorityTable.Default, Now);
        Assert.Equal("openai/gpt-4o", result.Single("gpt-4o").DefinitionId);
        Assert.Equal("openai/gpt-4o-2024-08-06", Assert.Single(result.Definitions).Id);
    }

    [Fact]
    public void A_definition_with_an_invalid_id_is_ignored_with_a_warning()
    {
        var dev = Dev(Model("gpt-4o", definition: new ModelDefinition { Id = "gpt-4o", Name = "GPT-4o" }));
        var result = Reconciler.Reconcile(null, [], [dev], AuthorityTable.Default, Now);
        Assert.Empty(result.Definitions);
        Assert.Null(result.Single("gpt-4o").DefinitionId);
        Assert.Contains(result.Warnings, w => w.Contains("'gpt-4o'") && w.Contains("author/slug"));
    }

    [Fact]
    public void Definitions_of_models_left_out_by_the_complete_list_are_not_created()
    {
        var dev = Dev(Model("o1-pro", definition: new ModelDefinition { Id = "openai/o1-pro", Name = "o1 pro" }));
        Assert.Empty(Reconciler.Reconcile(null, [], [Api(Model("gpt-4o")), dev], AuthorityTable.Default, Now).Definitions);
    }
}
