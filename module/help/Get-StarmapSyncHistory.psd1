@{
    Synopsis    = "Lists providers' past syncs, newest first."
    Description = @'
Get-StarmapSyncHistory lists the outcomes of providers' real syncs as the cluster keeps them: for each provider (in provider ID order) its newest syncs first, scheduled or started by hand, each with when it started, how long it took, its status (Applied, NoChanges, Skipped, Rejected, Failed), why nothing was applied when it was not, the offerings added, updated and marked gone, the catalog generation it wrote, who started it, and each source's status.

The cluster keeps each provider's last 50 outcomes in the provider's sync state; -Last says how many of them to show (10 by default). Dry runs (-WhatIf, Test-StarmapProvider) are never kept. A provider synced before this history existed shows its last sync only.

Without -Provider it lists every provider's. Provider IDs accept wildcards; a pattern without wildcards that names no provider writes a ProviderNotFound error.
'@
    Parameters  = @{
        Provider = 'Provider IDs or wildcard patterns. Accepts strings and objects with a ProviderId property from the pipeline. Default: every provider.'
        Last     = 'How many of each provider''s newest syncs to list (1 to 50).'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Provider IDs, by value or as ProviderId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapSyncOutcome'; Description = 'One past sync.' })
    Examples    = @(
        @{ Title = 'The last syncs of one provider'; Code = 'Get-StarmapSyncHistory openai -Last 5'; Remarks = 'Newest first.' }
        @{ Title = 'Providers whose last sync did not apply'; Code = 'Get-StarmapSyncHistory -Last 1 | Where-Object Status -in ''Rejected'', ''Failed'' | Select-Object ProviderId, StartedAt, Reason'; Remarks = 'One row per provider whose newest sync was refused or failed.' }
    )
    Links       = @('Get-StarmapSyncSchedule', 'Sync-StarmapProvider')
}
