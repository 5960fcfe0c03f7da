@{
    Synopsis    = "Changes fields of a provider's model offering."
    Description = @'
Set-StarmapModel changes an existing model as one provider serves it. Only the fields you give change, in one atomic write in the cluster; every other field, including those the module does not show (tiers, provenance, per-operation prices), is kept even when someone else changes it at the same time. A model that does not exist is a ModelNotFound error (ProviderNotFound when the provider does not exist), so a typo in an ID never creates anything: New-StarmapModel adds models.

Pipe a model from Get-StarmapModel to update it: the properties you changed on the object (compared with the values it was read with) are written, and nothing else, so $m.InputPrice = 3; $m | Set-StarmapModel works. The object carries the version of its provider it was read at (its Version property); when the provider changed since, the write fails with a VersionConflict error and changes nothing. Read the model again and repeat the change, or add -Force to write just your changed fields over the newer values. Objects with ProviderId and ModelId properties (for example from ConvertFrom-Json) bind by property name; they carry no version, so only the fields given as parameters are written.

-WhatIf and -Confirm list each field the write changes as path: old -> new (values as JSON, (unknown) when absent); the real run changes exactly those.

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
        Authors         = 'Authors credited on the provider''s side (used when no definition is linked) (the property of the same name); -Author, the old name, still works.'
        PassThru        = 'Write the model as stored.'
        Force           = 'Write the changed fields of a piped object even when its provider changed since the object was read. Only the fields you changed are written; others'' newer values are kept.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'A model to update, or any object with ProviderId and ModelId.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'With -PassThru: the model as stored.' })
    Examples    = @(
        @{ Title = 'Correct a price'; Code = 'Set-StarmapModel openai gpt-4o -InputPrice 2.5 -OutputPrice 10 -PassThru'; Remarks = 'Updates two prices and shows the result.' }
        @{ Title = 'Edit a model from the pipeline'; Code = "`$m = Get-StarmapModel gpt-4o-mini -Provider openai`n`$m.Status = 'deprecated'`n`$m | Set-StarmapModel -WhatIf"; Remarks = 'Shows what would be written; drop -WhatIf to write it.' }
        @{ Title = 'Retry after a VersionConflict'; Code = "`$m = Get-StarmapModel gpt-4o -Provider openai`n`$m.Name = 'GPT-4o (2024-08)'`n`$m | Set-StarmapModel -Force"; Remarks = 'Writes only Name, even if the model''s provider changed since it was read; the newer values of other fields stay.' }
    )
    Links       = @('Get-StarmapModel', 'New-StarmapModel', 'Remove-StarmapModel')
}
