@{
    Synopsis    = 'Schedules in-cluster syncs of providers.'
    Description = @'
Set-StarmapSyncSchedule makes the cluster sync providers on a fixed interval, with a durable Orleans reminder per provider (kept in the silo's store, so it survives restarts). Setting it again changes the interval. The silo refuses intervals below its minimum (Starmap:MinimumSyncInterval, one minute by default) or above 30 days with an InvalidSchedule error.

To sync from outside the cluster instead (cron, systemd, Kubernetes), run pwsh with Sync-StarmapProvider; see deploy/ in the repository.
'@
    Parameters  = @{
        Provider = 'Provider IDs to schedule. Accepts strings and objects with a ProviderId property from the pipeline.'
        Interval = 'Time between syncs, as a TimeSpan or a string such as 06:00:00 (six hours) or 1.00:00:00 (one day); at most 30.00:00:00.'
        PassThru = 'Write each schedule as set.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Provider IDs, by value or as ProviderId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapSyncSchedule'; Description = 'With -PassThru: each schedule as set.' })
    Examples    = @(
        @{ Title = 'Sync a provider every six hours'; Code = 'Set-StarmapSyncSchedule openai -Interval 06:00:00 -PassThru'; Remarks = 'Creates or changes the reminder.' }
        @{ Title = 'Schedule every provider whose key the silo has'; Code = "Get-StarmapProvider | Set-StarmapSyncSchedule -Interval (New-TimeSpan -Hours 12) -WhatIf"; Remarks = 'Shows what would be scheduled; drop -WhatIf to do it.' }
    )
    Links       = @('Get-StarmapSyncSchedule', 'Remove-StarmapSyncSchedule')
}
