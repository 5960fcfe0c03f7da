@{
    Synopsis    = 'Gets the authors (makers) of models from the Starmap catalog.'
    Description = @'
Get-StarmapAuthor lists the organisations that make models, with the number of model definitions each owns and the number of provider offerings credited to it (by definition, by the provider, or by attribution rules).

An exact -Id that matches nothing writes an AuthorNotFound error.
'@
    Parameters  = @{
        Id   = 'Author IDs to match, with wildcards. Accepts strings and objects with an AuthorId property from the pipeline.'
        Name = 'Display names to match, with wildcards; an item matching any of them matches.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Author IDs, by value or as AuthorId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapAuthor'; Description = 'One object per author.' })
    Examples    = @(
        @{ Title = 'All authors'; Code = 'Get-StarmapAuthor'; Remarks = 'Shows ID, name, definitions, credited models and website.' }
        @{ Title = "An author's models across providers"; Code = 'Get-StarmapAuthor meta | Get-StarmapModel'; Remarks = 'Every offering credited to Meta, at any provider.' }
    )
    Links       = @('Get-StarmapModel', 'Set-StarmapAuthor')
}
