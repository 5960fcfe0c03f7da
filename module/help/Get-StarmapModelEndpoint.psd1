@{
    Synopsis    = 'Gets who serves a model, at what price: every provider offering of one model.'
    Description = @'
Get-StarmapModelEndpoint answers "who serves this model, at what price". For a model definition (author/slug, such as openai/gpt-oss-120b when the catalog has that definition) it writes one object per provider offering linked to it, with the provider's own model ID, its prices per 1M tokens, limits, lifecycle status and availability. It is the module's side of the OpenRouter-style view GET /api/v1/models/{author}/{slug}/endpoints.

A model without a definition is found by its model ID or by the slug the OpenRouter list gives it (its credited author, else its provider, then '/' and the model ID); every offering without a definition that shares its model ID is listed, so the same model ID at two providers shows both.

Unknown values are null, never 0: an offering whose output price no source stated has OutputPrice $null. A definition nobody serves writes nothing and no error. An ID that names no definition, slug or model ID writes a ModelNotFound error naming it and the other IDs are still read.
'@
    Parameters  = @{
        Id = 'Model IDs: author/slug of a definition, or the model ID of a model without one. No wildcards: each names one model. Binds piped strings, and piped models (Get-StarmapModel output): each is looked up by its DefinitionId, or by its ModelId when it has no definition.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Model IDs.' }
        @{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'Models: by DefinitionId, or by ModelId when a model has no definition.' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapModelEndpoint'; Description = 'One object per provider offering of the model.' })
    Examples    = @(
        @{ Title = 'Who serves a model'; Code = 'Get-StarmapModelEndpoint meta/llama-3.3-70b-instruct'; Remarks = 'One row per provider serving the definition, with its price, context window and status.' }
        @{ Title = 'The cheapest provider of a model'; Code = "Get-StarmapModelEndpoint meta/llama-3.3-70b-instruct | Where-Object InputPrice -ne `$null | Sort-Object InputPrice | Select-Object -First 1"; Remarks = 'Offerings with an unknown price are left out rather than counted as free.' }
        @{ Title = 'From a model you already have'; Code = 'Get-StarmapModel -Provider groq -Id llama-3.3-70b-versatile | Get-StarmapModelEndpoint'; Remarks = 'Looks the model up by its DefinitionId, or by its model ID when it has no definition.' }
    )
    Links       = @('Get-StarmapModel', 'Get-StarmapEndpoint', 'Export-StarmapCatalog')
}
