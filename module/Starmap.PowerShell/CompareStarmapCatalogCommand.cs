using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Compare-StarmapCatalog: what differs between the catalog at two points (each a generation number or a
/// time; -To defaults to now): one object per provider that differs, with counts of models added, removed
/// and changed, and a row per changed field (Changes).
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

    /// <summary>Only these providers (wildcards).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        try
        {
            var comparison = Await(HistoryCalls.CompareAsync(Unwrap(From)!, Unwrap(To)));
            var providers = Provider is null ? comparison.ToList() : Wildcards.Filter(comparison, p => p.Provider, Provider).Matches;
            foreach (var provider in providers)
            {
                WriteObject(provider);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }

    private static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;
}
