@{
    Synopsis    = 'Changes fields of a provider record.'
    Description = @'
Set-StarmapProvider changes an existing provider's record: name, description, list-models URL and API family, the names of the environment variables that hold its key, and more. Its model offerings are kept. Only the fields you give change, in one atomic write; a provider that does not exist is a ProviderNotFound error (New-StarmapProvider adds one).

Pipe a provider from Get-StarmapProvider to update it; the properties you changed on the object are written, and nothing else. When the provider changed since the object was read (its Version), the write fails with VersionConflict; -Force writes just your changed fields anyway. -WhatIf lists each field change as path: old -> new. Keys are never stored: -KeyVariables takes the names of variables, which the silo reads when it syncs.
'@
    Parameters  = @{
        Id          = 'Provider ID, lower-case kebab-case (openai, google-ai-studio). Binds ProviderId from piped objects.'
        InputObject = 'A provider from Get-StarmapProvider, possibly with edited properties.'
        Name        = 'Display name.'
        Description = 'Description.'
        Headquarters = 'Headquarters.'
        Aliases     = 'Other IDs that name the provider (for example its models.dev key) (the property of the same name); -Alias, the old name, still works.'
        DocsUrl     = 'API documentation URL.'
        ListUrl     = 'URL of the list-models API that Sync-StarmapProvider reads.'
        ListType    = 'API family of the list: openai, anthropic, google, google-cloud, ollama, openrouter. Needs a list URL.'
        KeyVariables = 'Names of the environment variables that may hold the API key; the first one set wins (the property of the same name); -KeyVariable, the old name, still works.'
        KeyRequired = 'Whether listing models needs a key. Use -KeyRequired:$false for a public list.'
        Authors     = 'Authors whose models the provider hosts (the property of the same name); -Author, the old name, still works.'
        PassThru    = 'Write the provider as stored.'
        Force       = 'Write the changed fields of a piped provider even when it changed since it was read; only those fields are written.'
    }
    Inputs      = @(@{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'A provider to update, or any object with ProviderId.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'With -PassThru: the provider as stored.' })
    Examples    = @(
        @{ Title = 'Point a provider at a new list URL'; Code = 'Set-StarmapProvider local-vllm -ListUrl http://10.0.0.10:8000/v1/models -PassThru'; Remarks = 'Changes only the list URL; the list type and everything else stay.' }
        @{ Title = 'Change the key variable of a provider'; Code = 'Get-StarmapProvider groq | Set-StarmapProvider -KeyVariables GROQ_API_KEY, GROQ_KEY -WhatIf'; Remarks = 'Shows the change without writing it.' }
    )
    Links       = @('Get-StarmapProvider', 'New-StarmapProvider', 'Sync-StarmapProvider')
}
