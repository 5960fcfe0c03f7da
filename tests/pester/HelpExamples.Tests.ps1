# Every example in module/help/*.psd1 runs as written: each one, in the order a reader would try them (create
# before change, export before import, removals and disconnects last), in one runspace whose current folder holds
# the files the examples name (tests/pester/HelpExamples: usage.csv, june.csv, models.csv), against a throwaway
# seeded silo whose models.dev is a loopback server, and as a user who answers "Yes" to confirmations
# ($ConfirmPreference = 'None'). An example passes when it throws nothing and writes no error, except a sync refused
# because a provider's API cannot be reached from this sealed test (no internet).
BeforeDiscovery {
    $order = { param($n) switch -Wildcard ($n) { 'Connect-*' { 0 } 'New-*' { 1 } 'Export-*' { 2 } 'Import-*' { 3 } 'Remove-*' { 8 } 'Disconnect-*' { 9 } default { 5 } } }
    $script:examples = foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../module/help') -Filter *.psd1 | Sort-Object { & $order $_.BaseName }, { $_.BaseName -replace '^New-StarmapModel$', 'New-StarmapZ' }) {
        $i = 0
        foreach ($example in (Import-PowerShellDataFile $file.FullName).Examples) {
            $i++
            @{ Cmdlet = $file.BaseName; Number = $i; Title = $example.Title; Code = $example.Code }
        }
    }
}

Describe 'Help examples' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        # The examples write and read the whole catalog as files (a folder export is ~6,000 YAML files, written, moved
        # and deleted): on Linux in memory (/dev/shm, a tmpfs) when there is one, where that file-system work is cheap;
        # the shared CI disk made it most of the examples' time. The throwaway silo's data folder is there too.
        $temporary = if ($IsLinux -and (Test-Path -LiteralPath /dev/shm -PathType Container)) { '/dev/shm' } else { [IO.Path]::GetTempPath() }
        $script:work = Join-Path $temporary "starmap-examples-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        Copy-Item (Join-Path $PSScriptRoot 'HelpExamples/*') $work

        # models.dev for the throwaway silo: the small fixture on a loopback server (Discover, ModelsDev imports).
        $fixture = Resolve-Path (Join-Path $PSScriptRoot '../Starmap.Http.Tests/Fixtures/models.dev/api.json')
        $port = Get-FreePort
        $script:listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $script:server = Start-ThreadJob -ArgumentList $listener, ([IO.File]::ReadAllBytes($fixture)) {
            param($l, $b)
            while ($l.IsListening) {
                try { $ctx = $l.GetContext() } catch { break }
                $ctx.Response.ContentType = 'application/json'
                try { $ctx.Response.OutputStream.Write($b, 0, $b.Length); $ctx.Response.Close() } catch { }
            }
        }

        # A throwaway silo with the built-in catalog: examples delete and overwrite freely there.
        $ports = 1..2 | ForEach-Object { Get-FreePort }
        $log = Join-Path $work 'silo.log'
        $saved = @{}
        # Never the internet: provider APIs go through a proxy on a closed port (loopback, the models.dev fixture, is
        # exempt) and fail at once; no provider keys reach the silo.
        $environment = @{
            Starmap__Sources__ModelsDevUrl = "http://127.0.0.1:$port/api.json"; Starmap__Sources__MaxRetries = '0'
            Starmap__Sources__RequestTimeout = '00:00:05'; Starmap__Sources__Deadline = '00:00:10'
            HTTP_PROXY = "http://127.0.0.1:$(Get-FreePort)"; HTTPS_PROXY = "http://127.0.0.1:$(Get-FreePort)"; NO_PROXY = '127.0.0.1,localhost'
        }
        foreach ($key in 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GOOGLE_API_KEY', 'GEMINI_API_KEY', 'GROQ_API_KEY', 'DEEPSEEK_API_KEY', 'CEREBRAS_API_KEY', 'MISTRAL_API_KEY', 'MOONSHOT_API_KEY', 'OPENROUTER_API_KEY') {
            if ([Environment]::GetEnvironmentVariable($key)) { $saved[$key] = [Environment]::GetEnvironmentVariable($key); [Environment]::SetEnvironmentVariable($key, $null) }
        }
        foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        try {
            $script:silo = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err" -ArgumentList @(
                $env:STARMAP_SILO_DLL, '--data-dir', (New-SeededDataFolder (Join-Path $work 'data')), '--silo-port', $ports[0], '--gateway-port', $ports[1], '--http-port', 0)
        }
        finally {
            foreach ($name in $environment.Keys) { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        $deadline = [DateTime]::UtcNow.AddSeconds(240)
        while (-not (Select-String -Path $log -Pattern 'Starmap silo ready' -Quiet -ErrorAction SilentlyContinue)) {
            if ($silo.HasExited) { throw "silo exited: $(Get-Content -Raw $log)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "silo not ready: $(Get-Content -Raw $log)" }
            Start-Sleep -Milliseconds 200
        }
        # The examples' $env:STARMAP_GATEWAY is the throwaway silo (the connection is process-wide; restored after).
        $script:mainGateway = $env:STARMAP_GATEWAY
        # Connect-Starmap -Save writes a per-user file: here a temporary one, never the user's.
        $script:configHome = $env:XDG_CONFIG_HOME
        # Whole-catalog imports take longer than the client's default 30 s answer on a loaded machine.
        $script:responseTimeout = $env:Starmap__Client__ResponseTimeout
        $env:Starmap__Client__ResponseTimeout = '00:05:00'
        $env:XDG_CONFIG_HOME = Join-Path $work 'config'
        $env:STARMAP_GATEWAY = "127.0.0.1:$($ports[1])"
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY -TimeoutSec 60

        $script:ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$env:STARMAP_MODULE'; Set-Location '$work'; `$ConfirmPreference = 'None'; `$ProgressPreference = 'SilentlyContinue'").Invoke()
        $ps.Commands.Clear()
    }

    AfterAll {
        if ($ps) { $ps.Dispose() }
        if ($mainGateway) { $env:STARMAP_GATEWAY = $mainGateway }
        $env:XDG_CONFIG_HOME = $configHome
        $env:Starmap__Client__ResponseTimeout = $responseTimeout
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
        if ($silo -and -not $silo.HasExited) { $silo.Kill(); $silo.WaitForExit() }
        if ($listener) { $listener.Stop() }
        if ($server) { $server | Remove-Job -Force }
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }

    It '<Cmdlet> example <Number> (<Title>) runs as written' -ForEach $examples {
        $ps.Streams.ClearStreams()
        $ps.Commands.Clear()
        $null = $ps.AddScript($Code)
        $thrown = $null
        try { $null = $ps.Invoke() } catch { $thrown = $_.Exception.InnerException ?? $_.Exception }
        # The one outcome this sealed silo cannot avoid: a sync refused because the provider's own API is out of
        # reach (no internet here; the example provider local-vllm points at a server that is not running).
        $offline = { $_.FullyQualifiedErrorId -like 'SyncRejected*' -and $_.Exception.Message -match 'request failed' }
        $errors = @($ps.Streams.Error | Where-Object { -not (& $offline) } | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
        if ($thrown) { $errors += "threw: $($thrown.Message)" }
        $errors | Should -BeNullOrEmpty -Because "example: $Code"
    }
}
