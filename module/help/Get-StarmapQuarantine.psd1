@{
    Synopsis    = 'Gets the quarantined fields of the catalog: values sources gave that were refused and left unknown.'
    Description = @'
Get-StarmapQuarantine lists every quarantined field of offerings and definitions. A sync or an import keeps a record whose value cannot be right (an output limit above the context window, a tab or a bidirectional control character in a name, a negative price, a date that is not a date): the field is left unknown and a note keeps the value seen (escaped and shortened), the reason, the source (models.dev, provider-api, import) and when it was seen. One bad value therefore never rejects its record, and one bad record never rejects its provider.

A note describes the current refusal, not history: it is dropped when a later sync gives a valid value for the field, or when its source takes part again without refusing it. Writes you make (Set-StarmapModel and the like) are never quarantined: an invalid value you write is an error.

An exact -Provider the catalog lacks writes ProviderNotFound; wildcards that match nothing are silent. Definitions have no provider, so -Provider lists offerings only.
'@
    Parameters  = @{
        Provider = 'Provider IDs, with wildcards. Binds piped strings, and ProviderId from piped objects.'
        Model    = "Model IDs with wildcards: a provider's model ID, or a definition's author/slug. Binds ModelId from piped objects."
        Field    = 'Only fields whose path starts with this, e.g. pricing or limits.output_tokens.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Provider IDs.' }
        @{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'Providers by property name (ProviderId).' }
        @{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'Models by property name (ProviderId, ModelId).' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapQuarantine'; Description = 'One object per quarantined field: Kind, ProviderId, ModelId, Field, Value, Reason, Source, ObservedAt.' })
    Examples    = @(
        @{ Title = 'Everything quarantined'; Code = 'Get-StarmapQuarantine'; Remarks = 'Every refused field of every provider and definition.' }
        @{ Title = "One provider's refused prices"; Code = 'Get-StarmapQuarantine groq -Field pricing'; Remarks = 'Price components models.dev or the provider API gave that could not be right.' }
        @{ Title = 'Counts by reason'; Code = 'Get-StarmapQuarantine | Group-Object Reason | Sort-Object Count -Descending'; Remarks = 'What kinds of bad data the sources send.' }
    )
    Links       = @('Sync-StarmapProvider', 'Import-StarmapCatalog', 'Get-StarmapModel')
}
