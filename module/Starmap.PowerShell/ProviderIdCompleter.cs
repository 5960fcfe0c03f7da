using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Starmap.PowerShell.Commands;

/// <summary>Tab completion of provider IDs from the connected catalog.</summary>
public sealed class ProviderIdCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Of(CatalogReader.CompleteProviderIds(), wordToComplete);
}
