using Starmap.Catalog.Patterns;

namespace Starmap.Catalog.Tests.Patterns;

public sealed class ModelIdPatternTests
{
    [Theory]
    // A pattern without '/' matches the whole ID or its last segment.
    [InlineData("llama-*", "llama-3.1-8b-instant", true)]
    [InlineData("llama-*", "meta-llama/llama-4-scout-17b-16e-instruct", true)]
    [InlineData("llama-*", "accounts/fireworks/models/llama-v3p1-8b", true)]
    [InlineData("llama-*", "meta-llama/codellama-34b", false)]
    [InlineData("*-llama-*", "meta-llama/llama-4-scout", false)]
    [InlineData("*llama*", "meta-llama/x", false)]
    [InlineData("*llama*", "meta/llama", true)]
    [InlineData("codellama*", "codellama-34b-instruct", true)]
    // '*' never crosses '/' in a pattern that has one.
    [InlineData("meta-llama/*", "meta-llama/llama-4-scout", true)]
    [InlineData("meta-llama/*", "meta-llama/llama/4", false)]
    [InlineData("meta-llama/*", "other/meta-llama/llama", false)]
    [InlineData("*/llama-*", "meta-llama/llama-4", true)]
    [InlineData("*/llama-*", "a/b/llama-4", false)]
    // '**' crosses '/'.
    [InlineData("meta-llama/**", "meta-llama/llama/4", true)]
    [InlineData("**/llama-*", "a/b/llama-4", true)]
    [InlineData("**llama**", "meta-llama/x/y", true)]
    [InlineData("accounts/**/llama-*", "accounts/fireworks/models/llama-v3", true)]
    [InlineData("**", "anything/at/all", true)]
    // '?' is one character, never '/'.
    [InlineData("gpt-4?", "gpt-4o", true)]
    [InlineData("gpt-4?", "gpt-4", false)]
    [InlineData("gpt-4?", "gpt-4oo", false)]
    [InlineData("a?b", "a/b", false)]
    // Case-insensitive.
    [InlineData("LLAMA-*", "Meta-Llama/Llama-4-Scout", true)]
    [InlineData("gemini-*", "GEMINI-2.5-PRO", true)]
    // '@' and ':' are ordinary characters.
    [InlineData("claude-*", "claude-3-5-sonnet@20241022", true)]
    [InlineData("*@llama-*", "meta@llama-3", true)]
    [InlineData("claude-3-5-sonnet@*", "claude-3-5-sonnet@20241022", true)]
    [InlineData("*@2024*", "claude-3-5-sonnet@20241022", true)]
    [InlineData("ft:*", "ft:gpt-4o:org:x", true)]
    // Literal patterns are whole-ID (or last-segment) matches, not substrings.
    [InlineData("gpt-4o", "gpt-4o", true)]
    [InlineData("gpt-4o", "gpt-4o-mini", false)]
    [InlineData("gpt-4o", "openai/gpt-4o", true)]
    [InlineData("openai/gpt-4o", "gpt-4o", false)]
    public void Matches_as_documented(string pattern, string modelId, bool expected) =>
        Assert.Equal(expected, ModelIdPattern.Parse(pattern).IsMatch(modelId));

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("llama-\u0001*", "contains a control character")]
    [InlineData("llama***", "contains '***'; use '*' within a segment or '**' across segments")]
    [InlineData("****", "contains '***'; use '*' within a segment or '**' across segments")]
    public void Rejects_malformed_patterns(string pattern, string reason)
    {
        var error = Assert.Throws<StarmapValidationException>(() => ModelIdPattern.Parse(pattern, "author.attribution[0].patterns[2]"));
        Assert.Equal("author.attribution[0].patterns[2]", error.Field);
        Assert.Equal(reason, error.Reason);
        Assert.False(ModelIdPattern.TryParse(pattern, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Rejects_null()
    {
        var error = Assert.Throws<StarmapValidationException>(() => ModelIdPattern.Parse(null!));
        Assert.Equal("pattern", error.Field);
        Assert.Equal("is required", error.Reason);
    }

    [Fact]
    public void Keeps_its_text() => Assert.Equal("Llama-*", ModelIdPattern.Parse("Llama-*").Pattern);

    [Fact]
    public void Many_stars_against_a_long_miss_finish_quickly()
    {
        // A backtracking matcher takes exponential time here; the state-set matcher is linear per state.
        var pattern = ModelIdPattern.Parse(string.Concat(Enumerable.Repeat("*a", 20)) + "b");
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(pattern.IsMatch(new string('a', 256)));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1));
    }
}
