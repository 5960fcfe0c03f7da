@{
    Synopsis    = 'Gets every price one model offering had since the change log starts.'
    Description = @'
Get-StarmapPriceHistory reads the catalog's change log and writes one object per price the offering had, oldest first. The first is the pricing already in force when the log starts (its At and Origin are empty); then one for each generation that changed a price component (input, output, cache, tiers, per-request and per-operation prices...), added or removed the offering. Each names the generation, when it was published (At), what kind of write made it (Origin: sync, powershell, http, client, import, restore), the source of the new price (Source, e.g. models.dev), the pricing from then on (Pricing, with InputPrice and OutputPrice for the common case) and the components it changed (Changes, "path: old -> new").

A price nobody knew is shown as unknown (null), never as 0. A model that did not exist at any time the log covers writes ModelNotFound.
'@
    Parameters  = @{
        Provider = 'The provider ID. Binds ProviderId from piped objects.'
        Model    = "The provider's model ID. Binds ModelId from piped objects."
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'Models by property name (ProviderId, ModelId).' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapPricePoint'; Description = 'One object per price: ProviderId, ModelId, Generation, At, Origin, Source, InputPrice, OutputPrice, Removed, Pricing, Changes.' })
    Examples    = @(
        @{ Title = "A model's prices over time"; Code = 'Get-StarmapPriceHistory openai gpt-4o | Format-Table Generation, At, Origin, Source, InputPrice, OutputPrice'; Remarks = 'The price at the start of the log, then each change.' }
        @{ Title = 'For models piped in'; Code = 'Get-StarmapModel -Provider groq -Id llama* | Get-StarmapPriceHistory'; Remarks = 'ProviderId and ModelId bind by property name.' }
        @{ Title = 'What a sync changed'; Code = 'Get-StarmapPriceHistory anthropic claude-sonnet-4-5 | Where-Object Origin -eq sync | Select-Object -ExpandProperty Changes'; Remarks = 'Each changed component as path: old -> new.' }
    )
    Links       = @('Get-StarmapModel', 'Compare-StarmapCatalog', 'Restore-StarmapProvider')
}
