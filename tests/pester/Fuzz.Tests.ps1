# Fuzzes every exported cmdlet (cases generated from Get-Command metadata by ModuleFuzz.ps1, run in a
# child pwsh so a crash of the host is reported, not fatal) against its own silo process, so a fault
# that does destroy data cannot spoil the other test files. Every error must be the module's own
# (a stable FullyQualifiedErrorId) or PowerShell's parameter binding, and the catalog must be exactly
# as it was: the writing cmdlets only ever get -WhatIf or invalid identities.
BeforeDiscovery {
    Import-Module $env:STARMAP_MODULE -Force
    $script:cmdletNames = @(Get-Command -Module Starmap -CommandType Cmdlet | Sort-Object Name | ForEach-Object Name)
}

Describe 'Fuzzing every cmdlet with empty, null, wrong-type, huge and control-character input' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "starmap-e2e/pester-fuzz-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $work
        $ports = 1..3 | ForEach-Object { Get-FreePort }
        $log = Join-Path $work 'silo.log'
        # No provider keys and models.dev on a closed port: nothing leaves the machine, syncs fail fast.
        $environment = @{ Starmap__Sources__ModelsDevUrl = "http://127.0.0.1:$(Get-FreePort)/api.json"; Starmap__Sources__MaxRetries = '0' }
        foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        $script:silo = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err" -ArgumentList @(
            $env:STARMAP_SILO_DLL, '--data-dir', (Join-Path $work 'data'), '--silo-port', $ports[0], '--gateway-port', $ports[1], '--http-port', $ports[2])
        foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $null) }
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        while (-not (Select-String -Path $log -Pattern 'Starmap silo ready' -Quiet -ErrorAction SilentlyContinue)) {
            if ($silo.HasExited) { throw "fuzz silo exited: $(Get-Content -Raw $log)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "fuzz silo not ready: $(Get-Content -Raw $log)" }
            Start-Sleep -Milliseconds 100
        }
        $script:gateway = "127.0.0.1:$($ports[1])"
        $null = Connect-Starmap -Gateway $gateway

        # Everything a cmdlet could destroy or change, one sorted JSON line per object.
        function Get-CatalogSnapshot {
            @(
                Get-StarmapProvider | ForEach-Object { 'provider ' + ($_ | ConvertTo-Json -Depth 3 -Compress) }
                Get-StarmapAuthor | ForEach-Object { 'author ' + ($_ | ConvertTo-Json -Depth 3 -Compress) }
                Get-StarmapModel | ForEach-Object { 'model ' + ($_ | ConvertTo-Json -Depth 3 -Compress) }
                Get-StarmapEndpoint | ForEach-Object { 'endpoint ' + ($_ | ConvertTo-Json -Depth 3 -Compress) }
                Get-StarmapSyncSchedule | ForEach-Object { 'schedule ' + ($_ | ConvertTo-Json -Depth 3 -Compress) }
            ) | Sort-Object
        }
        $script:before = Get-CatalogSnapshot

        $out = Join-Path $work 'fuzz.json'
        $script:progress = Join-Path $work 'progress.txt'
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
        $child = Start-Process -FilePath dotnet -PassThru -WorkingDirectory $root -RedirectStandardOutput (Join-Path $work 'child.out') -RedirectStandardError (Join-Path $work 'child.err') -ArgumentList @(
            'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'ModuleFuzz.ps1'),
            '-Module', $env:STARMAP_MODULE, '-Gateway', $gateway, '-Work', $work, '-Out', $out, '-Progress', $progress)
        $script:finished = $child.WaitForExit(600000)
        if (-not $finished) { $child.Kill($true) }
        $script:exitCode = if ($finished) { $child.ExitCode } else { 'none (killed after 600 s)' }
        $script:lastCase = if (Test-Path $progress) { Get-Content $progress -Tail 1 } else { '(none)' }
        $script:childErrors = (Get-Content -Raw (Join-Path $work 'child.err') -ErrorAction SilentlyContinue) ?? ''
        $script:result = if (Test-Path $out) { Get-Content -Raw $out | ConvertFrom-Json } else { $null }
        $total = if ($result) { ($result.Counts.PSObject.Properties.Value | Measure-Object -Sum).Sum } else { 0 }
        Write-Host "module fuzz: $total cases in $([int]$clock.Elapsed.TotalSeconds) s, $(@($result.Findings).Count) offending"
        $script:after = Get-CatalogSnapshot
    }

    AfterAll {
        if ($silo -and -not $silo.HasExited) { $silo.Kill(); $silo.WaitForExit() }
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }

    It 'runs to the end without crashing the host' {
        $finished | Should -BeTrue -Because "the fuzz must finish; last case: $lastCase"
        $exitCode | Should -Be 0 -Because "pwsh must not crash; last case: $lastCase; stderr: $childErrors"
        $result | Should -Not -BeNullOrEmpty
    }

    It '<_> answers every case with its own stable error ID or a parameter binding error' -ForEach $cmdletNames {
        $name = $_
        $result.Counts.$name | Should -BeGreaterThan 0 -Because "$name must have been fuzzed"
        $faults = @($result.Findings | Where-Object Cmdlet -eq $name)
        $shown = ($faults | Select-Object -First 15 | ForEach-Object { "`n  $($_.Fault): $($_.Case)`n    -> $($_.Detail)" }) -join ''
        $faults.Count | Should -Be 0 -Because "$($faults.Count) of $($result.Counts.$name) cases of $name went wrong:$shown"
    }

    It 'changes nothing in the catalog' {
        $changed = @(Compare-Object -ReferenceObject $before -DifferenceObject $after | ForEach-Object {
                $line = $_.InputObject
                "$(if ($_.SideIndicator -eq '<=') { 'before' } else { 'after ' }): $($line.Substring(0, [Math]::Min(300, $line.Length)))"
            })
        $changed.Count | Should -Be 0 -Because "the fuzz must change nothing, yet:`n$(($changed | Select-Object -First 20) -join "`n")"
    }

    It 'leaves the files in a folder it exported into' {
        Join-Path $work 'existing/.git/HEAD' | Should -Exist
        Join-Path $work 'existing/notes.txt' | Should -Exist
    }
}
