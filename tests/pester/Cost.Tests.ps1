Describe 'Measure-StarmapCost' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        # A provider whose model has base and long-context prices, cache prices and a per-request price; one
        # model with no cache price; one whose prices apply from 1 June 2025. Written through the module's import.
        $catalog = @{
            providers = @(@{
                provider  = @{ id = 'pester-cost'; name = 'Pester Cost' }
                offerings = @(
                    @{ provider_id = 'pester-cost'; model_id = 'long-context'; name = 'Long Context'; pricing = @{
                        tokens = @{ input = 3; output = 15; cache_read = 0.3; cache_write = 3.75 }
                        operations = @{ request = 0.002 }
                        tiers = @(@{ name = 'long-context'; context_threshold = 200000; tokens = @{ input = 6; output = 22.5; cache_read = 0.6 } }) } }
                    @{ provider_id = 'pester-cost'; model_id = 'no-cache-price'; name = 'No Cache Price'; pricing = @{ tokens = @{ input = 1; output = 2 } } }
                    @{ provider_id = 'pester-cost'; model_id = 'dated'; name = 'Dated'; pricing = @{ tokens = @{ input = 2; output = 8 }; effective_from = '2025-06-01T00:00:00+00:00' } }
                )
            })
        }
        $path = Join-Path $TestDrive 'cost-catalog.json'
        $catalog | ConvertTo-Json -Depth 10 | Set-Content $path
        $null = Import-StarmapCatalog $path -Force
    }

    It 'prices the worked examples exactly, as decimals' -TestCases @(
        @{ In = 200000; Out = 0; Total = '0.6' }
        @{ In = 200001; Out = 0; Total = '1.200006' }
        @{ In = 300000; Out = 100000; Total = '4.05' }
    ) {
        param($In, $Out, $Total)
        $cost = Measure-StarmapCost pester-cost long-context -InputTokens $In -OutputTokens $Out
        $cost | Should -BeOfType ([Starmap.PowerShell.StarmapCost])
        $cost.Total | Should -BeOfType ([decimal])
        $cost.Total | Should -Be ([decimal]::Parse($Total, [cultureinfo]::InvariantCulture))
        $cost.Total.ToString([cultureinfo]::InvariantCulture) | Should -Be $Total
        $cost.Currency | Should -Be 'USD'
    }

    It 'charges every token at the tier across the context threshold, cache reads at the cache price' {
        $cost = Measure-StarmapCost pester-cost long-context -InputTokens 250000 -CacheReadTokens 50000 -OutputTokens 10000 -Requests 1
        $cost.Tier | Should -Be 'long-context'
        $cost.Lines.Component | Should -Be @('input_tokens', 'cache_read_tokens', 'output_tokens', 'requests')
        $cost.Lines.Amount | Should -Be @(1.2, 0.03, 0.225, 0.002)
        $cost.Lines[0].Per | Should -Be '1m_tokens'
        $cost.Lines[3].Per | Should -Be 'unit'
        $cost.Total | Should -Be 1.457
    }

    It 'leaves the total null and names the component whose price is unknown' {
        $cost = Measure-StarmapCost pester-cost no-cache-price -InputTokens 1000 -CacheReadTokens 400 -OutputTokens 10
        $cost.Total | Should -BeNullOrEmpty
        $cost.Unpriced | Should -Be @('cache_read_tokens')
        ($cost | Out-String) | Should -Match 'unknown'
    }

    It 'prices a CSV piped in, binding columns by name in either spelling, one object per row in order' {
        $csv = Join-Path $TestDrive 'usage.csv'
        @(
            'provider,model,input_tokens,OutputTokens,cache_read_tokens,at'
            'pester-cost,long-context,200001,,,'
            'pester-cost,long-context,300000,100000,,'
            'pester-cost,dated,1000000,500000,,2025-06-01'
            'pester-cost,dated,1000000,500000,,2025-05-31T23:59:59Z'
            'pester-cost,no-cache-price,1000,10,400,'
        ) | Set-Content $csv
        $costs = Import-Csv $csv | Measure-StarmapCost
        $costs.Count | Should -Be 5
        $costs.Row | Should -Be @(1, 2, 3, 4, 5)
        $costs[0].Total | Should -Be 1.200006
        $costs[1].Total | Should -Be 4.05
        $costs[2].Total | Should -Be 6
        $costs[3].Total | Should -BeNullOrEmpty
        $costs[3].Notes -join ' ' | Should -Match '2025-06-01'
        $costs[4].Unpriced | Should -Be @('cache_read_tokens')
        # Summed as decimals (Measure-Object would sum as doubles): exact.
        $sum = 0d
        $costs | Where-Object { $null -ne $_.Total } | ForEach-Object { $sum += $_.Total }
        $sum | Should -BeOfType ([decimal])
        $sum | Should -Be ([decimal]'11.250006')
    }

    It 'writes an error naming the row and field of a bad row and prices the rest' {
        $rows = @(
            [pscustomobject]@{ provider = 'pester-cost'; model = 'long-context'; input_tokens = '1000' }
            [pscustomobject]@{ provider = 'pester-cost'; model = 'long-context'; input_tokens = 'lots' }
            [pscustomobject]@{ provider = 'pester-cost'; model = 'long-context'; input_tokens = '-3' }
            [pscustomobject]@{ provider = 'pester-cost'; model = 'no-such-model'; input_tokens = '1' }
            [pscustomobject]@{ provider = 'pester-cost'; model = 'long-context'; input_tokens = '10'; cache_write_tokens = '20' }
            [pscustomobject]@{ model = 'long-context'; input_tokens = '1' }
            [pscustomobject]@{ provider = 'pester-cost'; model = 'long-context'; output_tokens = '1000' }
        )
        $costs = $rows | Measure-StarmapCost -ErrorVariable failures -ErrorAction SilentlyContinue
        $costs.Row | Should -Be @(1, 7)
        $costs[0].Total | Should -Be 0.003
        $costs[1].Total | Should -Be 0.015
        $failures.Count | Should -Be 5
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUsage*'
        $failures[0].Exception.Message | Should -BeLike "row 2: input_tokens 'lots' is not a whole number*"
        $failures[1].Exception.Message | Should -BeLike 'row 3: input_tokens must not be negative*'
        $failures[2].Exception.Message | Should -BeLike 'row 6: provider is missing*'
        ($failures | Where-Object { $_.FullyQualifiedErrorId -like 'ModelNotFound*' }).Exception.Message | Should -Be "row 4: model 'pester-cost/no-such-model' was not found"
        ($failures | Where-Object { $_.Exception.Message -like 'row 5:*' }).Exception.Message | Should -BeLike 'row 5: input_tokens*must include the cache read and cache write tokens*'
    }

    It 'warns once about a column that is not a usage field' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ provider = 'pester-cost'; model = 'long-context'; input_tokns = '5'; input_tokens = '1' } }
        $costs = $rows | Measure-StarmapCost -WarningVariable warned -WarningAction SilentlyContinue
        $costs.Count | Should -Be 3
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeLike "column 'input_tokns' is not a usage field*"
    }

    It 'takes -At for rows without a time, and writes ProviderNotFound for an unknown provider' {
        (Measure-StarmapCost pester-cost dated -InputTokens 1000000 -At ([datetimeoffset]'2025-05-01T00:00:00Z')).Total | Should -BeNullOrEmpty
        ([pscustomobject]@{ provider = 'pester-cost'; model = 'dated'; input_tokens = 1000000 } | Measure-StarmapCost -At '2025-07-01').Total | Should -Be 2
        Measure-StarmapCost no-such-lab m -InputTokens 1 -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
    }

    It 'prices -At a time before a price change with the old prices and after it with the new ones' {
        function Import-Priced([decimal]$In, [decimal]$Out) {
            $file = Join-Path $TestDrive "cost-history-$In.json"
            @{ providers = @(@{
                provider  = @{ id = 'pester-cost-history'; name = 'Pester Cost History' }
                offerings = @(@{ provider_id = 'pester-cost-history'; model_id = 'm'; name = 'M'; pricing = @{ tokens = @{ input = $In; output = $Out } } })
            }) } | ConvertTo-Json -Depth 10 | Set-Content $file
            $null = Import-StarmapCatalog $file -Force
        }
        Import-Priced 1 2
        $cheap = Get-StarmapChange -Provider pester-cost-history -Model m | Sort-Object Generation | Select-Object -Last 1
        Import-Priced 7 9
        $dear = Get-StarmapChange -Provider pester-cost-history -Model m | Sort-Object Generation | Select-Object -Last 1
        $dear.Generation | Should -BeGreaterThan $cheap.Generation

        (Measure-StarmapCost pester-cost-history m -InputTokens 1000000 -OutputTokens 1000000 -At $cheap.At).Total | Should -Be 3
        (Measure-StarmapCost pester-cost-history m -InputTokens 1000000 -OutputTokens 1000000 -At $dear.At).Total | Should -Be 16
        (Measure-StarmapCost pester-cost-history m -InputTokens 1000000 -OutputTokens 1000000).Total | Should -Be 16
        Measure-StarmapCost pester-cost-history m -InputTokens 1 -At '2001-01-01' -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'HistoryOutOfRange*'
        $gone[0].Exception.Message | Should -BeLike '*the catalog can be read at generations*states no effective date*'
    }

    It 'shows row, provider, model, total, currency and tier in its table view' {
        $row = (Measure-StarmapCost pester-cost long-context -InputTokens 200001 | Out-String -Width 200) -split "`n" | Where-Object { $_ -match 'pester-cost' }
        ($row -split '\s+' | Where-Object { $_ }) | Should -Be @('1', 'pester-cost', 'long-context', '1.200006', 'USD', 'long-context')
    }
}
