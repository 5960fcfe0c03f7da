@{
    Synopsis    = 'Gets providers from the Starmap catalog, with model counts and whether their API key is set here.'
    Description = @'
Get-StarmapProvider lists the providers that serve models, with the number of models each serves in the catalog, the URL of its list-models API and the environment variables that may hold its API key.

KeyConfigured says whether one of those variables is set (non-empty) in this PowerShell process. Only presence is checked: the key itself is never read into the object, shown or sent anywhere. Syncs run in the silo and use the silo's environment; KeyConfigured tells you what a script in this session could do.

An exact -Id that matches nothing writes a ProviderNotFound error.
'@
    Parameters  = @{
        Id   = 'Provider IDs to match, with wildcards. Accepts strings and objects with a ProviderId property from the pipeline.'
        Name = 'Display names to match, with wildcards; an item matching any of them matches.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Provider IDs, by value or as ProviderId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'One object per provider.' })
    Examples    = @(
        @{ Title = 'All providers'; Code = 'Get-StarmapProvider'; Remarks = 'Shows ID, name, model count and whether a key is configured in this session.' }
        @{ Title = 'Providers whose key is missing'; Code = 'Get-StarmapProvider | Where-Object { $_.KeyRequired -and -not $_.KeyConfigured } | Select-Object ProviderId, KeyVariables'; Remarks = 'Names the variables to set before syncing those providers from this machine.' }
        @{ Title = 'Wildcards'; Code = "Get-StarmapProvider 'open*' | Get-StarmapModel -First 3"; Remarks = 'The first three models of openai and openrouter.' }
    )
    Links       = @('Get-StarmapModel', 'Sync-StarmapProvider', 'Set-StarmapProvider')
}
