@{
    Synopsis    = 'Changes fields of an author record.'
    Description = @'
Set-StarmapAuthor changes an existing author's record: name, description, headquarters, aliases and links. Its model definitions and attribution rules are kept. Only the fields you give change, in one atomic write; an author that does not exist is an AuthorNotFound error (New-StarmapAuthor adds one).

Pipe an author from Get-StarmapAuthor to update it; the properties you changed on the object are written, and nothing else. When the author changed since the object was read (its Version), the write fails with VersionConflict; -Force writes just your changed fields anyway. -WhatIf lists each field change as path: old -> new.
'@
    Parameters  = @{
        Id           = 'Author ID, lower-case kebab-case (meta, mistral). Binds AuthorId from piped objects.'
        InputObject  = 'An author from Get-StarmapAuthor, possibly with edited properties.'
        Name         = 'Display name.'
        Description  = 'Description.'
        Headquarters = 'Headquarters.'
        Aliases      = 'Other IDs that name the author (for example meta-llama) (the property of the same name); -Alias, the old name, still works.'
        Website      = 'Website URL.'
        HuggingFace  = 'Hugging Face organisation.'
        GitHub       = 'GitHub organisation.'
        PassThru     = 'Write the author as stored.'
        Force        = 'Write the changed fields of a piped author even when it changed since it was read; only those fields are written.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'An author to update, or any object with AuthorId.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'With -PassThru: the author as stored.' })
    Examples    = @(
        @{ Title = 'Change a link'; Code = 'Set-StarmapAuthor acme -Website https://acme.example -PassThru'; Remarks = 'Changes only the website.' }
        @{ Title = 'Edit from the pipeline'; Code = "Get-StarmapAuthor meta | Set-StarmapAuthor -Aliases meta-llama, facebook -WhatIf"; Remarks = 'Shows the change without writing it.' }
    )
    Links       = @('Get-StarmapAuthor', 'New-StarmapAuthor', 'Get-StarmapModel')
}
