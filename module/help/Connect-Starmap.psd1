@{
    Synopsis    = 'Connects this PowerShell session to a Starmap cluster.'
    Description = @'
Connect-Starmap opens an Orleans client connection to a Starmap silo's gateway and keeps it for the whole PowerShell process: every Starmap cmdlet, every runspace and every thread job (Start-ThreadJob, -AsJob) reuses it, so you connect once.

Without parameters it takes the gateways from $env:STARMAP_GATEWAY (host:port, several separated by commas), then from the same configuration as any .NET Starmap client (the environment variables Starmap__Client__Gateways__0..n, Starmap__Client__ClusterId, Starmap__Client__ServiceId, Starmap__Client__ConnectTimeout, Starmap__Client__Tls__*), then from the default saved with -Save, and otherwise connects to the local silo at 127.0.0.1:30000 with cluster and service ID "starmap". Parameters override all of them; the connection's Source property says where the gateways came from.

-Save also keeps this connection as the default for later sessions, in a file readable only by you ($XDG_CONFIG_HOME/starmap/connection.json, else ~/.config/starmap/connection.json; %APPDATA%\starmap\connection.json on Windows). It holds the gateways, the IDs, the timeout and the TLS settings; the Orleans connection uses no key or password, so nothing secret is ever written. Delete the file to forget it.

Every other Starmap cmdlet connects on first use when the session has no connection yet and $env:STARMAP_GATEWAY, Starmap__Client__Gateways__n or a saved default is there, so a script can start with Get-StarmapModel. After Disconnect-Starmap cmdlets stay disconnected until the next Connect-Starmap; with none of the three they fail at once with NotConnected, which says how to connect.

It keeps trying for the whole timeout (-TimeoutSec, or Starmap__Client__ConnectTimeout; 10 s by default), so it can wait for a silo that is still starting, and no longer: when no silo answers within the timeout, or one answers with another cluster ID, it stops with a ConnectionFailed error that names the gateway, where it came from, how long it tried, and what to check (the silo running, its gateway port, the cluster and service IDs, TLS). A failed Connect-Starmap keeps the previous connection.
'@
    Parameters  = @{
        Gateway    = 'Gateways as host:port. Give several to let the client fail over between silos. Default: $env:STARMAP_GATEWAY, then Starmap__Client__Gateways__n, then the saved default, then 127.0.0.1:30000.'
        ClusterId  = "The silo's cluster ID (the silo's --cluster-id / Starmap:ClusterId). Default: starmap. A blank value is InvalidClusterId."
        ServiceId  = "The silo's service ID (the silo's --service-id / Starmap:ServiceId). Default: starmap. A blank value is InvalidServiceId."
        TimeoutSec = 'Seconds to keep trying to reach a gateway before giving up; retries continue until then. Default: 10.'
        UseTls     = 'Connect with TLS. Needed when the silos run with a certificate (Starmap:Tls:CertificatePath); the silo certificate must then chain to a trusted root, or be pinned with -TlsThumbprint. Default: Starmap__Client__Tls__Enabled, else off.'
        Save       = 'Also save this connection (gateways, IDs, timeout, TLS settings; never a secret) as the default for later sessions and for cmdlets run before any Connect-Starmap.'
        TlsThumbprint = "SHA-1 thumbprints (hex) of silo certificates to trust even without a trusted chain, the way to use a self-signed certificate. Implies -UseTls. Default: Starmap__Client__Tls__ServerThumbprints__n."
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Gateway, ClusterId and ServiceId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapConnectionInfo'; Description = 'The connection: gateways, cluster and service ID, when it connected.' })
    Notes       = 'The connection is process-wide. Start-Job runs a new process and needs its own Connect-Starmap; Start-ThreadJob does not.'
    Examples    = @(
        @{ Title = 'Connect to the gateway the environment names'; Code = 'Connect-Starmap'; Remarks = 'Connects to $env:STARMAP_GATEWAY (or Starmap__Client__Gateways__n, or the saved default, or 127.0.0.1:30000).' }
        @{ Title = 'Save a default for every later session'; Code = 'Connect-Starmap -Gateway $env:STARMAP_GATEWAY -Save; Get-StarmapConnection | Select-Object Gateways, Source'; Remarks = 'Later sessions connect there on their first Starmap cmdlet, without Connect-Starmap.' }
        @{ Title = 'Connect to a cluster with its IDs'; Code = 'Connect-Starmap -Gateway $env:STARMAP_GATEWAY -ClusterId starmap -ServiceId starmap'; Remarks = 'Give the gateways as host:port (several, such as 10.0.0.5:30000, 10.0.0.6:30000, let the client fail over) and the IDs the silos run with. A wrong cluster ID fails within seconds with ConnectionFailed. Over TLS add -UseTls, or -TlsThumbprint for a self-signed silo certificate.' }
        @{ Title = 'Fail quickly in a script'; Code = 'try { Connect-Starmap -TimeoutSec 3 } catch { Write-Error $_; exit 1 }'; Remarks = 'Stops the script when no silo answers within 3 seconds; the error names the gateway and what to check.' }
    )
    Links       = @('Disconnect-Starmap', 'Get-StarmapConnection')
}
