@{
    Synopsis    = "Removes a provider's model offering from the catalog."
    Description = @'
Remove-StarmapModel deletes one model as one provider serves it. The model definition (author/slug) and other providers' offerings of it are kept. A model that does not exist writes a ModelNotFound error.

Models can come from the pipeline, so Get-StarmapModel ... | Remove-StarmapModel -WhatIf previews a bulk removal. An empty pipeline removes nothing.

Removing is ConfirmImpact High: with the default $ConfirmPreference (High) it asks before each model, and in a non-interactive session it fails instead of removing. Pass -Confirm:$false in scripts that mean it.
'@
    Parameters  = @{
        Provider    = 'Provider ID. Binds ProviderId from piped objects.'
        Id          = 'The provider''s model ID. Binds ModelId from piped objects.'
        InputObject = 'A model from Get-StarmapModel.'
        PassThru    = 'Write each removed model.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'Models to remove, or any object with ProviderId and ModelId.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'With -PassThru: each removed model as it was.' })
    Examples    = @(
        @{ Title = 'Remove one model'; Code = 'Remove-StarmapModel openai gpt-3.5-turbo'; Remarks = 'Asks, then deletes the offering.' }
        @{ Title = 'Remove without asking, in a script'; Code = 'Get-StarmapModel -Provider openai -Status retired | Remove-StarmapModel -Confirm:$false'; Remarks = 'Deletes every retired OpenAI offering.' }
        @{ Title = 'Preview removing every retired model of a provider'; Code = 'Get-StarmapModel -Provider openai -Status retired | Remove-StarmapModel -WhatIf'; Remarks = 'Prints one What if line per model; nothing is deleted.' }
    )
    Links       = @('Get-StarmapModel', 'Set-StarmapModel')
}
