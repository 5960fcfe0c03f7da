using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Builds completion results from candidate values.</summary>
internal static class Completion
{
    public static IEnumerable<CompletionResult> Of(IEnumerable<string> candidates, string? wordToComplete)
    {
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        return candidates
            .Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, c))
            .ToList();
    }
}
