@{
    Synopsis    = 'Gets the change log: every field each publish changed, oldest first (or the newest with -Last), with old and new value, time, origin and source.'
    Description = @'
Get-StarmapChange reads the catalog's change log. Every publish (a sync, a write from this module, a .NET client or the HTTP API, an import) records what it changed field by field: the generation, when it was published (At, UTC), the kind of write (Origin: sync, powershell, http, client, import, restore), the source of the new value when the record's provenance names one (models.dev, provider-api), the provider or author and model, the field's path (pricing.tokens.input, limits.context_window...) and the old and new value as JSON. Unknown values are $null, never 0.

Changes come oldest first and every page is read unless -First limits the count. -Last reads the newest changes instead, newest first, straight from the log's newest end (it does not read the older pages first); the filters select the same changes either way. Bookkeeping fields (created_at, updated_at, provenance) are left out unless -Bookkeeping is given.

The log keeps changes for the silo's retention (Starmap:History:Retention, 400 days by default). Asking for changes after a generation retention has deleted writes the error ChangesPruned rather than a short answer.
'@
    Parameters  = @{
        Provider        = 'Only changes of this provider (its record and offerings). Tab completes provider IDs. Binds ProviderId from piped objects.'
        Author          = 'Only changes of this author (its record and definitions).'
        Model           = "Only changes of this model: an offering's model ID or a definition's author/slug. Binds ModelId from piped objects."
        Field           = 'Only fields at or under this path: pricing matches pricing.tokens.input and pricing.tiers[200000].tokens.input, not pricing_note.'
        SinceGeneration = 'Only changes of generations after this one (e.g. the generation of your last deploy).'
        Since           = 'Only changes published at or after this time. A time without a zone is local time.'
        Until           = 'Only changes published before this time.'
        Bookkeeping     = 'Include created_at, updated_at and provenance changes.'
        First           = 'At most this many changes, the oldest first. Without it every page is read.'
        Last            = 'The newest this many changes, newest first (as Get-StarmapSyncHistory -Last). Cannot be combined with -First.'
    }
    Inputs      = @(
        @{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'A provider by property name (ProviderId).' }
        @{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'A model by property name (ProviderId, ModelId).' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapCatalogChange'; Description = 'One object per changed field: Generation, Sequence, At ([datetime], UTC), Origin, Source, Entity, EntityId, ModelId, Kind, Path, Old, New.' })
    Examples    = @(
        @{ Title = 'Price changes of one provider'; Code = 'Get-StarmapChange openai -Field pricing'; Remarks = 'Every price component that changed, with the sync or write that changed it.' }
        @{ Title = 'What changed since a deploy'; Code = 'Get-StarmapChange -SinceGeneration ((Get-StarmapConnection).Generation - 10) | Group-Object EntityId'; Remarks = 'Changes published in the last ten generations (or after the generation of a deploy), counted per provider or author.' }
        @{ Title = 'The last day'; Code = "Get-StarmapChange -Since (Get-Date).AddDays(-1) | Where-Object Origin -eq 'sync'"; Remarks = 'What the syncs of the last 24 hours changed.' }
        @{ Title = 'The most recent price changes'; Code = 'Get-StarmapChange openai -Field pricing -Last 5'; Remarks = "openai's five newest price changes, the latest first." }
        @{ Title = 'One model, first ten changes'; Code = 'Get-StarmapModel -Provider groq -Id llama-3.3-70b-versatile | Get-StarmapChange -First 10'; Remarks = 'Binds ProviderId and ModelId from the piped model.' }
    )
    Links       = @('Sync-StarmapProvider', 'Set-StarmapModel', 'Import-StarmapCatalog')
}
