using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests;

public sealed class AttributionTests
{
    private static readonly Author Anthropic = TestData.Author("anthropic", new AttributionRule { ProviderId = "anthropic" });
    private static readonly Author Google = TestData.Author("google", new AttributionRule { ProviderId = "google-vertex", Patterns = ["gemini-*", "*bison*"] });
    private static readonly Author Meta = TestData.Author("meta", new AttributionRule { Patterns = ["llama-*", "*@llama-*", "codellama*"] });

    private static readonly Attribution Rules = Attribution.Create([Anthropic, Google, Meta]);

    [Fact]
    public void Provider_only_rule_credits_every_offering_of_that_provider()
    {
        Assert.Equal(["anthropic"], Credit("anthropic", "claude-opus-4"));
        Assert.Equal(["anthropic"], Credit("anthropic", "anything-at-all"));
        Assert.Empty(Credit("google-vertex", "claude-opus-4@20250514"));
    }

    [Fact]
    public void Provider_and_patterns_rule_credits_only_matching_ids_of_that_provider()
    {
        Assert.Equal(["google"], Credit("google-vertex", "gemini-2.5-pro@default"));
        Assert.Equal(["google"], Credit("google-vertex", "text-bison-001"));
        Assert.Empty(Credit("google-vertex", "claude-opus-4@20250514"));
        Assert.Empty(Credit("openrouter", "gemini-2.5-pro"));
    }

    [Fact]
    public void Patterns_only_rule_credits_matching_ids_of_any_provider()
    {
        Assert.Equal(["meta"], Credit("groq", "llama-3.1-8b-instant"));
        Assert.Equal(["meta"], Credit("together", "meta-llama/llama-4-scout-17b-16e-instruct"));
        Assert.Equal(["meta"], Credit("google-vertex", "meta@llama-3-70b"));
        Assert.Equal(["meta"], Credit("ollama", "CodeLlama-7B"));
        Assert.Empty(Credit("groq", "mixtral-8x7b"));
    }

    [Fact]
    public void Definition_offering_and_rule_credits_are_united_sorted_and_distinct()
    {
        var definition = TestData.Definition("meta/llama-4-scout") with { AuthorIds = ["meta", "huggingface"] };
        var offering = TestData.Offering("anthropic", "llama-4-scout", definition.Id) with { AuthorIds = ["zeta", "meta"] };
        Assert.Equal(["anthropic", "huggingface", "meta", "zeta"], Rules.Credit(offering, definition));
    }

    [Fact]
    public void The_owner_in_a_definition_link_counts_without_the_definition()
    {
        var offering = TestData.Offering("groq", "mixtral-8x7b", "mistral/mixtral-8x7b");
        Assert.Equal(["mistral"], Rules.Credit(offering, definition: null));
    }

    [Fact]
    public void Without_rules_only_explicit_credits_count()
    {
        var offering = TestData.Offering("groq", "llama-3", null) with { AuthorIds = ["meta"] };
        Assert.Equal(["meta"], Attribution.None.Credit(offering, null));
        Assert.Empty(Attribution.None.Credit(TestData.Offering("groq", "llama-3"), null));
    }

    [Fact]
    public void A_rule_with_only_invalid_patterns_credits_nothing_rather_than_everything()
    {
        var broken = TestData.Author("broken", new AttributionRule { ProviderId = "groq", Patterns = ["x***"] });
        Assert.Empty(Attribution.Create([broken]).Credit(TestData.Offering("groq", "llama-3"), null));
    }

    private static EquatableArray<string> Credit(string providerId, string modelId) =>
        Rules.Credit(TestData.Offering(providerId, modelId), null);
}
