@{
    Synopsis    = 'Gets the inference endpoints of providers (chat completions, messages, embeddings...).'
    Description = @'
Get-StarmapEndpoint lists inference endpoints: one per operation per provider, with its wire protocol family and URL. They are projected from the provider records, so they always agree with them.

An exact -Id that matches nothing writes an EndpointNotFound error, and an exact -Provider the catalog lacks writes ProviderNotFound; wildcards that match nothing are silent. Providers that match nothing narrow to no endpoints, never to all.
'@
    Parameters  = @{
        Id       = 'Endpoint IDs (provider/operation) to match, with wildcards.'
        Provider = 'Provider IDs, with wildcards. Binds piped strings, and ProviderId from piped objects.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Provider IDs.' }
        @{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'Providers by property name (ProviderId).' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapEndpoint'; Description = 'One object per endpoint.' })
    Examples    = @(
        @{ Title = 'Chat endpoints of every provider'; Code = "Get-StarmapEndpoint '*/chat-completions'"; Remarks = 'Lists the chat completions URL of each provider.' }
        @{ Title = "A provider's endpoints"; Code = 'Get-StarmapProvider openai | Get-StarmapEndpoint'; Remarks = 'Every endpoint of OpenAI.' }
    )
    Links       = @('Get-StarmapProvider')
}
