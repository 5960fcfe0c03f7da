@{
    Synopsis    = 'Stops in-cluster scheduled syncs of providers.'
    Description = @'
Remove-StarmapSyncSchedule removes the Orleans reminder that syncs a provider on a schedule. The provider and its last sync outcome are kept; Sync-StarmapProvider still works on demand.

It is ConfirmImpact High: it asks first by default, and fails in a non-interactive session unless given -Confirm:$false.
'@
    Parameters  = @{
        Provider = 'Provider IDs. Accepts strings and objects with a ProviderId property from the pipeline.'
        PassThru = 'Write each schedule after removal.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Provider IDs, by value or as ProviderId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapSyncSchedule'; Description = 'With -PassThru: each schedule after removal (Enabled is False).' })
    Examples    = @(
        @{ Title = 'Stop syncing one provider'; Code = 'Remove-StarmapSyncSchedule openai'; Remarks = 'Removes its reminder.' }
        @{ Title = 'Stop every schedule'; Code = 'Get-StarmapSyncSchedule -Enabled | Remove-StarmapSyncSchedule -PassThru -Confirm:$false'; Remarks = 'Removes all reminders without asking and shows the result.' }
    )
    Links       = @('Get-StarmapSyncSchedule', 'Set-StarmapSyncSchedule')
}
