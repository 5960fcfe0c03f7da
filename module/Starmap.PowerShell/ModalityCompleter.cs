using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Starmap.PowerShell.Commands;

/// <summary>Tab completion of modality names (text, image, audio, ...).</summary>
public sealed class ModalityCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Of(Names.Modalities, wordToComplete);
}
