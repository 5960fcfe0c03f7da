@{
    Synopsis    = 'Removes authors, with the model definitions they own, from the catalog.'
    Description = @'
Remove-StarmapAuthor deletes authors by exact ID (no wildcards). An author's model definitions (author/slug) are its own, so they go with it, in the same atomic write; the confirmation prompt and -WhatIf say how many. An author that does not exist writes an AuthorNotFound error.

Offerings credit authors and link their definitions, and provider records list the authors they host. A remove never rewrites those records, so an author that anything still refers to is refused with AuthorInUse, which says how many models and providers refer to it (Get-StarmapModel -Author <id> lists the models), and nothing is removed. -Force removes the author and its definitions anyway and leaves those references exactly as they are.

Pipe an author from Get-StarmapAuthor to remove it only if it has not changed since it was read (its Version): otherwise VersionConflict, unless -Force. Strings piped in are author IDs; any other object (a provider, a model) is a WrongInputType error and removes nothing.

Removing is ConfirmImpact High: it asks first with the default $ConfirmPreference, and fails in a non-interactive session; pass -Confirm:$false in scripts that mean it. Restore-StarmapAuthor brings a removed author back from the change log.
'@
    Parameters  = @{
        Id          = 'Author IDs (exact). Press Tab to complete.'
        InputObject = 'An author from Get-StarmapAuthor; removed only if its Version is still the stored one, unless -Force.'
        PassThru    = 'Write each removed author as it was.'
        Force       = 'Remove a piped author even when it changed since it was read, and an author that models or providers still refer to (their references are left as they are).'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Author IDs.' }
        @{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'Authors to remove, checked against the version they were read at.' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'With -PassThru: each removed author as it was.' })
    Examples    = @(
        @{ Title = 'Try to remove an author models still credit'; Code = 'Remove-StarmapAuthor meta -WhatIf -ErrorAction SilentlyContinue -ErrorVariable refused; $refused.FullyQualifiedErrorId'; Remarks = 'Refused with AuthorInUse, whose message counts the models and providers that refer to meta; nothing is deleted. Without -ErrorAction the error is written as usual.' }
        @{ Title = 'Add an author, then remove it without asking'; Code = "New-StarmapAuthor demo-author -Name 'Demo'`nRemove-StarmapAuthor demo-author -Confirm:`$false -PassThru"; Remarks = 'Deletes the author and its definitions (none here) and shows it as it was.' }
    )
    Links       = @('Get-StarmapAuthor', 'New-StarmapAuthor', 'Restore-StarmapAuthor')
}
