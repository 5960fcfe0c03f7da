# Get-StarmapSyncHistory: each provider's past real syncs, newest first, kept in the cluster (bounded at 50).
Describe 'Get-StarmapSyncHistory' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:server = Start-ModelListServer -ModelIds 'hist-a', 'hist-b'
        $null = New-StarmapProvider pester-outcomes -Name 'Pester History' -ListUrl $server.Url -ListType openai -KeyRequired:$false
        $script:broken = "http://127.0.0.1:$(Get-FreePort)/v1/models"
    }
    AfterAll { Stop-ModelListServer $server }

    It 'lists past syncs newest first with their status, counts and trigger, and leaves dry runs out' {
        $first = Sync-StarmapProvider pester-outcomes -Source provider-api -PassThru
        $null = Sync-StarmapProvider pester-outcomes -Source provider-api -WhatIf
        Set-StarmapProvider pester-outcomes -ListUrl $broken
        Sync-StarmapProvider pester-outcomes -Source provider-api -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        Set-StarmapProvider pester-outcomes -ListUrl $server.Url
        $null = Sync-StarmapProvider pester-outcomes -Source provider-api -PassThru

        $history = @(Get-StarmapSyncHistory pester-outcomes)
        $history.Count | Should -Be 3
        $history.Status | Should -Be @('NoChanges', 'Rejected', 'Applied')
        $history[2].Added | Should -Be 2
        $history[2].Generation | Should -Be $first.Generation
        $history[1].Reason | Should -Not -BeNullOrEmpty
        $history[0].StartedAt | Should -BeGreaterThan $history[2].StartedAt
        $history[0].Trigger | Should -Be 'powershell'
        $history[0].Sources | Should -Be @('provider-api: Ok')
        $history | ForEach-Object { $_ | Should -BeOfType ([Starmap.PowerShell.StarmapSyncOutcome]) }

        # The default view is a table of one line per sync at 120 columns, the rejected one with its reason.
        $table = ($history | Out-String -Width 120) -split "`n" | Where-Object { $_ -match '^pester-outcomes ' }
        $table.Count | Should -Be 3
        $table[1] | Should -Match 'Rejected'
        $table[0] | Should -Match ([regex]::Escape($history[0].StartedAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))
        $table | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }

    It '-Last keeps the newest, and piped providers bind by property name' {
        $last = @(Get-StarmapProvider pester-outcomes | Get-StarmapSyncHistory -Last 2)
        $last.Status | Should -Be @('NoChanges', 'Rejected')
        $last.ProviderId | Sort-Object -Unique | Should -Be 'pester-outcomes'
    }

    It 'wildcards select providers, and an exact unknown ID is ProviderNotFound' {
        (Get-StarmapSyncHistory 'pester-outc*' -Last 1).ProviderId | Should -Be 'pester-outcomes'
        Get-StarmapSyncHistory no-such-provider -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
    }

    It '-Last outside 1 to 50 is refused before anything is asked' {
        { Get-StarmapSyncHistory pester-outcomes -Last 51 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
