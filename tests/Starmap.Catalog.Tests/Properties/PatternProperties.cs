using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Starmap.Catalog.Patterns;

namespace Starmap.Catalog.Tests.Properties;

/// <summary>Both matchers against regex translations of their documented rules, over a tiny alphabet.</summary>
public sealed class PatternProperties
{
    private static readonly Gen<string> Ids = Gen.OneOfConst("a", "B", "/", "@").Array[1, 8].Select(string.Concat)
        .Where(id => !id.StartsWith('/') && !id.EndsWith('/') && !id.Contains("//", StringComparison.Ordinal));

    private static readonly Gen<string> Patterns = Gen.OneOfConst("a", "b", "/", "@", "*", "?", "**").Array[1, 6].Select(string.Concat)
        .Where(p => !p.Contains("***", StringComparison.Ordinal));

    [Fact]
    public void ModelIdPattern_agrees_with_a_regex_of_its_rules() =>
        Gen.Select(Patterns, Ids).Sample((pattern, id) =>
            Assert.Equal(ReferenceMatch(pattern, id), ModelIdPattern.Parse(pattern).IsMatch(id)), iter: 5000);

    [Fact]
    public void Wildcard_agrees_with_a_regex_of_its_rules() =>
        Gen.Select(Patterns, Ids).Sample((pattern, id) =>
        {
            var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
            Assert.Equal(Regex.IsMatch(id, regex, RegexOptions.IgnoreCase | RegexOptions.Singleline), Wildcard.IsMatch(pattern, id));
        }, iter: 5000);

    private static bool ReferenceMatch(string pattern, string id)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(pattern[i] switch { '*' => "[^/]*", '?' => "[^/]", var c => Regex.Escape(c.ToString()) });
            }
        }
        var compiled = new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline);
        var lastSegment = id[(id.LastIndexOf('/') + 1)..];
        return compiled.IsMatch(id) || (!pattern.Contains('/') && compiled.IsMatch(lastSegment));
    }
}
