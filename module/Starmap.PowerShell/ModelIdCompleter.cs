using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Tab completion of model IDs from the connected catalog: only the models of the providers already given
/// (-Provider, by name or position; IDs or wildcards), and wildcard-aware: a word with * or ? completes to
/// the IDs it matches, any other word to the IDs it starts. Get-StarmapModelEndpoint also offers the
/// definition IDs (author/slug) it takes.
/// </summary>
public sealed class ModelIdCompleter : IArgumentCompleter
{
    // The prompt lists at most this many; a longer list is no help to a reader.
    private const int Limit = 200;

    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        var pattern = WildcardPattern.ContainsWildcardCharacters(word) ? word : word + "*";
        var providers = Providers(fakeBoundParameters?["Provider"]);
        var definitions = string.Equals(commandName, "Get-StarmapModelEndpoint", StringComparison.OrdinalIgnoreCase);
        return CatalogReader.CompleteModelIds(providers, pattern, definitions, Limit)
            .Select(id => new CompletionResult(Quoted(id), id, CompletionResultType.ParameterValue, id))
            .ToList();
    }

    private static List<string> Providers(object? bound) => bound switch
    {
        null => [],
        string s => [s],
        PSObject o => Providers(o.BaseObject),
        IEnumerable items => [.. items.Cast<object?>().Select(i => i is PSObject p ? p.BaseObject : i).OfType<string>()],
        _ => [],
    };

    // An ID with characters the parser would split or expand (a space, $, brackets...) is completed in quotes.
    private static string Quoted(string id) =>
        id.Any(c => char.IsWhiteSpace(c) || c is '$' or '`' or '\'' or '"' or '(' or ')' or '{' or '}' or '[' or ']' or ';' or ',' or '&' or '|' or '@' or '#')
            ? "'" + id.Replace("'", "''", StringComparison.Ordinal) + "'"
            : id;
}
