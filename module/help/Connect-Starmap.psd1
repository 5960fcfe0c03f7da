@{
    Synopsis    = 'Connects this PowerShell session to a Starmap cluster.'
    Description = @'
Connect-Starmap opens an Orleans client connection to a Starmap silo's gateway and keeps it for the whole PowerShell process: every Starmap cmdlet, every runspace and every thread job (Start-ThreadJob, -AsJob) reuses it, so you connect once.

Without parameters it reads the same configuration as any .NET Starmap client, the environment variables Starmap__Client__Gateways__0..n, Starmap__Client__ClusterId and Starmap__Client__ServiceId, and otherwise connects to the local silo at 127.0.0.1:30000 with cluster and service ID "starmap". Parameters override the configuration.

It keeps trying for the whole timeout (-TimeoutSec, or Starmap__Client__ConnectTimeout; 10 s by default), so it can wait for a silo that is still starting, and no longer: when no silo answers within the timeout, or one answers with another cluster ID, it stops with a ConnectionFailed error that names the gateway and the IDs to check. A failed Connect-Starmap keeps the previous connection.
'@
    Parameters  = @{
        Gateway    = 'Gateways as host:port. Give several to let the client fail over between silos. Default: Starmap__Client__Gateways__n, then 127.0.0.1:30000.'
        ClusterId  = "The silo's cluster ID (the silo's --cluster-id / Starmap:ClusterId). Default: starmap. A blank value is InvalidClusterId."
        ServiceId  = "The silo's service ID (the silo's --service-id / Starmap:ServiceId). Default: starmap. A blank value is InvalidServiceId."
        TimeoutSec = 'Seconds to keep trying to reach a gateway before giving up; retries continue until then. Default: 10.'
        UseTls     = 'Connect with TLS. Needed when the silos run with a certificate (Starmap:Tls:CertificatePath); the silo certificate must then chain to a trusted root, or be pinned with -TlsThumbprint. Default: Starmap__Client__Tls__Enabled, else off.'
        TlsThumbprint = "SHA-1 thumbprints (hex) of silo certificates to trust even without a trusted chain, the way to use a self-signed certificate. Implies -UseTls. Default: Starmap__Client__Tls__ServerThumbprints__n."
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Gateway, ClusterId and ServiceId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapConnectionInfo'; Description = 'The connection: gateways, cluster and service ID, when it connected.' })
    Notes       = 'The connection is process-wide. Start-Job runs a new process and needs its own Connect-Starmap; Start-ThreadJob does not.'
    Examples    = @(
        @{ Title = 'Connect to the local silo'; Code = 'Connect-Starmap'; Remarks = 'Connects to 127.0.0.1:30000 (or the gateways in Starmap__Client__Gateways__n).' }
        @{ Title = 'Connect to a cluster with its IDs'; Code = "Connect-Starmap -Gateway 10.0.0.5:30000, 10.0.0.6:30000 -ClusterId prod -ServiceId starmap"; Remarks = 'Connects to two gateways of the cluster "prod". A wrong cluster ID fails within seconds with ConnectionFailed.' }
        @{ Title = 'Connect over TLS to silos with a self-signed certificate'; Code = "Connect-Starmap -Gateway silo-a:30000, silo-b:30000 -TlsThumbprint 3F2A9C0D5B7E41A8C6D2E9F0B1A3C5D7E9F1A2B4"; Remarks = 'Encrypts the connection and accepts only the silo certificate with that thumbprint.' }
        @{ Title = 'Fail quickly in a script'; Code = "try { Connect-Starmap -Gateway starmap.internal:30000 -TimeoutSec 3 } catch { Write-Error `$_; exit 1 }"; Remarks = 'Stops the script when no silo answers within 3 seconds.' }
    )
    Links       = @('Disconnect-Starmap', 'Get-StarmapConnection')
}
