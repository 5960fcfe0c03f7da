@{
    Synopsis    = 'Compares the catalog at two generations or times: models added, removed and changed, per provider and per author.'
    Description = @'
Compare-StarmapCatalog rebuilds the catalog at -From and at -To (the newest generation when -To is left out) from the change log and writes one object per provider and then one per author that differs: Entity (provider or author), Provider or Author, Kind (added, removed or changed), the counts of models Added, Removed and Changed (a provider's offerings, an author's model definitions), the IDs of the Models that differ, and Changes: one row per changed field (Scope provider, offering, author or definition, Action added, removed or updated, Id, Path, Old and New value as JSON, unknown as null). Bookkeeping (timestamps, provenance) is not content and never shows.

Each point is a generation number or a time (a [datetime] or text such as 2026-06-01T12:00:00Z). A point older than the change log keeps writes HistoryOutOfRange naming the generations that can be read.
'@
    Parameters  = @{
        From     = 'The earlier point: a generation number or a time.'
        To       = 'The later point: a generation number or a time. Default: the newest generation.'
        Provider = 'Only these providers, with wildcards (no authors unless -Author is given too).'
        Author   = 'Only these authors, with wildcards (no providers unless -Provider is given too).'
    }
    Inputs      = @(@{ Type = 'None'; Description = 'Nothing is read from the pipeline.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapCatalogDiff'; Description = 'One object per provider and per author that differs: From, To, Entity, Provider, Author, Kind, Added, Removed, Changed, Models, Changes.' })
    Examples    = @(
        @{ Title = 'What changed since the change log began'; Code = 'Compare-StarmapCatalog -From (Get-StarmapChange -First 1).At'; Remarks = 'Per provider counts; the Models property holds the field details. Any time the change log covers works, such as (Get-Date).AddDays(-1) on a silo that has run a day.' }
        @{ Title = 'Between two generations, one provider'; Code = '$now = (Get-StarmapConnection).Generation; Compare-StarmapCatalog -From ($now - 5) -To $now -Provider openai | Select-Object -ExpandProperty Changes'; Remarks = 'Each changed field of each model over the last five generations.' }
        @{ Title = 'What changed in one author''s definitions'; Code = '$now = (Get-StarmapConnection).Generation; Compare-StarmapCatalog -From ($now - 5) -To $now -Author meta | Select-Object -ExpandProperty Changes'; Remarks = 'Each added, removed or changed definition and field of the author over the last five generations.' }
        @{ Title = 'Models whose price changed'; Code = "Compare-StarmapCatalog ((Get-StarmapConnection).Generation - 5) | ForEach-Object Changes | Where-Object Path -like 'pricing*'"; Remarks = 'Every price component of every provider changed in the last five generations.' }
    )
    Links       = @('Get-StarmapPriceHistory', 'Restore-StarmapProvider', 'Get-StarmapModel')
}
