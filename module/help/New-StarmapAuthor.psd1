@{
    Synopsis    = 'Adds an author record.'
    Description = @'
New-StarmapAuthor adds an author of models: name, description, headquarters, aliases and links. An author that already exists is an AuthorAlreadyExists error and is left as it is: change it with Set-StarmapAuthor.
'@
    Parameters  = @{
        Id           = 'Author ID, lower-case kebab-case (meta, mistral). Binds AuthorId from piped objects.'
        Name         = 'Display name; the ID when not given.'
        Description  = 'Description.'
        Headquarters = 'Headquarters.'
        Aliases      = 'Other IDs that name the author (for example meta-llama) (the property of the same name); -Alias, the old name, still works.'
        Website      = 'Website URL.'
        HuggingFace  = 'Hugging Face organisation.'
        GitHub       = 'GitHub organisation.'
        PassThru     = 'Write the author as stored.'
    }
    Inputs      = @(@{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with AuthorId (and optionally the other fields) as properties.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'With -PassThru: the author as stored.' })
    Examples    = @(
        @{ Title = 'Add an author'; Code = 'New-StarmapAuthor acme -Name "Acme AI" -Website https://acme.example -PassThru'; Remarks = 'Adds the author and shows it.' }
        @{ Title = 'See what would be created'; Code = 'New-StarmapAuthor acme-labs -Name "Acme Labs" -WhatIf'; Remarks = 'Lists the fields the author would get; writes nothing.' }
    )
    Links       = @('Set-StarmapAuthor', 'Get-StarmapAuthor')
}
