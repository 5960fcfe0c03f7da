@{
    Synopsis    = 'Removes providers, with the models they serve, from the catalog.'
    Description = @'
Remove-StarmapProvider deletes providers by exact ID (no wildcards: a delete names what it deletes). A provider's models (its offerings) cannot exist without it, so they go with it, in the same atomic write: the confirmation prompt and -WhatIf say how many. Nothing else changes: the model definitions (author/slug) its models were linked to, the authors, and other providers' offerings of the same models all stay. A provider that does not exist writes a ProviderNotFound error.

Pipe a provider from Get-StarmapProvider to remove it only if it has not changed since it was read (its Version): otherwise the delete fails with VersionConflict and nothing is removed; -Force removes it anyway. Strings piped in are provider IDs. Nothing else is taken from the pipeline: a model, an author or any other object with a ProviderId is a WrongInputType error and removes nothing (piping a model here once removed its whole provider).

Removing is ConfirmImpact High: with the default $ConfirmPreference (High) it asks before each provider, and in a non-interactive session it fails instead of removing. Pass -Confirm:$false in scripts that mean it. Restore-StarmapProvider brings a removed provider back from the change log.
'@
    Parameters  = @{
        Id          = 'Provider IDs (exact). Press Tab to complete.'
        InputObject = 'A provider from Get-StarmapProvider; removed only if its Version is still the stored one, unless -Force.'
        PassThru    = 'Write each removed provider as it was.'
        Force       = 'Remove a piped provider even when it changed since it was read.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Provider IDs.' }
        @{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'Providers to remove, checked against the version they were read at.' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'With -PassThru: each removed provider as it was.' })
    Examples    = @(
        @{ Title = 'Preview removing a provider'; Code = 'Remove-StarmapProvider openai -WhatIf'; Remarks = 'Prints what would go (the provider and how many models); nothing is deleted.' }
        @{ Title = 'Add a provider, then remove it without asking'; Code = "New-StarmapProvider demo-remove -Name 'Demo'`nRemove-StarmapProvider demo-remove -Confirm:`$false -PassThru"; Remarks = 'Deletes the provider and its models (none here) and shows it as it was.' }
        @{ Title = 'Remove what was read, only if unchanged'; Code = "Get-StarmapProvider 'demo-*' | Remove-StarmapProvider -WhatIf"; Remarks = 'Each piped provider carries its Version; without -WhatIf one changed since it was read fails with VersionConflict.' }
    )
    Links       = @('Get-StarmapProvider', 'New-StarmapProvider', 'Restore-StarmapProvider', 'Remove-StarmapModel')
}
