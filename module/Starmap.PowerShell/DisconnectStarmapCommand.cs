using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Disconnect-Starmap: closes the process-wide connection.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Starmap")]
[OutputType(typeof(void))]
public sealed class DisconnectStarmapCommand : StarmapCmdlet
{
    /// <inheritdoc/>
    protected override bool ConnectsOnFirstUse => false;

    /// <inheritdoc/>
    protected override void ProcessRecord() =>
        WriteVerbose(Await(StarmapSession.DisconnectAsync(byUser: true)) ? "Disconnected from Starmap." : "Not connected; nothing to do.");
}
