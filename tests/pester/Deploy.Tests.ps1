Describe 'Scheduled sync job outside the cluster (deploy/)' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $deploy = Join-Path $PSScriptRoot '../../deploy'
        # The command line every scheduler runs, taken from the systemd unit itself.
        $exec = (Get-Content (Join-Path $deploy 'systemd/starmap-sync.service') | Where-Object { $_ -like 'ExecStart=*' }) -replace '^ExecStart=', ''
        $script:words = -split $exec
        $script:script = Join-Path $deploy 'Sync-Starmap.ps1'
        $script:pwsh = @([Environment]::ProcessPath)
        if ((Split-Path -Leaf $pwsh[0]) -like 'dotnet*') { $script:pwsh += [System.Reflection.Assembly]::GetEntryAssembly().Location }

        # Runs the unit's command line with this machine's pwsh and the script from the repository.
        function Invoke-SyncJob([hashtable] $environment) {
            $arguments = $words | Select-Object -Skip 1 | ForEach-Object { $_ -eq '/opt/starmap/Sync-Starmap.ps1' ? $script : $_ }
            $saved = @{}
            foreach ($k in $environment.Keys) {
                $saved[$k] = [Environment]::GetEnvironmentVariable($k)
                if ($null -eq $environment[$k]) { Remove-Item "Env:$k" -ErrorAction SilentlyContinue } else { Set-Item "Env:$k" $environment[$k] }
            }
            try {
                $out = & $pwsh[0] @($pwsh | Select-Object -Skip 1) @arguments 2>&1
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Log = ($out | Out-String) }
            }
            finally {
                foreach ($k in $saved.Keys) {
                    if ($null -eq $saved[$k]) { Remove-Item "Env:$k" -ErrorAction SilentlyContinue } else { Set-Item "Env:$k" $saved[$k] }
                }
            }
        }

        $script:server = Start-ModelListServer -ModelIds 'd1', 'd2'
        $null = New-StarmapProvider pester-deploy -Name 'Pester Deploy' -ListUrl $server.Url -ListType openai -KeyRequired:$false
        $null = New-StarmapProvider pester-deploy-down -Name 'Pester Deploy Down' -ListUrl "http://127.0.0.1:$(Get-FreePort)/v1/models" -ListType openai -KeyRequired:$false
        $script:base = @{
            Starmap__Client__Gateways__0 = $env:STARMAP_GATEWAY
            # As under systemd, cron or Kubernetes: only the unit's Starmap__Client__* variables, not this test
            # session's STARMAP_GATEWAY (which the module would take first).
            STARMAP_GATEWAY              = $null
            STARMAP_SYNC_SOURCES         = 'provider-api'
        }
    }
    AfterAll { Stop-ModelListServer $server }

    It 'cron, systemd and Kubernetes run the same command line' {
        $words[1..($words.Count - 1)] -join ' ' | Should -Be '-NoProfile -NonInteractive -File /opt/starmap/Sync-Starmap.ps1'
        Get-Content (Join-Path $deploy 'cron/starmap-sync') -Raw | Should -Match ([regex]::Escape('/usr/bin/pwsh -NoProfile -NonInteractive -File /opt/starmap/Sync-Starmap.ps1'))
        Get-Content (Join-Path $deploy 'kubernetes/starmap-sync-cronjob.yaml') -Raw | Should -Match ([regex]::Escape('["/usr/bin/pwsh", "-NoProfile", "-NonInteractive", "-File", "/opt/starmap/Sync-Starmap.ps1"]'))
    }

    It 'syncs, logs the changeset summary and exits 0' {
        $run = Invoke-SyncJob ($base + @{ STARMAP_SYNC_PROVIDERS = 'pester-deploy' })
        $run.ExitCode | Should -Be 0 -Because $run.Log
        $run.Log | Should -Match 'pester-deploy Applied: 2 added, 0 updated, 0 removed'
        (Get-StarmapModel -Provider pester-deploy).ModelId | Should -Be @('d1', 'd2')
    }

    It 'logs a skipped provider as a warning and still exits 0' {
        $run = Invoke-SyncJob ($base + @{ STARMAP_SYNC_PROVIDERS = 'pester-deploy,openai' })
        $run.ExitCode | Should -Be 0 -Because $run.Log
        $run.Log | Should -Match 'openai Skipped'
        $run.Log | Should -Match 'warning: .*OPENAI_API_KEY'
    }

    It 'exits 1 and logs why when a sync is rejected' {
        $run = Invoke-SyncJob ($base + @{ STARMAP_SYNC_PROVIDERS = 'pester-deploy-down' })
        $run.ExitCode | Should -Be 1
        $run.Log | Should -Match 'pester-deploy-down Rejected'
    }

    It 'exits 1 when no silo answers' {
        $environment = $base.Clone()
        $environment.Starmap__Client__Gateways__0 = "127.0.0.1:$(Get-FreePort)"
        $environment.Starmap__Client__ConnectTimeout = '00:00:03'
        $run = Invoke-SyncJob $environment
        $run.ExitCode | Should -Be 1
        $run.Log | Should -Match 'error: No Starmap silo answered'
    }
}
