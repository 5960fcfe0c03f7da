@{
    Synopsis    = "Gets the session's Starmap connection and the catalog's generation and counts."
    Description = @'
Get-StarmapConnection returns the connection that Connect-Starmap opened, with the catalog's current generation and its numbers of providers, authors, models and definitions, read live from the cluster. When the cluster does not answer it writes a warning and returns what it knows. When not connected it returns nothing.
'@
    Parameters  = @{}
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapConnectionInfo'; Description = 'Gateways, cluster and service ID, connection time, generation and counts.' })
    Examples    = @(
        @{ Title = 'Show the connection'; Code = 'Get-StarmapConnection'; Remarks = 'Shows the gateways, IDs, generation and counts.' }
        @{ Title = 'Connect only when needed'; Code = 'if (-not (Get-StarmapConnection)) { Connect-Starmap }'; Remarks = 'Connects when the session is not connected yet.' }
    )
    Links       = @('Connect-Starmap', 'Disconnect-Starmap')
}
