using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Remove-StarmapSyncSchedule: stops in-cluster scheduled syncs of providers.</summary>
[Cmdlet(VerbsCommon.Remove, "StarmapSyncSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType("Starmap.PowerShell.StarmapSyncSchedule")]
public sealed class RemoveStarmapSyncScheduleCommand : StarmapCmdlet
{
    /// <summary>Provider IDs; strings or objects with ProviderId from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[] Provider { get; set; } = [];

    /// <summary>Write each schedule after removal.</summary>
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
                if (!ShouldProcess($"provider '{id}'", "Stop scheduled syncs"))
                {
                    continue;
                }
                var schedule = Await(Schedules.RemoveAsync(id));
                WriteVerbose($"{id} no longer syncs on a schedule.");
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
