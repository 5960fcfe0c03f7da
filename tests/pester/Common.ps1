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

# A data folder for a seeded silo of a test's own: a copy of the store run.sh seeded once (STARMAP_SEEDED_STORE, a
# stopped silo's folder), so the silo starts without seeding the built-in catalog again. Without it (run.ps1 run
# by hand) the folder is empty and the silo seeds as a first start does.
function New-SeededDataFolder([string] $Path) {
    $null = New-Item -ItemType Directory -Force -Path $Path
    if ($env:STARMAP_SEEDED_STORE) {
        Get-ChildItem -LiteralPath $env:STARMAP_SEEDED_STORE -Filter 'starmap.db*' | Where-Object Name -NE 'starmap.db-shm' |
            Copy-Item -Destination $Path
    }
    $Path
}

# A local OpenAI-style list-models API (GET anything -> $Body) on a thread job; stop it with Stop-ModelListServer.
function Start-ModelListServer([string[]] $ModelIds) {
    # A port found free can be taken by another process before the listener binds it (CI runs the
    # xunit suites beside this one): try fresh ports until one binds.
    for ($try = 1; ; $try++) {
        $port = Get-FreePort
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        try { $listener.Start(); break }
        catch [System.Net.HttpListenerException] {
            $listener.Close()
            if ($try -ge 20) { throw }
        }
    }
    $body = @{ object = 'list'; data = @($ModelIds | ForEach-Object { @{ id = $_; object = 'model'; created = 1700000000; owned_by = 'pester' } }) } | ConvertTo-Json -Depth 4
    $job = Start-ThreadJob -ArgumentList $listener, $body {
        param($l, $b)
        while ($l.IsListening) {
            try { $ctx = $l.GetContext() } catch { break }
            $bytes = [System.Text.Encoding]::UTF8.GetBytes($b)
            $ctx.Response.ContentType = 'application/json'
            $ctx.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $ctx.Response.Close()
        }
    }
    [pscustomobject]@{ Listener = $listener; Job = $job; Url = "http://127.0.0.1:$port/v1/models" }
}

function Stop-ModelListServer($Server) {
    if ($Server) {
        # Stopping the listener ends the job's GetContext; a listener left running keeps pwsh alive.
        $Server.Listener.Stop()
        # The job then ends on its own: waited for (with a deadline) before it is removed, since removing a thread
        # job while it ends once raced its own disposal (PSObjectDisposedException in an AfterAll, CI). A job
        # already disposed is gone, which is all this asks.
        $null = $Server.Job | Wait-Job -Timeout 10
        try { $Server.Job | Remove-Job -Force -ErrorAction Stop }
        catch {
            $disposed = $false
            for ($e = $_.Exception; $e; $e = $e.InnerException) { if ($e -is [System.ObjectDisposedException]) { $disposed = $true } }
            if (-not $disposed) { throw }
        }
    }
}

# Runs $Script in a fresh pwsh process (no connection yet, nothing imported) with $Environment added to this
# process's environment (a $null value removes the variable), and returns its exit code and its output, errors
# and "What if:" lines included, as plain text. For what a new session does, and for host output.
function Invoke-FreshPwsh([string] $Script, [hashtable] $Environment = @{}, [int] $TimeoutSec = 180) {
    $psi = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', "`$PSStyle.OutputRendering = 'PlainText'; $Script")) {
        $psi.ArgumentList.Add($a)
    }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    foreach ($k in $Environment.Keys) {
        if ($null -eq $Environment[$k]) { $null = $psi.Environment.Remove($k) } else { $psi.Environment[$k] = [string] $Environment[$k] }
    }
    $p = [System.Diagnostics.Process]::Start($psi)
    $stderr = $p.StandardError.ReadToEndAsync()
    $stdout = $p.StandardOutput.ReadToEnd()
    if (-not $p.WaitForExit($TimeoutSec * 1000)) { $p.Kill($true); throw "pwsh did not finish within $TimeoutSec s: $stdout" }
    [pscustomobject]@{ ExitCode = $p.ExitCode; Output = $stdout + $stderr.GetAwaiter().GetResult() }
}
