using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Compare-StarmapCatalog: what differs between the catalog at two points (each a generation number or a
/// time; -To defaults to now): one object per provider and per author that differs, with counts of models
/// (offerings, definitions) added, removed and changed, and a row per changed field (Changes).
/// </summary>
[Cmdlet(VerbsData.Compare, "StarmapCatalog")]
[OutputType(typeof(StarmapCatalogDiff))]
public sealed class CompareStarmapCatalogCommand : StarmapCmdlet
{
    /// <summary>The earlier point: a generation number or a time.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public object From { get; set; } = null!;

    /// <summary>The later point: a generation number or a time (default: the newest generation).</summary>
    [Parameter(Position = 1)]
    [ValidateNotNull]
    public object? To { get; set; }

    /// <summary>Only these providers (wildcards); with -Author, those authors too.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <summary>Only these authors (wildcards); with -Provider, those providers too.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[]? Author { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        try
        {
            var comparison = Await(HistoryCalls.CompareAsync(Unwrap(From)!, Unwrap(To)));
            // No filter: every provider and author that differs; a filter keeps the entities it names.
            var providers = comparison.Where(d => d.Provider is not null).ToList();
            var authors = comparison.Where(d => d.Author is not null).ToList();
            if (Provider is not null || Author is not null)
            {
                providers = Provider is null ? [] : Wildcards.Filter(providers, d => d.Provider!, Provider).Matches;
                authors = Author is null ? [] : Wildcards.Filter(authors, d => d.Author!, Author).Matches;
            }
            foreach (var difference in providers.Concat(authors))
            {
                WriteObject(difference);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }

    private static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;
}
