Describe 'Get-StarmapModel' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'filters by provider' {
        $models = Get-StarmapModel -Provider openai
        $models.Count | Should -BeGreaterThan 5
        $models.ProviderId | Sort-Object -Unique | Should -Be 'openai'
    }

    It 'filters by feature and minimum context together' {
        $models = Get-StarmapModel -Provider openai -Feature tool_calls -MinContext 128000
        $models | Should -Not -BeNullOrEmpty
        foreach ($m in $models) {
            $m.Features | Should -Contain 'tool_calls'
            $m.ContextWindow | Should -BeGreaterOrEqual 128000
        }
        (Get-StarmapModel -Provider openai).Count | Should -BeGreaterThan $models.Count
    }

    It 'accepts the C# spelling of a feature too' {
        (Get-StarmapModel -Provider openai -Feature ToolCalls).Count | Should -Be (Get-StarmapModel -Provider openai -Feature tool_calls).Count
    }

    It 'matches IDs with wildcards' {
        $models = Get-StarmapModel 'gpt-4*' -Provider openai
        $models | Should -Not -BeNullOrEmpty
        $models.ModelId | ForEach-Object { $_ | Should -BeLike 'gpt-4*' }
    }

    It 'matches names with wildcards' {
        $models = Get-StarmapModel -Name '*mini*'
        $models | Should -Not -BeNullOrEmpty
        $models.Name | ForEach-Object { $_ | Should -BeLike '*mini*' }
    }

    It 'takes providers from the pipeline (Get-StarmapProvider openai | Get-StarmapModel)' {
        $piped = Get-StarmapProvider openai | Get-StarmapModel
        $piped.Count | Should -Be (Get-StarmapModel -Provider openai).Count
        $both = Get-StarmapProvider openai, anthropic | Get-StarmapModel
        $both.ProviderId | Sort-Object -Unique | Should -Be @('anthropic', 'openai')
    }

    It 'takes authors from the pipeline' {
        $models = Get-StarmapAuthor anthropic | Get-StarmapModel
        $models | Should -Not -BeNullOrEmpty
        $models | ForEach-Object { $_.Authors | Should -Contain 'anthropic' }
    }

    It 'pages with -First and -Skip' {
        $all = Get-StarmapModel -Provider openai
        $page = Get-StarmapModel -Provider openai -Skip 2 -First 3
        $page.Count | Should -Be 3
        $page.ModelId | Should -Be $all[2..4].ModelId
    }

    It 'reports the total with -IncludeTotalCount' {
        $out = Get-StarmapModel -Provider openai -First 1 -IncludeTotalCount
        $out[0].ToString() | Should -BeLike "Total count: $((Get-StarmapModel -Provider openai).Count)*"
    }

    It 'bounds prices, and a bound never matches an unknown price' {
        $cheap = Get-StarmapModel -MaxInputPrice 1
        $cheap | Should -Not -BeNullOrEmpty
        $cheap | ForEach-Object { $_.InputPrice | Should -Not -BeNullOrEmpty; $_.InputPrice | Should -BeLessOrEqual 1 }
    }

    It 'filters by status, modality, open weights and release date' {
        Get-StarmapModel -Status retired | ForEach-Object { $_.Status | Should -Be 'retired' }
        Get-StarmapModel -InputModality image | ForEach-Object { $_.InputModalities | Should -Contain 'image' }
        Get-StarmapModel -OpenWeights | ForEach-Object { $_.OpenWeights | Should -BeTrue }
        Get-StarmapModel -OpenWeights:$false | ForEach-Object { $_.OpenWeights | Should -BeFalse }
        Get-StarmapModel -ReleasedAfter 2025-01-01 | ForEach-Object { [datetime]$_.ReleaseDate | Should -BeGreaterOrEqual ([datetime]'2025-01-01') }
    }

    It 'sorts by input price' {
        $sorted = Get-StarmapModel -Provider openai -SortBy InputPrice -MaxInputPrice 100
        $prices = $sorted.InputPrice
        $prices | Should -Be ($prices | Sort-Object)
    }

    It 'writes InvalidFilter for an unknown feature' {
        { Get-StarmapModel -Feature no_such_feature -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFilter,*'
    }

    It 'writes ModelNotFound for an exact ID that does not exist' {
        Get-StarmapModel 'no-such-model' -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotFound*'
    }

    It 'objects round-trip through ConvertTo-Json' {
        $m = Get-StarmapModel -Provider openai -First 1
        $back = $m | ConvertTo-Json -Depth 4 | ConvertFrom-Json
        foreach ($p in 'ProviderId', 'ModelId', 'Name', 'ContextWindow', 'InputPrice', 'OutputPrice', 'Status', 'ReleaseDate') {
            "$($back.$p)" | Should -Be "$($m.$p)" -Because "property $p"
        }
        $back.Features | Should -Be $m.Features
    }

    It 'shows the model table view: Provider, Id, Context, In $/1M, Out $/1M, Status' {
        $text = Get-StarmapModel -Provider openai -First 2 | Out-String -Width 200
        $header = ($text -split "`n" | Where-Object { $_ -match '\S' })[0]
        $header | Should -Match 'Provider\s+Id\s+Context\s+In \$/1M\s+Out \$/1M\s+Status'
    }
}

Describe 'Get-StarmapProvider' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'lists every provider with its model count' {
        $providers = Get-StarmapProvider
        $providers.ProviderId | Should -Contain 'openai'
        ($providers | Where-Object ProviderId -eq 'openai').Models | Should -Be (Get-StarmapModel -Provider openai).Count
    }

    It 'matches IDs and names with wildcards' {
        $open = @((Get-StarmapProvider).ProviderId | Where-Object { $_ -like 'open*' })
        $open | Should -Contain 'openai'
        $open | Should -Contain 'openrouter'
        (Get-StarmapProvider 'open*').ProviderId | Should -Be $open
        (Get-StarmapProvider -Name 'Open*').ProviderId | Should -Contain 'openai'
    }

    It 'writes ProviderNotFound for an exact ID that does not exist' {
        Get-StarmapProvider 'no-such-provider' -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows whether the key is set in this session, and never the key itself' {
        $fake = 'sk-pester-' + [guid]::NewGuid().ToString('n')
        $env:OPENAI_API_KEY = $fake
        try {
            $p = Get-StarmapProvider openai
            $p.KeyConfigured | Should -BeTrue
            $p.KeyVariables | Should -Contain 'OPENAI_API_KEY'
            $outputs = @(
                ($p | Out-String), ($p | Format-List * | Out-String), ($p | ConvertTo-Json -Depth 5),
                (Get-StarmapProvider | Out-String), (Get-StarmapProvider | ConvertTo-Json -Depth 5),
                (Get-StarmapModel -Provider openai | ConvertTo-Json -Depth 5), (Get-StarmapConnection | ConvertTo-Json -Depth 5)
            )
            foreach ($text in $outputs) { $text | Should -Not -Match ([regex]::Escape($fake)) }
        }
        finally {
            Remove-Item Env:OPENAI_API_KEY
        }
        (Get-StarmapProvider openai).KeyConfigured | Should -BeFalse
    }

    It 'shows the provider table view: Id, Name, Models, KeyConfigured' {
        $text = Get-StarmapProvider openai | Out-String -Width 200
        $text | Should -Match 'Id\s+Name\s+Models\s+KeyConfigured'
    }

    It 'objects round-trip through ConvertTo-Json' {
        $p = Get-StarmapProvider openai
        $back = $p | ConvertTo-Json | ConvertFrom-Json
        $back.ProviderId | Should -Be 'openai'
        $back.Models | Should -Be $p.Models
        $back.KeyVariables | Should -Be $p.KeyVariables
    }
}

Describe 'Get-StarmapModel -Search' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'ranks an exact ID first and keeps only models holding every word' {
        $found = Get-StarmapModel -Search 'GPT-4O'
        $found | Should -Not -BeNullOrEmpty
        $found[0].ModelId | Should -BeIn @('gpt-4o', 'openai/gpt-4o')
        foreach ($m in $found) {
            (($m | ConvertTo-Json -Depth 3) -match 'gpt-4o') | Should -BeTrue
        }
    }

    It 'ANDs the words: a second word narrows' {
        $wide = Get-StarmapModel -Search 'gpt'
        $narrow = Get-StarmapModel -Search 'gpt mini'
        $narrow | Should -Not -BeNullOrEmpty
        $narrow.Count | Should -BeLessThan $wide.Count
        $narrow | ForEach-Object { (($_ | ConvertTo-Json -Depth 3) -match 'mini') | Should -BeTrue }
        Get-StarmapModel -Search 'gpt nosuchwordanywhere' | Should -BeNullOrEmpty
    }

    It 'sorts the matches by -SortBy instead of relevance when given' {
        $sorted = Get-StarmapModel -Search 'gpt-4o' -SortBy Id
        [string[]]$keys = $sorted | ForEach-Object { "$($_.ProviderId)`t$($_.ModelId)" }
        $ordinal = [string[]]$keys.Clone()
        [Array]::Sort($ordinal, [StringComparer]::Ordinal)   # the service orders IDs ordinally
        $keys | Should -Be $ordinal
        ($sorted.ModelId | Sort-Object) | Should -Be ((Get-StarmapModel -Search 'gpt-4o').ModelId | Sort-Object)
    }

    It 'combines with the other filters and shows the facts it searched' {
        $found = Get-StarmapModel -Search 'gpt-4o' -Provider openai
        $found.ProviderId | Sort-Object -Unique | Should -Be 'openai'
        $found[0].PSObject.Properties.Name | Should -Contain 'Description'
        $found[0].PSObject.Properties.Name | Should -Contain 'Family'
    }
}

Describe 'Get-StarmapAuthor and Get-StarmapEndpoint' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'lists authors with counts' {
        $a = Get-StarmapAuthor anthropic
        $a.Name | Should -Be 'Anthropic'
        $a.Definitions | Should -BeGreaterThan 0
        (Get-StarmapAuthor 'goo*').AuthorId | Should -Contain 'google'
    }

    It 'writes AuthorNotFound for an exact ID that does not exist' {
        Get-StarmapAuthor 'no-such-author' -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'AuthorNotFound*'
    }

    It 'lists endpoints by provider and wildcard' {
        $e = Get-StarmapEndpoint -Provider openai
        $e | Should -Not -BeNullOrEmpty
        $e.ProviderId | Sort-Object -Unique | Should -Be 'openai'
        (Get-StarmapEndpoint '*/chat-completions').Operation | Sort-Object -Unique | Should -Be 'chat-completions'
        (Get-StarmapProvider anthropic | Get-StarmapEndpoint).ProviderId | Sort-Object -Unique | Should -Be 'anthropic'
    }
}
