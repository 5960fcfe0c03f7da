using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Get-StarmapConnection: the session's connection with the catalog's generation and counts; nothing when not connected.</summary>
[Cmdlet(VerbsCommon.Get, "StarmapConnection")]
[OutputType("Starmap.PowerShell.StarmapConnectionInfo")]
public sealed class GetStarmapConnectionCommand : StarmapCmdlet
{
    /// <inheritdoc/>
    protected override bool ConnectsOnFirstUse => false;

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (StarmapSession.Current is not { } current)
        {
            WriteVerbose("Not connected. Run Connect-Starmap.");
            return;
        }
        try
        {
            WriteObject(Await(StarmapSession.GetStatusAsync()));
        }
        catch (StarmapCommandException failure)
        {
            // The connection exists but the cluster did not answer: show what is known and say why.
            WriteWarning(failure.Message);
            WriteObject(current);
        }
    }
}
