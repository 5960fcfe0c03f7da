@{
    Synopsis    = 'Adds a model to a provider.'
    Description = @'
New-StarmapModel adds one model as one provider serves it. The provider must exist (ProviderNotFound otherwise; New-StarmapProvider adds one). A model that already exists is a ModelAlreadyExists error and is left as it is: change it with Set-StarmapModel.

Fields you do not give stay unknown, never 0. Objects with ProviderId and ModelId properties (for example from ConvertFrom-Json or Import-Csv) bind by property name, so a list of models can be piped in. The service validates the model; a rule it breaks is written as an InvalidModel error naming the field. -WhatIf lists every field the model would be created with.
'@
    Parameters  = @{
        Provider        = 'Provider ID; the provider must exist. Binds ProviderId from piped objects.'
        Id              = 'The provider''s model ID, exactly as its API spells it. Binds ModelId from piped objects.'
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
        Authors         = 'Authors credited on the provider''s side (used when no definition is linked) (the property of the same name); -Author, the old name, still works.'
        PassThru        = 'Write the model as stored.'
    }
    Inputs      = @(@{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ProviderId and ModelId (and optionally the other fields) as properties.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'With -PassThru: the model as stored.' })
    Examples    = @(
        @{ Title = 'Add a model'; Code = 'New-StarmapModel local-vllm my-model -Name "My model" -ContextWindow 32000 -Status active -PassThru'; Remarks = 'Adds the model and shows it.' }
        @{ Title = 'Add models from a file'; Code = 'Import-Csv models.csv | New-StarmapModel -WhatIf'; Remarks = 'Each row needs ProviderId and ModelId columns; -WhatIf lists the fields each model would get.' }
    )
    Links       = @('Set-StarmapModel', 'Get-StarmapModel', 'New-StarmapProvider')
}
