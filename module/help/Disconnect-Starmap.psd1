@{
    Synopsis    = 'Closes the Starmap connection of this PowerShell session.'
    Description = @'
Disconnect-Starmap closes the process-wide connection that Connect-Starmap opened. Afterwards Starmap cmdlets stop with a NotConnected error until you connect again. Removing the module (Remove-Module Starmap) disconnects too.

Running it when not connected does nothing.
'@
    Parameters  = @{}
    Outputs     = @(@{ Type = 'None'; Description = 'This cmdlet returns no output.' })
    Examples    = @(
        @{ Title = 'Disconnect'; Code = 'Disconnect-Starmap'; Remarks = 'Closes the connection.' }
        @{ Title = 'Switch clusters'; Code = "Disconnect-Starmap`nConnect-Starmap -Gateway `$env:STARMAP_GATEWAY -ClusterId starmap"; Remarks = 'Connect-Starmap alone would also replace the connection; disconnecting first makes the switch explicit (give the other cluster''s gateway, such as 10.0.0.7:30000, and its cluster ID). Until the next Connect-Starmap, cmdlets do not connect on their own.' }
    )
    Links       = @('Connect-Starmap', 'Get-StarmapConnection')
}
