using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Get-StarmapSyncHistory: providers' past real syncs, newest first per provider, as the cluster keeps them.</summary>
[Cmdlet(VerbsCommon.Get, "StarmapSyncHistory")]
[OutputType("Starmap.PowerShell.StarmapSyncOutcome")]
public sealed class GetStarmapSyncHistoryCommand : StarmapCmdlet
{
    /// <summary>Provider ID wildcards; binds ProviderId from piped objects. Default: every provider.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <summary>How many of each provider's newest syncs (the cluster keeps up to 50).</summary>
    [Parameter]
    [ValidateRange(1, 50)]
    public int Last { get; set; } = 10;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        try
        {
            var ids = Await(SyncRunner.ListProviderIdsAsync()).Order(StringComparer.Ordinal).ToList();
            var (matches, missing) = Wildcards.Filter(ids, id => id, Provider);
            foreach (var id in missing)
            {
                Report(CatalogReader.NotFound("provider", id));
            }
            foreach (var id in matches)
            {
                WriteObject(Await(Schedules.HistoryAsync(id, Last)), enumerateCollection: true);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }
}
