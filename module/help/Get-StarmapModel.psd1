@{
    Synopsis    = 'Gets models (provider offerings) from the Starmap catalog, filtered in the cluster.'
    Description = @'
Get-StarmapModel queries the catalog's models: one object per model as one provider serves it, with its context window, prices per 1M tokens, lifecycle status, modalities and features. Every filter maps onto the service's model query, so filtering happens in the cluster and all filters must hold.

A value the catalog does not know is empty (null), never 0 or false, and a bound never matches an unknown value: -MaxInputPrice 1 does not return models whose price is unknown.

Release date, knowledge cutoff, open weights, family and description are the linked definition's when it states them, else what the offering's own sources (models.dev, the provider API) state, so -ReleasedAfter, -OpenWeights and -Family work for models no author definition describes.

Piped strings are model IDs ('gpt-4o', 'claude-*' | Get-StarmapModel), as with the other Get- cmdlets; providers come from the pipeline by property name (ProviderId) and authors by property name (AuthorId), so Get-StarmapProvider openai | Get-StarmapModel works. Piped values are collected and queried once, so -First and -Skip page the whole result.

Piped input only narrows, never widens: an empty pipeline (@() | Get-StarmapModel, or Get-StarmapProvider 'zz*' | Get-StarmapModel when nothing matches) returns no models, never the whole catalog, so a following Remove-StarmapModel removes nothing. An empty list given to a filter (-Provider @(), -Status @()) is a parameter error for the same reason.

An exact -Id, -Provider or -Author (without wildcards) that matches nothing writes a ModelNotFound, ProviderNotFound or AuthorNotFound error; a wildcard that matches nothing is silent, as with Get-ChildItem. An unknown feature, modality or sort key writes InvalidFilter.
'@
    Parameters  = @{
        At             = 'Answer as the catalog was at this time: the newest generation published at or before it, rebuilt from the change log. A time before the log starts is refused with HistoryOutOfRange naming the generations that can be read. Unknown values stay unknown.'
        Generation     = 'Answer as the catalog was at this generation (from the change log, within its retention; HistoryOutOfRange outside it). Not with -At.'
        Id             = 'Model IDs to match, with wildcards (* and ?), case-insensitive: the provider model ID or the definition ID (author/slug). Binds piped strings (''gpt-4o'' | Get-StarmapModel), and ModelId from piped objects. Press Tab to complete the IDs of the catalog, only those of the providers given with -Provider; a word with * or ? completes to the IDs it matches.'
        Name           = 'Display names to match, with wildcards; a model matching any of them matches (each name is one query, the answers merged).'
        Provider       = 'Provider IDs, with wildcards; a model of any of them matches. Binds ProviderId from piped objects (piped strings are model IDs). An exact ID the catalog lacks writes ProviderNotFound.'
        Author         = 'Author IDs, with wildcards; a model credited to any of them matches. Binds AuthorId from piped objects. An exact ID the catalog lacks writes AuthorNotFound.'
        InputModality  = 'Input modalities (text, image, audio, video, pdf, embedding) that must all be known to be supported.'
        OutputModality = 'Output modalities that must all be known to be supported.'
        Feature        = 'Features (tool_calls, reasoning, structured_outputs, streaming, ...) that must all be known to be supported. The C# spelling (ToolCalls) works too. Press Tab for the list.'
        WithoutFeature = 'Features that must all be known not to be supported.'
        MinContext     = 'Smallest context window in tokens.'
        MaxInputPrice  = 'Highest price per 1M input tokens (USD).'
        MaxOutputPrice = 'Highest price per 1M output tokens (USD).'
        Status         = 'Lifecycle statuses: unknown, active, beta, preview, deprecated, retired.'
        OpenWeights    = 'Only models known to have open weights; -OpenWeights:$false returns only those known not to.'
        ReleasedAfter  = 'Only models released on or after this date.'
        ReleasedBefore = 'Only models released on or before this date.'
        Search         = 'Free text: whitespace-separated words, each of which must appear (case-insensitive) in the model ID, the definition ID, the name, the description, a credited author or the family. Without -SortBy the matches are ranked: exact ID first, then ID prefix, then whole words of the name, then any ID or name match, then the other fields.'
        Family         = 'Model families (claude-sonnet, gpt, llama, ...), case-insensitive; a model of any of them matches. A model whose family is unknown never matches.'
        SortBy         = 'Sort key: Id (provider, then model ID; the default), Name, ReleaseDate, KnowledgeCutoff, Context, InputPrice, OutputPrice, Relevance (the default with -Search; best match first). Unknown values sort last.'
        Descending     = 'Sort in descending order.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Model IDs (wildcards allowed).' }
        @{ Type = 'Starmap.PowerShell.StarmapProvider'; Description = 'Providers (ProviderId) and authors (AuthorId) by property name.' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapModel'; Description = 'One object per model offering. Format-List * shows every field. Dates (ReleaseDate, KnowledgeCutoff, DeprecatedAt, RetiresAt) are [datetime] values at midnight, prices [decimal], token sizes [long]; the table sizes its columns to the IDs it shows, so an ID is never cut.' })
    Examples    = @(
        @{ Title = 'Cheapest OpenAI models with tool calls and a large context'; Code = 'Get-StarmapModel -Provider openai -Feature tool_calls -MinContext 128000 | Sort-Object InputPrice'; Remarks = 'Lists OpenAI models known to support tool calls with at least 128k tokens of context, cheapest input first.' }
        @{ Title = "Every model of a provider from the pipeline"; Code = 'Get-StarmapProvider openai, anthropic | Get-StarmapModel'; Remarks = 'Binds ProviderId of the piped providers.' }
        @{ Title = 'Wildcards and paging'; Code = "Get-StarmapModel 'gpt-4*' -SortBy Context -Descending -First 5"; Remarks = 'The five models whose ID starts with gpt-4 with the largest context windows.' }
        @{ Title = 'Free-text search'; Code = "Get-StarmapModel -Search 'llama scout' -First 5"; Remarks = 'The five best matches for models whose ID, name, description, author or family hold both words.' }
        @{ Title = 'Models released after a date'; Code = 'Get-StarmapModel -Provider openai | Where-Object ReleaseDate -gt (Get-Date 2025-06-01)'; Remarks = 'ReleaseDate is a [datetime], so the comparison is by date (-ReleasedAfter does the same in the cluster).' }
        @{ Title = 'Model IDs from the pipeline'; Code = "'gpt-4o', 'gpt-4o-mini' | Get-StarmapModel -Provider openai"; Remarks = 'Piped strings are model IDs.' }
        @{ Title = 'Open-weight image models under a price'; Code = 'Get-StarmapModel -OpenWeights -InputModality image -MaxInputPrice 0.5 | Format-List *'; Remarks = 'Shows every field of each match.' }
    )
    Links       = @('Get-StarmapProvider', 'Get-StarmapAuthor', 'Set-StarmapModel')
}
