@{
    Synopsis    = "Gets providers' in-cluster sync schedules and their last sync."
    Description = @'
Get-StarmapSyncSchedule lists each provider's sync schedule: whether an Orleans reminder in the cluster syncs it, how often, when it next runs (NextRun, the reminder's own due time), and how its last sync (scheduled or not) ended. The schedule lives in the cluster and keeps running when no PowerShell session is open.
'@
    Parameters  = @{
        Provider = 'Provider IDs to show, with wildcards. Accepts strings and objects with a ProviderId property from the pipeline.'
        Enabled  = 'Show only providers that have an enabled schedule.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Provider IDs, by value or as ProviderId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapSyncSchedule'; Description = 'One schedule per provider: ProviderId, Enabled, Interval, NextRun, LastSync, LastStatus, LastReason, LastTrigger and the last counts.' })
    Examples    = @(
        @{ Title = 'All schedules'; Code = 'Get-StarmapSyncSchedule'; Remarks = 'Shows every provider with its interval and last sync.' }
        @{ Title = 'Scheduled providers whose last sync did not apply'; Code = "Get-StarmapSyncSchedule -Enabled | Where-Object LastStatus -in 'Rejected', 'Failed', 'Skipped'"; Remarks = 'Finds schedules that need attention.' }
    )
    Links       = @('Set-StarmapSyncSchedule', 'Remove-StarmapSyncSchedule', 'Sync-StarmapProvider')
}
