using Starmap.Sync;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>Rule lookup, the default table's coverage, and rules that are refused.</summary>
public sealed class AuthorityTableTests
{
    private static AuthorityRule Rule(string path, AuthorityEntity entity = AuthorityEntity.Offering) =>
        new() { Entity = entity, Path = path, Sources = [SourceIds.ProviderApi], Rationale = "test" };

    [Theory]
    [InlineData(AuthorityEntity.Offering, "lifecycle.retires_at", "lifecycle.retires_at")]
    [InlineData(AuthorityEntity.Offering, "lifecycle.status", "lifecycle")]
    [InlineData(AuthorityEntity.Offering, "limits.context_window", "limits")]
    [InlineData(AuthorityEntity.Offering, "pricing", "pricing")]
    [InlineData(AuthorityEntity.Offering, "pricing.tokens.input", "pricing")]
    [InlineData(AuthorityEntity.Offering, "features.flags.tool_calls", "features.flags.*")]
    [InlineData(AuthorityEntity.Definition, "lineage.family", "lineage.family")]
    [InlineData(AuthorityEntity.Definition, "lineage.root", "lineage")]
    [InlineData(AuthorityEntity.Definition, "metadata.tags", "metadata.tags")]
    [InlineData(AuthorityEntity.Definition, "metadata.architecture.tokenizer", "metadata")]
    public void The_longest_matching_rule_wins(AuthorityEntity entity, string path, string rule) =>
        Assert.Equal(rule, AuthorityTable.Default.Find(entity, path)?.Path);

    [Fact]
    public void A_star_matches_exactly_one_segment_and_a_literal_beats_it()
    {
        var table = new AuthorityTable([Rule("features.*"), Rule("features.*.tool_calls"), Rule("features.flags.tool_calls"), Rule("x.*")]);
        Assert.Equal("features.*", table.Find(AuthorityEntity.Offering, "features.flags")?.Path);
        Assert.Equal("features.*", table.Find(AuthorityEntity.Offering, "features.flags.streaming")?.Path);
        Assert.Equal("features.*.tool_calls", table.Find(AuthorityEntity.Offering, "features.other.tool_calls")?.Path);
        Assert.Equal("features.flags.tool_calls", table.Find(AuthorityEntity.Offering, "features.flags.tool_calls")?.Path);
        Assert.Null(table.Find(AuthorityEntity.Offering, "x"));
        Assert.Null(table.Find(AuthorityEntity.Offering, "features"));
        Assert.Null(table.Find(AuthorityEntity.Definition, "features.flags"));
    }

    [Theory]
    [InlineData(typeof(Offering), AuthorityEntity.Offering)]
    [InlineData(typeof(ModelDefinition), AuthorityEntity.Definition)]
    public void The_default_table_has_a_rule_with_a_rationale_for_every_modelled_field(Type type, AuthorityEntity entity)
    {
        // Quarantine notes are not merged like fields: the reconciler carries them (QuarantineCarry).
        string[] bookkeeping = ["id", "provider_id", "model_id", "created_at", "updated_at", "provenance", "quarantine"];
        var paths = JsonShape.LeafPaths(type).Select(p => p.Path).Where(p => !bookkeeping.Contains(p.Split('.')[0])).ToList();
        Assert.True(paths.Count > 20, "the walk must find the contract's fields");
        Assert.All(paths, path =>
        {
            var rule = AuthorityTable.Default.Find(entity, path);
            Assert.True(rule is not null, $"no rule for {entity} field {path}");
            Assert.False(string.IsNullOrWhiteSpace(rule.Rationale));
            Assert.False(rule.Sources.IsEmpty);
        });
    }

    [Fact]
    public void Every_rule_of_the_default_table_names_a_field_that_exists()
    {
        foreach (var rule in AuthorityTable.Default.Rules)
        {
            var type = rule.Entity == AuthorityEntity.Offering ? typeof(Offering) : typeof(ModelDefinition);
            var pattern = rule.Path.Split('.');
            Assert.True(JsonShape.LeafPaths(type).Any(p => p.Path.Split('.') is var s && s.Length >= pattern.Length &&
                pattern.Select((seg, i) => seg == "*" || seg == s[i]).All(x => x)), $"rule {rule.Path} matches no field");
        }
    }

    [Fact]
    public void Pricing_merges_component_by_component_and_definitions_are_only_filled_by_default()
    {
        Assert.False(AuthorityTable.Default.Find(AuthorityEntity.Offering, "pricing")!.Atomic);
        Assert.Equal("pricing", AuthorityTable.Default.Find(AuthorityEntity.Offering, "pricing.tiers[200000].tokens.input")?.Path);
        Assert.Equal(["provider-api"], AuthorityTable.Default.Find(AuthorityEntity.Offering, "availability")!.Sources);
        Assert.All(AuthorityTable.Default.Rules.Where(r => r.Entity == AuthorityEntity.Definition),
            r => Assert.NotEqual(MergeMode.Replace, r.Mode));
    }

    [Fact]
    public void Rules_that_cannot_mean_anything_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AuthorityTable([Rule("pricing") with { Atomic = true, Mode = MergeMode.Union }]));
        Assert.Throws<ArgumentException>(() => new AuthorityTable([Rule("pricing") with { Atomic = true }, Rule("pricing.tokens")]));
        Assert.Throws<ArgumentException>(() => new AuthorityTable([Rule("name"), Rule("name")]));
        Assert.Throws<ArgumentException>(() => new AuthorityTable([Rule("Pricing.Tokens")]));
        Assert.Throws<ArgumentException>(() => new AuthorityTable([Rule("")]));
        Assert.Throws<ArgumentException>(() => new AuthorityTable([Rule("name") with { Rationale = " " }]));
        Assert.Throws<ArgumentException>(() => new AuthorityTable([Rule("name") with { Sources = ["local", "local"] }]));
        // The same path for two entities is fine.
        Assert.Equal(2, new AuthorityTable([Rule("name"), Rule("name", AuthorityEntity.Definition)]).Rules.Count);
    }

    [Fact]
    public void The_markdown_lists_every_rule_once()
    {
        var markdown = AuthorityTable.Default.ToMarkdown();
        Assert.All(AuthorityTable.Default.Rules, r => Assert.Contains($"| `{r.Path}` | {string.Join(" > ", r.Sources)} |", markdown));
        Assert.Contains("## Offering fields", markdown);
        Assert.Contains("## Definition fields", markdown);
    }
}
