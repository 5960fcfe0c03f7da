@{
    Synopsis    = "Creates or updates a provider's model offering."
    Description = @'
Set-StarmapModel writes one model as one provider serves it. Only the fields you give change; every other field, including those the module does not show (tiers, provenance, per-operation prices), is kept. A model that does not exist is created.

Pipe a model from Get-StarmapModel to update it: properties you changed on the object are written too, so $m.InputPrice = 3; $m | Set-StarmapModel works. Objects with ProviderId and ModelId properties (for example from ConvertFrom-Json) bind by property name.

Pass $null to a value to make it unknown (for example -InputPrice $null). The service validates the result; a rule it breaks is written as an InvalidModel error naming the field.
'@
    Parameters  = @{
        Provider        = 'Provider ID. Binds ProviderId from piped objects.'
        Id              = 'The provider''s model ID, exactly as its API spells it. Binds ModelId from piped objects.'
        InputObject     = 'A model from Get-StarmapModel, possibly with edited properties.'
        Name            = 'Display name.'
        DefinitionId    = 'The definition (author/slug) this offering serves.'
        ContextWindow   = 'Context window in tokens.'
        MaxInputTokens  = 'Largest input in tokens.'
        MaxOutputTokens = 'Largest output in tokens.'
        InputPrice      = 'Price per 1M input tokens (USD).'
        OutputPrice     = 'Price per 1M output tokens (USD).'
        ReasoningPrice  = 'Price per 1M reasoning tokens, when billed apart from output.'
        CacheReadPrice  = 'Price per 1M cached input tokens read.'
        CacheWritePrice = 'Price per 1M tokens written to the cache.'
        Status          = 'Lifecycle status: unknown, active, beta, preview, deprecated, retired.'
        Availability    = 'Availability: unknown, available, restricted, unavailable.'
        Author          = 'Authors credited on the provider''s side (used when no definition is linked).'
        PassThru        = 'Write the model as stored.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'A model to update, or any object with ProviderId and ModelId.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'With -PassThru: the model as stored.' })
    Examples    = @(
        @{ Title = 'Correct a price'; Code = 'Set-StarmapModel openai gpt-4o -InputPrice 2.5 -OutputPrice 10 -PassThru'; Remarks = 'Updates two prices and shows the result.' }
        @{ Title = 'Edit a model from the pipeline'; Code = "`$m = Get-StarmapModel gpt-4o-mini -Provider openai`n`$m.Status = 'deprecated'`n`$m | Set-StarmapModel -WhatIf"; Remarks = 'Shows what would be written; drop -WhatIf to write it.' }
        @{ Title = 'Add a model'; Code = 'Set-StarmapModel my-provider my-model -Name "My model" -ContextWindow 32000 -Status active'; Remarks = 'Creates the offering when it does not exist.' }
    )
    Links       = @('Get-StarmapModel', 'Remove-StarmapModel')
}
