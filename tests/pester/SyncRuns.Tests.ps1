# Waits that are the user's: Connect-Starmap keeps trying for -TimeoutSec, a sync longer than the
# client's response timeout still completes and reports, and an offline models.dev is asked once per
# Sync-StarmapProvider -All run.
BeforeAll {
    . $PSScriptRoot/Common.ps1

    # A loopback HTTP server on a thread job: every request is counted, waits $DelayMs, then gets $Status and $Body.
    function Start-LoopbackServer([int] $Status, [string] $Body, [int] $DelayMs = 0) {
        $port = Get-FreePort
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $counter = [hashtable]::Synchronized(@{ Requests = 0 })
        $job = Start-ThreadJob -ArgumentList $listener, $Status, $Body, $DelayMs, $counter {
            param($l, $status, $body, $delay, $counter)
            while ($l.IsListening) {
                try { $ctx = $l.GetContext() } catch { break }
                $counter.Requests++
                if ($delay -gt 0) { Start-Sleep -Milliseconds $delay }
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($body)
                $ctx.Response.StatusCode = $status
                $ctx.Response.ContentType = 'application/json'
                try { $ctx.Response.OutputStream.Write($bytes, 0, $bytes.Length); $ctx.Response.Close() } catch { }
            }
        }
        [pscustomobject]@{ Listener = $listener; Job = $job; Counter = $counter; Url = "http://127.0.0.1:$port/" }
    }
}

Describe 'Long waits' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1

        $list = @{ object = 'list'; data = @(@{ id = 'slow-a'; object = 'model'; created = 1700000000; owned_by = 'pester' }) } | ConvertTo-Json -Depth 4
        # Answers after 5 s; the client below gives up on any one call after 2 s.
        $script:slow = Start-LoopbackServer -Status 200 -Body $list -DelayMs 5000
        $null = New-StarmapProvider pester-lagging -Name 'Pester Lagging' -ListUrl "$($slow.Url)v1/models" -ListType openai -KeyRequired:$false
    }

    AfterAll {
        Stop-ModelListServer $slow
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
    }

    It 'Connect-Starmap keeps trying for -TimeoutSec before it gives up' {
        $port = Get-FreePort
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        { Connect-Starmap -Gateway "127.0.0.1:$port" -TimeoutSec 4 } | Should -Throw -ErrorId 'ConnectionFailed,*'
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 3.5
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
    }

    It 'a sync longer than the client response timeout completes and reports, directly and as a job' {
        $env:Starmap__Client__ResponseTimeout = '00:00:02'
        try {
            $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
            $r = Sync-StarmapProvider pester-lagging -Source provider-api -PassThru -ErrorAction Stop
            $r.Status | Should -Be 'Applied'
            $r.Added | Should -Be 1
            (Get-StarmapModel -Provider pester-lagging).ModelId | Should -Be 'slow-a'

            $job = Sync-StarmapProvider pester-lagging -Source provider-api -AsJob
            $results = $job | Wait-Job -Timeout 60 | Receive-Job
            $job.State | Should -Be 'Completed'
            $results.Status | Should -Be 'NoChanges'
            $job | Remove-Job
        }
        finally {
            Remove-Item Env:Starmap__Client__ResponseTimeout
            $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
        }
    }
}

Describe 'Sync-StarmapProvider -All with models.dev offline' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        # models.dev answers 503 and counts; a silo of its own reads it (the shared one points at a closed port).
        $script:modelsDev = Start-LoopbackServer -Status 503 -Body '{"error":"down"}'
        $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "starmap-pester-offline-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $work
        $ports = 1..2 | ForEach-Object { Get-FreePort }
        $script:gateway = "127.0.0.1:$($ports[1])"
        $log = Join-Path $work 'silo.log'
        $environment = @{ Starmap__Sources__ModelsDevUrl = "$($modelsDev.Url)api.json"; Starmap__Sources__MaxRetries = '0' }
        foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        try {
            $script:silo = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err" -ArgumentList @(
                $env:STARMAP_SILO_DLL, '--data-dir', (New-SeededDataFolder (Join-Path $work 'data')), '--silo-port', $ports[0], '--gateway-port', $ports[1], '--http-port', 0)
        }
        finally {
            foreach ($name in $environment.Keys) { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
        }
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        while (-not (Select-String -Path $log -Pattern 'Starmap silo ready' -Quiet -ErrorAction SilentlyContinue)) {
            if ($silo.HasExited) { throw "silo exited: $(Get-Content -Raw $log)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "silo not ready: $(Get-Content -Raw $log)" }
            Start-Sleep -Milliseconds 100
        }
        $null = Connect-Starmap -Gateway $gateway
    }

    AfterAll {
        if ($silo -and -not $silo.HasExited) { $silo.Kill(); $silo.WaitForExit() }
        Stop-ModelListServer $modelsDev
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }

    It 'asks models.dev once for the whole run, not once per provider' {
        $providers = (Get-StarmapProvider).Count
        $providers | Should -BeGreaterThan 3
        $results = Sync-StarmapProvider -All -Source models.dev -PassThru -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        @($results).Count | Should -Be $providers
        $modelsDev.Counter.Requests | Should -Be 1
    }
}
