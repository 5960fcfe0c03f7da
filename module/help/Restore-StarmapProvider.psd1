@{
    Synopsis    = 'Restores a provider and its model offerings to their state at an earlier generation or time, as a new write.'
    Description = @'
Restore-StarmapProvider rebuilds the provider as it was at -Generation (or at -At, the newest generation published at or before that time) from the change log and writes that state back through the provider's own grain as one new, validated write. The write is recorded in the change log with origin restore, so the restore itself shows in Get-StarmapPriceHistory and Compare-StarmapCatalog, and can be undone the same way. It expects the version it read: a concurrent change makes it fail with VersionConflict, writing nothing.

-WhatIf runs a dry run and prints the changeset (one What if line per changed field, offerings added or removed) and writes the dry-run result; nothing is written. A provider that did not exist at that point is deleted only with -Force; without it the cmdlet writes RestoreRefused and nothing changes. A point older than the change log keeps writes HistoryOutOfRange naming the generations that can be read.
'@
    Parameters  = @{
        Id         = 'The provider ID. Binds ProviderId from piped objects.'
        Generation = 'The generation to restore to.'
        At         = 'The time to restore to: the newest generation published at or before it.'
        Force      = 'Delete the provider when it did not exist at that point.'
        PassThru   = 'Write the result: the changeset, the generation it was restored to and the catalog generation after the write.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'Providers by property name (ProviderId).' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapRestoreResult'; Description = 'With -PassThru or -WhatIf: Kind, Id, RestoredTo, DryRun, Deleted, Generation, Version, and Changes (one row per changed field).' })
    Examples    = @(
        @{ Title = 'See what a rollback would change'; Code = 'Restore-StarmapProvider groq -Generation ((Get-StarmapConnection).Generation - 1) -WhatIf'; Remarks = 'What a rollback to the generation before the current one would change: one What if line per field; nothing is written.' }
        @{ Title = 'Undo a bad sync'; Code = 'Restore-StarmapProvider groq -At (Get-StarmapChange -First 1).At -PassThru'; Remarks = 'Puts back the state it had when the change log began (any time the log covers works, such as (Get-Date).AddHours(-2) on a silo that has run that long); the change log shows the restore with origin restore.' }
    )
    Links       = @('Compare-StarmapCatalog', 'Get-StarmapPriceHistory', 'Sync-StarmapProvider')
}
