# Dot-sourced by every *.Tests.ps1 in BeforeAll: imports the built module and connects to the test silo.
if (-not $env:STARMAP_MODULE -or -not $env:STARMAP_GATEWAY) {
    throw 'STARMAP_MODULE and STARMAP_GATEWAY must be set; run tests/pester/run.sh'
}
Import-Module $env:STARMAP_MODULE -Force
$null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY

# A TCP port on 127.0.0.1 that nothing listens on (bound, read, released).
function Get-FreePort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}
