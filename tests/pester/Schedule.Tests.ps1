Describe 'Sync schedules' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-sched -Name 'Pester Schedule'
    }

    It '-WhatIf schedules nothing' {
        Set-StarmapSyncSchedule pester-sched -Interval 01:00:00 -WhatIf
        (Get-StarmapSyncSchedule pester-sched).Enabled | Should -BeFalse
    }

    It 'sets, shows and removes a schedule' {
        $s = Set-StarmapSyncSchedule pester-sched -Interval 01:00:00 -PassThru
        $s.Enabled | Should -BeTrue
        $s.Interval | Should -Be ([TimeSpan]::FromHours(1))
        # The next run is the reminder's own due time: within one interval from now, and shown in the table.
        $next = (Get-StarmapSyncSchedule pester-sched).NextRun
        $next | Should -BeOfType [DateTimeOffset]
        $next | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddSeconds(-5))
        $next | Should -BeLessOrEqual ([DateTimeOffset]::UtcNow.AddHours(1).AddSeconds(5))
        (Get-StarmapSyncSchedule pester-sched | Out-String -Width 120) | Should -Match ([regex]::Escape($next.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))
        (Get-StarmapSyncSchedule -Enabled).ProviderId | Should -Contain 'pester-sched'
        (Get-StarmapSyncSchedule 'pester-s*').Interval | Should -Be ([TimeSpan]::FromHours(1))

        Get-StarmapProvider pester-sched | Remove-StarmapSyncSchedule -WhatIf
        (Get-StarmapSyncSchedule pester-sched).Enabled | Should -BeTrue
        $removed = Get-StarmapProvider pester-sched | Remove-StarmapSyncSchedule -PassThru -Confirm:$false
        $removed.Enabled | Should -BeFalse
        $removed.NextRun | Should -BeNullOrEmpty
        (Get-StarmapSyncSchedule -Enabled).ProviderId | Should -Not -Contain 'pester-sched'
    }

    It 'shows the last sync outcome' {
        $null = Sync-StarmapProvider pester-sched -Source provider-api -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $s = Get-StarmapSyncSchedule pester-sched
        $s.LastStatus | Should -Not -BeNullOrEmpty
        $s.LastSync | Should -Not -BeNullOrEmpty
    }

    It 'writes InvalidSchedule for an interval below the minimum' {
        Set-StarmapSyncSchedule pester-sched -Interval 00:00:05 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSchedule*'
    }

    It 'writes ProviderNotFound for an unknown provider' {
        Set-StarmapSyncSchedule no-such-provider -Interval 01:00:00 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
    }
}
