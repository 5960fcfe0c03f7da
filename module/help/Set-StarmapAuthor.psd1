@{
    Synopsis    = 'Creates or updates an author record.'
    Description = @'
Set-StarmapAuthor writes an author's record: name, description, headquarters, aliases and links. Its model definitions and attribution rules are kept. Only the fields you give change; an author that does not exist is created.

Pipe an author from Get-StarmapAuthor to update it; properties you changed on the object are written too.
'@
    Parameters  = @{
        Id           = 'Author ID, lower-case kebab-case (meta, mistral). Binds AuthorId from piped objects.'
        InputObject  = 'An author from Get-StarmapAuthor, possibly with edited properties.'
        Name         = 'Display name.'
        Description  = 'Description.'
        Headquarters = 'Headquarters.'
        Alias        = 'Other IDs that name the author (for example meta-llama).'
        Website      = 'Website URL.'
        HuggingFace  = 'Hugging Face organisation.'
        GitHub       = 'GitHub organisation.'
        PassThru     = 'Write the author as stored.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'An author to update, or any object with AuthorId.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'With -PassThru: the author as stored.' })
    Examples    = @(
        @{ Title = 'Add an author'; Code = 'Set-StarmapAuthor acme -Name "Acme AI" -Website https://acme.example -PassThru'; Remarks = 'Creates the author.' }
        @{ Title = 'Edit from the pipeline'; Code = "Get-StarmapAuthor meta | Set-StarmapAuthor -Alias meta-llama, facebook -WhatIf"; Remarks = 'Shows the change without writing it.' }
    )
    Links       = @('Get-StarmapAuthor', 'Get-StarmapModel')
}
