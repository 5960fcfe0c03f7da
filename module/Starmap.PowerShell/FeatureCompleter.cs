using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Starmap.PowerShell.Commands;

/// <summary>Tab completion of feature names (tool_calls, reasoning, ...).</summary>
public sealed class FeatureCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Of(Names.Features, wordToComplete);
}
