using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Get-StarmapSyncSchedule: providers' in-cluster sync schedules with their last sync.</summary>
[Cmdlet(VerbsCommon.Get, "StarmapSyncSchedule")]
[OutputType("Starmap.PowerShell.StarmapSyncSchedule")]
public sealed class GetStarmapSyncScheduleCommand : StarmapCmdlet
{
    /// <summary>Provider ID wildcards; binds ProviderId from piped objects.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <summary>Only enabled schedules.</summary>
    [Parameter]
    public SwitchParameter Enabled { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        IReadOnlyList<StarmapSyncSchedule> schedules;
        try
        {
            schedules = Await(Schedules.ListAsync());
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        var (matches, missing) = Wildcards.Filter(schedules, s => s.ProviderId, Provider);
        WriteObject(matches.Where(s => !Enabled || s.Enabled), enumerateCollection: true);
        foreach (var id in missing)
        {
            Report(CatalogReader.NotFound("provider", id));
        }
    }
}
