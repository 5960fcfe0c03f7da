using Starmap.Catalog.Patterns;

namespace Starmap.Catalog.Tests.Patterns;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("gpt-4o", "gpt-4o", true)]
    [InlineData("GPT-4O", "gpt-4o", true)]
    [InlineData("gpt-4o", "gpt-4o-mini", false)]
    [InlineData("gpt-4o", "openai/gpt-4o", false)]
    [InlineData("gpt-*", "gpt-4o-mini", true)]
    [InlineData("gpt-*", "gpt-", true)]
    [InlineData("*", "", true)]
    [InlineData("*", "meta-llama/llama-4", true)]
    [InlineData("meta-llama/*", "meta-llama/llama/4", true)]
    [InlineData("*llama*", "meta-llama/llama-4-scout", true)]
    [InlineData("*scout", "meta-llama/llama-4-scout", true)]
    [InlineData("*scout", "meta-llama/llama-4-scout-x", false)]
    [InlineData("gpt-4?", "gpt-4o", true)]
    [InlineData("gpt-4?", "gpt-4", false)]
    [InlineData("a?c", "a/c", true)]
    [InlineData("?", "", false)]
    [InlineData("*@*", "claude-3-5-sonnet@20241022", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("**", "x", true)]
    [InlineData("[abc]", "[abc]", true)]
    [InlineData("[abc]", "a", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Matches_like_PowerShell(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Wildcard.IsMatch(pattern, value));

    [Theory]
    [InlineData("gpt-4o", false)]
    [InlineData("gpt-*", true)]
    [InlineData("gpt-4?", true)]
    public void Detects_wildcards(string pattern, bool expected) => Assert.Equal(expected, Wildcard.HasWildcards(pattern));

    [Fact]
    public void Pathological_patterns_finish_quickly()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(Wildcard.IsMatch(string.Concat(Enumerable.Repeat("*a", 30)) + "b", new string('a', 5000)));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1));
    }
}
