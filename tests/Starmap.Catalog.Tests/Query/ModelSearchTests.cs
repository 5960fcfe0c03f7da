using Starmap.Catalog.Query;

namespace Starmap.Catalog.Tests.Query;

/// <summary>Free-text search: words ANDed over ID, name, description, authors and family; ranked by relevance.</summary>
public sealed class ModelSearchTests
{
    private static CatalogModel Model(string provider, string id, string? name = null, string? description = null, string? family = null, string? definitionId = null, params string[] authors) =>
        TestData.Model(
            TestData.Offering(provider, id, definitionId) with { Name = name, Description = description, Lineage = family is null ? null : new ModelLineage { Family = family } },
            null,
            authors);

    private static readonly CatalogModel[] Catalog =
    [
        Model("openai", "gpt-4o", "GPT-4o", "Omni model", "gpt", "openai/gpt-4o", "openai"),
        Model("openai", "gpt-4o-mini", "GPT-4o mini", "Small omni model", "gpt-mini", null, "openai"),
        Model("openrouter", "openai/gpt-4o", "OpenAI: GPT-4o", null, null, null, "openai"),
        Model("azure", "my-deployment", "Deployment of gpt-4o", "GPT-4o hosted", null, null, "openai"),
        Model("groq", "meta-llama/llama-4-scout", "Llama 4 Scout", "Fast multimodal model by Meta", "llama", null, "meta"),
        Model("chutes", "acme/rocket", "Rocket", "A reasoning model tuned for code", "rocket"),
    ];

    private static string[] Search(string text, ModelSort sort = ModelSort.Relevance) =>
        [.. ModelQueryEngine.Execute(Catalog, new ModelQuery { Search = text, Sort = sort }, 1).Items.Select(m => m.ProviderId + ":" + m.ModelId)];

    [Fact]
    public void Exact_id_ranks_before_id_prefix_before_name_words_before_other_fields()
    {
        Assert.Equal(
        [
            "openai:gpt-4o",                     // exact model ID
            "openrouter:openai/gpt-4o",          // exact: the ID without its namespace
            "openai:gpt-4o-mini",                // ID prefix
            "azure:my-deployment",               // a whole word of the name
        ], Search("gpt-4o"));
    }

    [Fact]
    public void Words_are_anded_and_case_does_not_matter()
    {
        Assert.Equal(["openai:gpt-4o-mini"], Search("GPT MINI"));
        Assert.Equal(["groq:meta-llama/llama-4-scout"], Search("llama META"));   // META only as the author
        Assert.Empty(Search("llama rocket"));
    }

    [Fact]
    public void Description_author_and_family_match_after_id_and_name()
    {
        // "model" is in descriptions only; "omni" also names nothing: both rank 4, then provider and model ID.
        Assert.Equal(["openai:gpt-4o", "openai:gpt-4o-mini"], Search("omni"));
        Assert.Equal(["chutes:acme/rocket"], Search("reasoning code"));
        Assert.Equal(["chutes:acme/rocket"], Search("rocket"));
        // The family alone finds a model: gpt-mini is the family of gpt-4o-mini only.
        Assert.Equal(["openai:gpt-4o-mini"], Search("gpt-mini"));
    }

    [Fact]
    public void Name_words_beat_a_match_inside_a_word()
    {
        // "4" is a whole word of "Llama 4 Scout" but only part of "4o" elsewhere.
        var ranked = Search("4");
        Assert.Equal("groq:meta-llama/llama-4-scout", ranked[0]);
        Assert.Equal(5, ranked.Length);
    }

    [Fact]
    public void A_sort_other_than_relevance_orders_the_matches_and_a_blank_search_matches_everything()
    {
        Assert.Equal(["azure:my-deployment", "openai:gpt-4o", "openai:gpt-4o-mini", "openrouter:openai/gpt-4o"], Search("gpt-4o", ModelSort.Id));
        Assert.Equal(Catalog.Length, ModelQueryEngine.Execute(Catalog, new ModelQuery { Search = "  " }, 1).Total);
    }

    [Fact]
    public void A_search_with_a_control_character_is_refused_naming_the_field()
    {
        var error = TestData.Invalid(() => ModelQueryEngine.Execute(Catalog, new ModelQuery { Search = "gpt\u0001" }, 1));
        Assert.Equal("search", error.Field);
    }
}
