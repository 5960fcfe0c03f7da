using Starmap.Catalog.Query;

namespace Starmap.Catalog.Tests.Query;

/// <summary>
/// Facts kept on an offering (a model no author definition describes) answer filters and sorts; a
/// linked definition's facts take precedence and the offering's fill what it lacks.
/// </summary>
public sealed class OfferingFactsQueryTests
{
    // No definition at all: everything it knows is on the offering, as a models.dev sync leaves it.
    private static readonly CatalogModel Orphan = TestData.Model(
        TestData.Offering("chutes", "acme-lab/rocket-7b") with
        {
            Description = "A small open model",
            Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2025, 9, 1), KnowledgeCutoff = new DateOnly(2025, 3, 1), OpenWeights = true },
            Lineage = new ModelLineage { Family = "rocket" },
        });

    // Linked: the definition's release date wins, the offering fills the open weights and family it lacks.
    private static readonly CatalogModel Linked = TestData.Model(
        TestData.Offering("groq", "openai/gpt-oss-120b", "openai/gpt-oss-120b") with
        {
            Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2030, 1, 1), OpenWeights = true, KnowledgeCutoff = new DateOnly(2024, 6, 1) },
            Lineage = new ModelLineage { Family = "gpt-oss" },
            Description = "the provider's text",
        },
        TestData.Definition("openai/gpt-oss-120b", "GPT-OSS 120B") with
        {
            Description = "OpenAI's open-weight model",
            Metadata = new ModelMetadata { ReleaseDate = new DateOnly(2025, 8, 5) },
        },
        "openai");

    private static readonly CatalogModel Unknown = TestData.Model(TestData.Offering("vertex", "mystery"));

    private static readonly CatalogModel[] All = [Orphan, Linked, Unknown];

    private static string[] Keys(ModelQuery query) =>
        [.. ModelQueryEngine.Execute(All, query, 1).Items.Select(m => m.ProviderId + ":" + m.ModelId)];

    [Fact]
    public void A_model_without_a_definition_serves_the_facts_on_its_offering()
    {
        Assert.Equal(new DateOnly(2025, 9, 1), Orphan.ReleaseDate);
        Assert.Equal(new DateOnly(2025, 3, 1), Orphan.KnowledgeCutoff);
        Assert.True(Orphan.OpenWeights);
        Assert.Equal("rocket", Orphan.Family);
        Assert.Equal("A small open model", Orphan.Description);
    }

    [Fact]
    public void The_definition_takes_precedence_and_the_offering_fills_its_gaps()
    {
        Assert.Equal(new DateOnly(2025, 8, 5), Linked.ReleaseDate);            // the definition's
        Assert.True(Linked.OpenWeights);                                       // the offering's: the definition does not say
        Assert.Equal("gpt-oss", Linked.Family);
        Assert.Equal("OpenAI's open-weight model", Linked.Description);
        Assert.Equal(new ModelMetadata { ReleaseDate = new DateOnly(2025, 8, 5), OpenWeights = true, KnowledgeCutoff = new DateOnly(2024, 6, 1) }, Linked.Metadata);
    }

    [Fact]
    public void Released_after_and_open_weights_find_a_model_no_definition_describes()
    {
        Assert.Equal(["chutes:acme-lab/rocket-7b"], Keys(new ModelQuery { ReleasedAfter = new DateOnly(2025, 8, 20) }));
        Assert.Equal(["chutes:acme-lab/rocket-7b", "groq:openai/gpt-oss-120b"], Keys(new ModelQuery { OpenWeights = true }));
        Assert.Equal(["groq:openai/gpt-oss-120b"], Keys(new ModelQuery { ReleasedBefore = new DateOnly(2025, 8, 20) }));
    }

    [Fact]
    public void Family_filters_and_knowledge_cutoff_sorts_with_unknown_last()
    {
        Assert.Equal(["chutes:acme-lab/rocket-7b"], Keys(new ModelQuery { Families = ["ROCKET"] }));
        Assert.Equal(["groq:openai/gpt-oss-120b", "chutes:acme-lab/rocket-7b", "vertex:mystery"],
            Keys(new ModelQuery { Sort = ModelSort.KnowledgeCutoff }));
        Assert.Equal(["chutes:acme-lab/rocket-7b", "groq:openai/gpt-oss-120b", "vertex:mystery"],
            Keys(new ModelQuery { Sort = ModelSort.ReleaseDate, Order = SortOrder.Descending }));
    }
}
