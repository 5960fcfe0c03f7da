@{
    Synopsis    = "Syncs providers' models from their list-models API and models.dev into the catalog."
    Description = @'
Sync-StarmapProvider asks the cluster to sync providers: it reads each provider's list-models API and models.dev, reconciles them field by field with what the catalog holds, and applies the changes to the provider in one atomic write. The sync runs in the silo, with the silo's API keys; a provider whose key is missing there is skipped with a warning that names the variable.

-WhatIf runs a dry run instead: nothing is written, each changed field is printed as a "What if" line, and the dry-run result objects (with their Changes) are written to the pipeline. -Confirm asks before each provider.

Providers come from -Provider, from the pipeline (strings, or objects with a ProviderId property, such as Get-StarmapProvider's), or from -All. Up to -ThrottleLimit providers sync at once, with progress across them. A sync the service refuses (its sources failed, or the list shrank implausibly) writes a SyncRejected error; -Force applies past the shrink guard.

A record whose value cannot be right (an output limit above the context window, a tab in a name, a negative price, a date that is not one) no longer rejects its provider: the record is kept with that field unknown and a quarantine note. Each result lists the fields the run quarantined (Quarantined: provider, model, field, value, reason, source) and the notes it dropped because a valid value came (Released); they also appear in Changes with the action quarantined or released, and as "What if" lines under -WhatIf. A record with no usable ID is left out and named in Warnings. Get-StarmapQuarantine lists every quarantined field.

-AsJob returns a StarmapSyncJob at once; Wait-Job, Receive-Job and Stop-Job work on it, and Receive-Job returns each provider's result.

Each sync starts in the cluster and the cmdlet then waits for its result with short calls, so a sync that takes longer than the client's response timeout (Starmap__Client__ResponseTimeout, 30 s by default) still completes and reports. Ctrl+C or Stop-Job stops the waiting; a sync already running in the cluster finishes there and its outcome shows in Get-StarmapSyncSchedule.

-All -Discover runs one sync of every provider in the cluster that first creates each provider models.dev lists and the catalog lacks (with what models.dev knows of it: name, key variable names, API base URL, docs URL and SDK package), then syncs it with the others, so its models come in too. A models.dev ID that is no provider ID is created under its kebab-case form (models.dev's wafer.ai becomes wafer-ai) with a warning. Progress shows the providers done of the total; one provider that fails is its own error and never stops the others. With -WhatIf nothing is created or written: a "What if" line names each provider it would create and each change, and the dry-run results come out marked Discovered. -Discover needs models.dev among the sources and does not run as a job. Scheduled discover syncs are a silo setting, Starmap:Sync:DiscoverInterval.

-WhatIf dry runs (and Test-StarmapProvider) never replace the last real sync outcome. While models.dev cannot be reached, the silo asks it once and reuses that failure (or its last snapshot, with a warning) for Starmap:Sources:ModelsDevRetryAfterFailure (5 minutes), so -All asks models.dev once, not once per provider.
'@
    Parameters  = @{
        Provider      = 'Provider IDs to sync. Accepts strings and objects with a ProviderId property from the pipeline.'
        All           = 'Sync every provider in the catalog.'
        Discover      = 'With -All: first create every provider models.dev lists that the catalog lacks, then sync it with the others (with -WhatIf: report what would be created).'
        Source        = 'Read only these sources: provider-api (the provider''s own list) and/or models.dev. Default: both.'
        Force         = 'Apply even when the plausibility guard objects (for example a list that lost more than half of the known models).'
        PassThru      = 'Write each provider''s result (status, counts, changes, sources). Without it a successful sync writes nothing.'
        AsJob         = 'Run in the background and return a job. Receive-Job returns the results.'
        ThrottleLimit = 'How many providers sync at once (1 to 16). Default: 4.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Provider IDs, by value or as ProviderId by property name.' })
    Outputs     = @(
        @{ Type = 'Starmap.PowerShell.StarmapSyncResult'; Description = 'With -PassThru or -WhatIf: one result per provider.' }
        @{ Type = 'Starmap.PowerShell.Commands.StarmapSyncJob'; Description = 'With -AsJob: the job.' }
    )
    Notes       = 'Statuses: Applied, NoChanges, DryRun, Skipped (no usable source, such as a missing key), Rejected (sources failed or the guard refused; nothing applied), Failed (unexpected; nothing applied).'
    Examples    = @(
        @{ Title = 'Preview what a sync would change'; Code = 'Get-StarmapProvider | Sync-StarmapProvider -WhatIf'; Remarks = 'Dry-runs every provider and prints each changed field; nothing is written.' }
        @{ Title = 'Sync one provider and show the result'; Code = 'Sync-StarmapProvider openai -PassThru | Select-Object -ExpandProperty Changes'; Remarks = 'Applies the sync and lists every changed field.' }
        @{ Title = 'Sync everything in the background'; Code = 'Sync-StarmapProvider -All -AsJob | Wait-Job | Receive-Job'; Remarks = 'Returns one result per provider when the job completes.' }
        @{ Title = 'Take in every provider models.dev knows'; Code = 'Sync-StarmapProvider -All -Discover -WhatIf; Sync-StarmapProvider -All -Discover -PassThru'; Remarks = 'First lists the providers it would create and their models, then creates them and syncs every provider.' }
        @{ Title = 'Only the provider API, past the guard'; Code = 'Sync-StarmapProvider groq -Source provider-api -Force'; Remarks = 'Ignores models.dev and applies even if the list shrank sharply.' }
    )
    Links       = @('Get-StarmapProvider', 'Get-StarmapSyncSchedule', 'Test-StarmapProvider')
}
