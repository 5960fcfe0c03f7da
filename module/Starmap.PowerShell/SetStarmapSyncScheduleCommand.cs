using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Set-StarmapSyncSchedule: schedules in-cluster syncs of providers (an Orleans reminder each).</summary>
[Cmdlet(VerbsCommon.Set, "StarmapSyncSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("Starmap.PowerShell.StarmapSyncSchedule")]
public sealed class SetStarmapSyncScheduleCommand : StarmapCmdlet
{
    /// <summary>Provider IDs; strings or objects with ProviderId from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[] Provider { get; set; } = [];

    /// <summary>Time between syncs (at least the silo's minimum, one minute by default).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public TimeSpan Interval { get; set; }

    /// <summary>Write each schedule as set.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var id in Provider)
        {
            try
            {
                // An unknown provider is its error, never a "What if" line.
                Await(Schedules.CheckProviderAsync(id));
                if (!ShouldProcess($"provider '{id}'", $"Sync every {Interval}"))
                {
                    continue;
                }
                var schedule = Await(Schedules.SetAsync(id, Interval));
                WriteVerbose($"{id} syncs every {schedule.Interval}.");
                if (PassThru)
                {
                    WriteObject(schedule);
                }
            }
            catch (StarmapCommandException failure)
            {
                Report(failure);
            }
        }
    }
}
