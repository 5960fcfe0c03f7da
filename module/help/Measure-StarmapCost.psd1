@{
    Synopsis    = 'Measures the cost of calls from the catalog''s prices: one exact cost per usage row.'
    Description = @'
Measure-StarmapCost prices calls with the catalog's prices, by the same rules as POST /api/v1/cost and catalog.Prices.CalculateAsync in .NET: a context tier applies when a call's input tokens are strictly above its threshold, and then to every token of the call; cache read and write tokens are part of the input tokens and are charged at their cache prices; reasoning tokens are part of the output tokens, priced apart only where the offering has a reasoning price; requests, images and searches are charged per unit; and the prices are those in force at the row's time (its 'at', or -At, or now) by their effective dates.

Pipe usage rows, such as Import-Csv of a usage log: each row's properties are read by name, without regard to case, '_' or '-': provider (or provider_id), model (or model_id), at, and the counts input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, requests, input_images, input_audio, input_video, generated_images, generated_audio, generated_video, web_searches, function_calls, tool_uses (InputTokens and so on work as well). An empty cell is absent (0). A column that is none of these is not priced, and a warning names it once. Or give one call with -Provider, -Model and the count parameters.

It writes one StarmapCost per row, in the order of the rows: Row (the row's position, from 1), Provider, Model, Total (an exact decimal), Currency, Tier, Lines (one StarmapCostLine per priced component: Component, Quantity, UnitPrice, Per, Amount, Tier), Unpriced, Notes, Generation and At. When the usage needs a price the catalog does not know, Total is $null, never 0, and Unpriced names the components. Rows are priced in batches of up to 1000.

A row that cannot be read (a count that is negative or not a whole number, a missing provider or model, cache tokens beyond the input) writes an InvalidUsage error naming the row and the field; an unknown provider or model writes ProviderNotFound or ModelNotFound naming the row. The other rows are priced all the same.
'@
    Parameters  = @{
        InputObject      = 'Usage rows (CSV rows or any objects), read by property name: provider, model, at and the usage counts.'
        Provider         = 'Provider ID of the call (without piped rows).'
        Model            = 'The provider''s model ID of the call (without piped rows).'
        InputTokens      = 'Every input token of the call, cache reads and writes included.'
        OutputTokens     = 'Every output token of the call, reasoning tokens included.'
        CacheReadTokens  = 'Input tokens read from the provider''s cache (part of -InputTokens), charged at the cache read price.'
        CacheWriteTokens = 'Input tokens written to the provider''s cache (part of -InputTokens), charged at the cache write price.'
        ReasoningTokens  = 'Output tokens spent reasoning (part of -OutputTokens), charged at a reasoning price where the offering has one.'
        Requests         = 'Requests, for a per-request price.'
        InputImages      = 'Input images, for a per-image price.'
        GeneratedImages  = 'Generated images, for a per-image price.'
        WebSearches      = 'Web searches, for a per-search price.'
        At               = 'The time whose prices apply (by the prices'' effective dates), for rows without an at column; default now.'
    }
    Inputs      = @(
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'Usage rows, read by property name.' }
    )
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapCost'; Description = 'The cost of each row, with its lines.' })
    Examples    = @(
        @{ Title = 'One call'; Code = 'Measure-StarmapCost anthropic claude-sonnet-4-5 -InputTokens 250000 -CacheReadTokens 50000 -OutputTokens 10000'; Remarks = 'Above a 200k context tier every token is charged at the tier''s prices; the cache reads at the cache price.' }
        @{ Title = 'A usage log'; Code = '$sum = 0d; Import-Csv usage.csv | Measure-StarmapCost | ForEach-Object { $sum += $_.Total }; $sum'; Remarks = 'usage.csv has the columns provider, model, input_tokens, output_tokens (and any other usage columns). The sum is an exact decimal (Measure-Object -Sum would add doubles). Rows with an unknown price have a null Total; find them with Where-Object { $null -eq $_.Total }.' }
        @{ Title = 'What each component cost'; Code = '(Measure-StarmapCost openai gpt-4o -InputTokens 1000 -OutputTokens 200).Lines'; Remarks = 'One line per component: quantity, unit price (per 1m_tokens or per unit) and the exact amount.' }
        @{ Title = 'At an earlier price'; Code = 'Import-Csv june.csv | Measure-StarmapCost -At (Get-StarmapChange -First 1).At'; Remarks = 'Prices the rows without an at column as the catalog held them at that time (here the change log''s first change; any time the log covers works, such as 2025-06-01 on a silo that has kept its log since). Before the log begins only a price with a stated effective date answers; other rows are HistoryOutOfRange errors naming the readable range.' }
    )
    Links       = @('Get-StarmapModel', 'Get-StarmapModelEndpoint')
}
