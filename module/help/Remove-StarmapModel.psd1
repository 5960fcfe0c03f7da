@{
    Synopsis    = "Removes a provider's model offering from the catalog."
    Description = @'
Remove-StarmapModel deletes one model as one provider serves it. The model definition (author/slug) and other providers' offerings of it are kept. A model that does not exist writes a ModelNotFound error.

Models can come from the pipeline, so Get-StarmapModel ... | Remove-StarmapModel -WhatIf previews a bulk removal. An empty pipeline removes nothing. A piped model is removed only if it has not changed since it was read (otherwise VersionConflict and it stays; -Force removes it anyway); removing the others of the same provider does not make it stale. Only models from Get-StarmapModel are taken from the pipeline: any other object (a quarantine row, a change, an endpoint row), even one with ProviderId and ModelId, is a WrongInputType error and removes nothing.

Removing is ConfirmImpact High: with the default $ConfirmPreference (High) it asks before each model, and in a non-interactive session it fails instead of removing. Pass -Confirm:$false in scripts that mean it.
'@
    Parameters  = @{
        Provider    = 'Provider ID.'
        Id          = 'The provider''s model ID.'
        InputObject = 'A model from Get-StarmapModel; removed only if it has not changed since it was read, unless -Force.'
        PassThru    = 'Write each removed model as it was when removed.'
        Force       = 'Remove a piped model even when it changed since it was read.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'Models to remove, checked against what was read.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'With -PassThru: each removed model as it was.' })
    Examples    = @(
        @{ Title = 'Remove one model'; Code = 'Remove-StarmapModel openai gpt-3.5-turbo'; Remarks = 'Asks, then deletes the offering.' }
        @{ Title = 'Remove without asking, in a script'; Code = 'Get-StarmapModel -Provider openai -Status retired | Remove-StarmapModel -Confirm:$false'; Remarks = 'Deletes every retired OpenAI offering.' }
        @{ Title = 'Preview removing every retired model of a provider'; Code = 'Get-StarmapModel -Provider openai -Status retired | Remove-StarmapModel -WhatIf'; Remarks = 'Prints one What if line per model; nothing is deleted.' }
    )
    Links       = @('Get-StarmapModel', 'Set-StarmapModel')
}
