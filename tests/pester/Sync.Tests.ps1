Describe 'Sync-StarmapProvider' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:server = Start-ModelListServer -ModelIds 'local-a', 'local-b'
        $null = New-StarmapProvider pester-sync -Name 'Pester Sync' -ListUrl $server.Url -ListType openai -KeyRequired:$false
    }
    AfterAll { Stop-ModelListServer $server }

    It '-WhatIf prints the changeset and applies nothing' {
        $out = Sync-StarmapProvider pester-sync -Source provider-api -WhatIf 6>&1
        $result = $out | Where-Object { $_.PSObject.TypeNames -contains 'Starmap.PowerShell.StarmapSyncResult' }
        $result.Status | Should -Be 'DryRun'
        $result.Added | Should -Be 2
        $result.Changes.Id | Sort-Object -Unique | Should -Be @('local-a', 'local-b')
        $result.Sources[0].Source | Should -Be 'provider-api'
        $result.Sources[0].Status | Should -Be 'Ok'
        Get-StarmapModel -Provider pester-sync | Should -BeNullOrEmpty
    }

    It 'applies with -PassThru, and a second sync finds nothing to change' {
        $r = Sync-StarmapProvider pester-sync -Source provider-api -PassThru
        $r.Status | Should -Be 'Applied'
        $r.Added | Should -Be 2
        $r.Generation | Should -BeGreaterThan 0
        (Get-StarmapModel -Provider pester-sync).ModelId | Should -Be @('local-a', 'local-b')
        (Sync-StarmapProvider pester-sync -Source provider-api -PassThru).Status | Should -Be 'NoChanges'
    }

    It '-Confirm asks before syncing (the non-interactive test host refuses the prompt) and nothing is applied' {
        $before = (Get-StarmapModel -Provider pester-sync).Count
        { Sync-StarmapProvider pester-sync -Source provider-api -Confirm -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        (Get-StarmapModel -Provider pester-sync).Count | Should -Be $before
    }

    It 'writes nothing to the pipeline without -PassThru' {
        Sync-StarmapProvider pester-sync -Source provider-api | Should -BeNullOrEmpty
    }

    It 'warns for a provider skipped because the silo has no key, naming the variable' {
        $r = Sync-StarmapProvider openai -Source provider-api -PassThru -WarningVariable w -WarningAction SilentlyContinue
        $r.Status | Should -Be 'Skipped'
        ($w -join "`n") | Should -BeLike '*openai*OPENAI_API_KEY*'
    }

    It 'takes providers from the pipeline by property name' {
        $results = Get-StarmapProvider pester-sync, openai | Sync-StarmapProvider -Source provider-api -WhatIf -WarningAction SilentlyContinue
        $results.ProviderId | Sort-Object | Should -Be @('openai', 'pester-sync')
    }

    It 'writes SyncRejected when every source fails' {
        $null = New-StarmapProvider pester-broken -Name 'Broken' -ListUrl "http://127.0.0.1:$(Get-FreePort)/v1/models" -ListType openai -KeyRequired:$false
        Sync-StarmapProvider pester-broken -Source provider-api -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'SyncRejected*'
        $e[0].Exception.Message | Should -BeLike '*pester-broken*'
    }

    It 'writes ProviderNotFound for an unknown provider' {
        Sync-StarmapProvider no-such-provider -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
    }

    It '-AsJob returns a job that Wait-Job and Receive-Job complete with the results' {
        $job = Sync-StarmapProvider pester-sync, openai -Source provider-api -AsJob
        $job | Should -BeOfType ([System.Management.Automation.Job])
        $job.PSJobTypeName | Should -Be 'StarmapSyncJob'
        $results = $job | Wait-Job -Timeout 60 | Receive-Job -WarningVariable w -WarningAction SilentlyContinue
        $job.State | Should -Be 'Completed'
        ($results | Sort-Object ProviderId).Status | Should -Be @('Skipped', 'NoChanges')
        ($w -join "`n") | Should -BeLike '*OPENAI_API_KEY*'
        $job | Remove-Job
    }

    It 'Stop-Job stops a sync job' {
        $job = Sync-StarmapProvider pester-sync -Source provider-api -AsJob
        $job | Stop-Job
        $job.State | Should -BeIn 'Stopped', 'Completed'
        $job | Remove-Job -Force
    }

    It 'reports progress across providers' {
        $job = Sync-StarmapProvider pester-sync, openai -Source provider-api -AsJob -WarningAction SilentlyContinue
        $null = $job | Wait-Job -Timeout 60
        $job.Progress.StatusDescription | Should -Contain 'Done'
        ($job.Progress | Where-Object PercentComplete -eq 100) | Should -Not -BeNullOrEmpty
        $job | Remove-Job -Force
    }

    It 'results round-trip through ConvertTo-Json' {
        $r = Sync-StarmapProvider pester-sync -Source provider-api -WhatIf
        $back = $r | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $back.ProviderId | Should -Be 'pester-sync'
        $back.Status | Should -Be $r.Status
        $back.Sources[0].Models | Should -Be 2
    }
}
