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
        # Processes are started with the .NET API: Start-Process's redirection can crash pwsh when a child it
        # writes for exits mid-line (ObjectDisposedException on its StreamWriter). bash writes the silo's log.
        $start = [System.Diagnostics.ProcessStartInfo]::new('bash')
        foreach ($argument in @('-c', 'exec dotnet "$@" >"$STARMAP_FUZZ_LOG" 2>&1', 'bash', $env:STARMAP_SILO_DLL, '--data-dir', (New-SeededDataFolder (Join-Path $work 'data')),
                '--silo-port', $ports[0], '--gateway-port', $ports[1], '--http-port', $ports[2])) { $start.ArgumentList.Add([string]$argument) }
        $start.UseShellExecute = $false
        $start.Environment['STARMAP_FUZZ_LOG'] = $log
        foreach ($name in $environment.Keys) { $start.Environment[$name] = $environment[$name] }
        $script:silo = [System.Diagnostics.Process]::Start($start)
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        # bash creates the log only once it runs: until then there is nothing to read (Select-String on a
        # missing file is a terminating error under the suite's ErrorActionPreference = Stop).
        while (-not ((Test-Path -LiteralPath $log) -and (Select-String -LiteralPath $log -Pattern 'Starmap silo ready' -Quiet))) {
            if ($silo.HasExited) { throw "fuzz silo exited with code $($silo.ExitCode): $(Get-Content -Raw $log -ErrorAction SilentlyContinue)" }
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
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'ModuleFuzz.ps1'),
                '-Module', $env:STARMAP_MODULE, '-Gateway', $gateway, '-Work', $work, '-Out', $out, '-Progress', $progress)) { $start.ArgumentList.Add([string]$argument) }
        $start.WorkingDirectory = $root
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $script:child = [System.Diagnostics.Process]::Start($start)
        $stdout = $child.StandardOutput.ReadToEndAsync()
        $stderr = $child.StandardError.ReadToEndAsync()
        $script:finished = $child.WaitForExit(600000)
        if (-not $finished) { $child.Kill($true); $child.WaitForExit() }
        $script:exitCode = if ($finished) { $child.ExitCode } else { 'none (killed after 600 s)' }
        $script:lastCase = if (Test-Path $progress) { Get-Content $progress -Tail 1 } else { '(none)' }
        $null = $stdout.GetAwaiter().GetResult()   # -WhatIf lines; drained so the child never blocks on a full pipe
        $script:childErrors = $stderr.GetAwaiter().GetResult()
        if ($childErrors.Length -gt 3000) { $script:childErrors = '...' + $childErrors.Substring($childErrors.Length - 3000) }
        $cases = @(if (Test-Path $progress) { Get-Content $progress })
        $script:completed = $cases.Count -gt 0 -and $cases[-1] -eq "`tdone"
        $script:counts = @{}
        foreach ($line in $cases) { $cmdlet = $line.Split("`t")[0]; if ($cmdlet) { $counts[$cmdlet] = 1 + ($counts[$cmdlet] ?? 0) } }
        $script:findings = @(if (Test-Path $out) { Get-Content $out | ConvertFrom-Json })
        Write-Host "module fuzz: $($cases.Count - [int]$completed) cases in $([int]$clock.Elapsed.TotalSeconds) s, $($findings.Count) offending"
        $script:after = Get-CatalogSnapshot
    }

    AfterAll {
        if ($silo -and -not $silo.HasExited) { $silo.Kill(); $silo.WaitForExit() }
        if ($child -and -not $child.HasExited) { $child.Kill($true) }
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
        if ($work) { Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue }
    }

    It 'runs to the end without crashing the host' {
        $finished | Should -BeTrue -Because "the fuzz must finish; last case: $lastCase"
        $exitCode | Should -Be 0 -Because "pwsh must not crash; last case: $lastCase; stderr: $childErrors"
        $completed | Should -BeTrue -Because "the fuzz must reach its end; last case: $lastCase"
    }

    It '<_> answers every case with its own stable error ID or a parameter binding error' -ForEach $cmdletNames {
        $name = $_
        $faults = @($findings | Where-Object Cmdlet -eq $name)
        $shown = ($faults | Select-Object -First 15 | ForEach-Object { "`n  $($_.Fault): $($_.Case)`n    -> $($_.Detail)" }) -join ''
        $faults.Count | Should -Be 0 -Because "$($faults.Count) of $($counts[$name]) cases of $name went wrong:$shown"
        if (-not $completed -and -not $counts[$name]) { Set-ItResult -Skipped -Because 'the fuzz run ended before this cmdlet' }
        $counts[$name] | Should -BeGreaterThan 0 -Because "$name must have been fuzzed"
    }

    It 'changes nothing in the catalog' {
        $changed = @(Compare-Object -ReferenceObject $before -DifferenceObject $after | ForEach-Object {
                $line = $_.InputObject
                "$(if ($_.SideIndicator -eq '<=') { 'before' } else { 'after ' }): $($line.Substring(0, [Math]::Min(600, $line.Length)))"
            })
        $changed.Count | Should -Be 0 -Because "the fuzz must change nothing, yet:`n$(($changed | Select-Object -First 20) -join "`n")"
    }

    It 'leaves the files it did not write in the folders it exported into' {
        foreach ($folder in 'existing', 'existing-catalog') {
            Join-Path $work "$folder/.git/HEAD" | Should -Exist
            Join-Path $work "$folder/notes.txt" | Should -Exist
        }
    }
}
