# Get-StarmapSyncHistory: each provider's past real syncs, newest first, kept in the cluster (bounded at 50).
Describe 'Get-StarmapSyncHistory' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:server = Start-ModelListServer -ModelIds 'hist-a', 'hist-b'
        $null = New-StarmapProvider pester-history -Name 'Pester History' -ListUrl $server.Url -ListType openai -KeyRequired:$false
        $script:broken = "http://127.0.0.1:$(Get-FreePort)/v1/models"
    }
    AfterAll { Stop-ModelListServer $server }

    It 'lists past syncs newest first with their status, counts and trigger, and leaves dry runs out' {
        $first = Sync-StarmapProvider pester-history -Source provider-api -PassThru
        $null = Sync-StarmapProvider pester-history -Source provider-api -WhatIf
        Set-StarmapProvider pester-history -ListUrl $broken
        Sync-StarmapProvider pester-history -Source provider-api -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        Set-StarmapProvider pester-history -ListUrl $server.Url
        $null = Sync-StarmapProvider pester-history -Source provider-api -PassThru

        $history = @(Get-StarmapSyncHistory pester-history)
        $history.Count | Should -Be 3
        $history.Status | Should -Be @('NoChanges', 'Rejected', 'Applied')
        $history[2].Added | Should -Be 2
        $history[2].Generation | Should -Be $first.Generation
        $history[1].Reason | Should -Not -BeNullOrEmpty
        $history[0].StartedAt | Should -BeGreaterThan $history[2].StartedAt
        $history[0].Trigger | Should -Be 'powershell'
        $history[0].Sources | Should -Be @('provider-api: Ok')
        $history | ForEach-Object { $_ | Should -BeOfType ([Starmap.PowerShell.StarmapSyncOutcome]) }
    }

    It '-Last keeps the newest, and piped providers bind by property name' {
        $last = @(Get-StarmapProvider pester-history | Get-StarmapSyncHistory -Last 2)
        $last.Status | Should -Be @('NoChanges', 'Rejected')
        $last.ProviderId | Sort-Object -Unique | Should -Be 'pester-history'
    }

    It 'wildcards select providers, and an exact unknown ID is ProviderNotFound' {
        (Get-StarmapSyncHistory 'pester-hist*' -Last 1).ProviderId | Should -Be 'pester-history'
        Get-StarmapSyncHistory no-such-provider -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
    }

    It '-Last outside 1 to 50 is refused before anything is asked' {
        { Get-StarmapSyncHistory pester-history -Last 51 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
