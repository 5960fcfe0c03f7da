@{
    Synopsis    = 'Adds a provider record.'
    Description = @'
New-StarmapProvider adds a provider: name, description, list-models URL and API family, the names of the environment variables that hold its key, and more. It starts without models; Sync-StarmapProvider reads them from its list, or New-StarmapModel adds them one by one.

A provider that already exists is a ProviderAlreadyExists error and is left as it is: change it with Set-StarmapProvider. Keys are never stored: -KeyVariables takes the names of variables, which the silo reads when it syncs.
'@
    Parameters  = @{
        Id           = 'Provider ID, lower-case kebab-case (openai, google-ai-studio). Binds ProviderId from piped objects.'
        Name         = 'Display name; the ID when not given.'
        Description  = 'Description.'
        Headquarters = 'Headquarters.'
        Aliases      = 'Other IDs that name the provider (for example its models.dev key) (the property of the same name); -Alias, the old name, still works.'
        DocsUrl      = 'API documentation URL.'
        ListUrl      = 'URL of the list-models API that Sync-StarmapProvider reads.'
        ListType     = 'API family of the list: openai, anthropic, google, google-cloud, ollama, openrouter. Needs a list URL.'
        KeyVariables = 'Names of the environment variables that may hold the API key; the first one set wins (the property of the same name); -KeyVariable, the old name, still works.'
        KeyRequired  = 'Whether listing models needs a key. Use -KeyRequired:$false for a public list.'
        Authors      = 'Authors whose models the provider hosts (the property of the same name); -Author, the old name, still works.'
        PassThru     = 'Write the provider as stored.'
    }
    Inputs      = @(@{ Type = 'System.Management.Automation.PSObject'; Description = 'Any object with ProviderId (and optionally the other fields) as properties.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'With -PassThru: the provider as stored.' })
    Examples    = @(
        @{ Title = 'Add a self-hosted OpenAI-compatible provider'; Code = 'New-StarmapProvider local-vllm -Name "Local vLLM" -ListUrl http://10.0.0.9:8000/v1/models -ListType openai -KeyRequired:$false -PassThru'; Remarks = 'Adds the provider; Sync-StarmapProvider local-vllm then reads its models.' }
        @{ Title = 'See what would be created'; Code = 'New-StarmapProvider acme-cloud -Name "Acme Cloud" -KeyVariables ACME_API_KEY -WhatIf'; Remarks = 'Lists the fields the provider would get; writes nothing.' }
    )
    Links       = @('Set-StarmapProvider', 'Get-StarmapProvider', 'Sync-StarmapProvider')
}
