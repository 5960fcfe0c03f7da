# What PowerShell users expect of a module (issue 14): tables that fit the window, typed values,
# completion of model IDs, complete verbs and parameter names that match the output properties.
Describe 'Tables fit the window' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $PSStyle.OutputRendering = 'PlainText'
        $script:models = Get-StarmapModel
    }

    It 'Get-StarmapModel at 120 columns shows the longest model ID and provider ID of the catalog whole' {
        $longest = ($models | Sort-Object { $_.ModelId.Length } -Descending | Select-Object -First 1)
        $longest.ModelId.Length | Should -BeGreaterThan 40
        $lines = ($models | Out-String -Width 120) -split "`r?`n"
        $row = $lines | Where-Object { $_.StartsWith($longest.ProviderId + ' ') -and $_.Contains(' ' + $longest.ModelId + ' ') }
        $row | Should -Not -BeNullOrEmpty -Because "the row of $longest shows its whole ID"
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
    }

    It 'a provider''s models fit without cutting any ID' {
        $openai = Get-StarmapModel -Provider openai
        $text = $openai | Out-String -Width 120
        foreach ($m in $openai) { $text | Should -Match ([regex]::Escape(" $($m.ModelId) ")) }
    }

    It 'providers and authors show their longest IDs and names whole at 120 columns' {
        $providers = Get-StarmapProvider
        $text = $providers | Out-String -Width 120
        $id = ($providers | Sort-Object { $_.ProviderId.Length } -Descending | Select-Object -First 1).ProviderId
        $text | Should -Match "(?m)^$([regex]::Escape($id)) "
        $authors = Get-StarmapAuthor
        $text = $authors | Out-String -Width 120
        foreach ($a in $authors) { $text | Should -Match "(?m)^$([regex]::Escape($a.AuthorId)) +$([regex]::Escape($a.Name)) " }
    }
}

Describe 'Values have real types' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        if (-not $env:STARMAP_HTTP) { throw 'STARMAP_HTTP must be set; run tests/pester/run.sh' }
        # Every model as the HTTP API serves it, read independently of the module.
        $script:served = [System.Collections.Generic.List[object]]::new()
        for ($offset = 0; ; $offset += 1000) {
            $page = Invoke-RestMethod "$env:STARMAP_HTTP/api/v1/models?limit=1000&offset=$offset"
            $page.items | ForEach-Object { $served.Add($_) }
            if ($page.items.Count -lt 1000) { break }
        }
    }

    It 'Where-Object ReleaseDate -gt (Get-Date 2025-06-01) gives as many models as the API''s dates after that day' {
        # The served release date: the linked definition's, else the offering's own.
        $expected = @($served | Where-Object {
                $date = $_.definition.metadata.release_date ?? $_.offering.metadata.release_date
                $date -and [string]::CompareOrdinal([string]$date, '2025-06-01') -gt 0
            }).Count
        $expected | Should -BeGreaterThan 0
        $got = @(Get-StarmapModel | Where-Object ReleaseDate -gt (Get-Date 2025-06-01)).Count
        $got | Should -Be $expected
        $got | Should -BeLessThan $served.Count
    }

    It 'dates are [datetime], prices [decimal], sizes [long]' {
        $m = Get-StarmapModel gpt-4o -Provider openai
        $m.ReleaseDate | Should -BeOfType [datetime]
        $m.ReleaseDate | Should -Be ([datetime]'2024-05-13')
        $m.KnowledgeCutoff | Should -BeOfType [datetime]
        $m.InputPrice | Should -BeOfType [decimal]
        $m.ContextWindow | Should -BeOfType [long]
        (Get-StarmapModel -Provider openai -SortBy ReleaseDate | Where-Object ReleaseDate | Select-Object -Last 1).ReleaseDate |
            Should -Be ((Get-StarmapModel -Provider openai).ReleaseDate | Sort-Object | Select-Object -Last 1)
    }
}

Describe 'Tab completion of model IDs' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        function Complete([string] $line) { @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) }
        function Ids($models) { @($models.ModelId | Sort-Object -Unique -CaseSensitive) }
    }

    It 'completes the model IDs of the given provider only' {
        $expected = Ids (Get-StarmapModel -Provider openai -Id 'gpt-4o-m*')
        $expected | Should -Contain 'gpt-4o-mini'
        Complete 'Get-StarmapModel -Provider openai -Id gpt-4o-m' | Should -Be $expected
        # Without -Provider every provider's IDs with the prefix are offered.
        $everywhere = Complete 'Get-StarmapModel -Id gpt-4o-m'
        $everywhere | Should -Be (Ids (Get-StarmapModel -Id 'gpt-4o-m*') | Select-Object -First 200)
        $everywhere.Count | Should -BeGreaterOrEqual $expected.Count
    }

    It 'a word with wildcards completes to the IDs it matches' {
        Complete 'Get-StarmapModel -Provider openai gpt-*mini' | Should -Be (Ids (Get-StarmapModel -Provider openai 'gpt-*mini'))
        Complete 'Get-StarmapModel -Provider open* -Id gpt-4o-m' | Should -Be (Ids (Get-StarmapModel -Provider 'open*' -Id 'gpt-4o-m*'))
    }

    It 'completes model IDs on every cmdlet that takes one, with the provider given by position' {
        $openai = Ids (Get-StarmapModel -Provider openai -Id 'gpt-5-n*')
        $openai | Should -Not -BeNullOrEmpty
        Complete 'Set-StarmapModel openai gpt-5-n' | Should -Be $openai
        Complete 'Remove-StarmapModel openai gpt-5-n' | Should -Be $openai
        Complete 'Get-StarmapPriceHistory openai gpt-5-n' | Should -Be $openai
        Complete 'Measure-StarmapCost -Provider openai -Model gpt-5-n' | Should -Be $openai
        Complete 'Get-StarmapQuarantine -Provider openai -Model gpt-5-n' | Should -Be $openai
        Complete 'Get-StarmapChange -Provider openai -Model gpt-5-n' | Should -Be $openai
    }

    It 'Get-StarmapModelEndpoint also completes definition IDs' {
        $definition = (Get-StarmapModel gpt-4o -Provider openai).DefinitionId
        $definition | Should -Not -BeNullOrEmpty
        Complete "Get-StarmapModelEndpoint $($definition.Substring(0, $definition.Length - 1))" | Should -Contain $definition
    }
}

Describe 'Remove-StarmapProvider and Remove-StarmapAuthor' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:definition = (Get-StarmapModel gpt-4o -Provider openai).DefinitionId
        $null = New-StarmapAuthor pester-rm-author -Name 'Pester Remove'
        $null = New-StarmapProvider pester-rm-a -Name 'Pester Remove A'
        $null = New-StarmapProvider pester-rm-b -Name 'Pester Remove B'
        $null = New-StarmapModel pester-rm-a linked -DefinitionId $definition -ContextWindow 1000
        $null = New-StarmapModel pester-rm-a credited -Authors pester-rm-author -ContextWindow 1000
        $null = New-StarmapModel pester-rm-b linked -DefinitionId $definition -ContextWindow 1000
        $null = New-StarmapModel pester-rm-b credited -Authors pester-rm-author -ContextWindow 1000
    }

    It 'both are ConfirmImpact High' {
        foreach ($name in 'Remove-StarmapProvider', 'Remove-StarmapAuthor') {
            $cmdlet = (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $cmdlet.SupportsShouldProcess | Should -BeTrue
            $cmdlet.ConfirmImpact | Should -Be 'High'
        }
    }

    It '-WhatIf removes nothing' {
        Remove-StarmapProvider pester-rm-a -WhatIf
        (Get-StarmapModel -Provider pester-rm-a).Count | Should -Be 2
    }

    It 'removes the provider with its models and nothing else: the definition, the author and other providers stay' {
        $endpoints = @(Get-StarmapModelEndpoint $definition).Count
        $authors = @(Get-StarmapAuthor).Count
        $removed = Remove-StarmapProvider pester-rm-a -Confirm:$false -PassThru
        $removed.ProviderId | Should -Be 'pester-rm-a'
        $removed.Models | Should -Be 2
        Get-StarmapProvider pester-rm-a -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-StarmapModel -Provider 'pester-rm-a*' | Should -BeNullOrEmpty
        (Get-StarmapModel -Provider pester-rm-b).ModelId | Should -Be @('credited', 'linked')
        @(Get-StarmapModelEndpoint $definition).Count | Should -Be ($endpoints - 1)
        @(Get-StarmapAuthor).Count | Should -Be $authors
        (Get-StarmapModel gpt-4o -Provider openai).DefinitionId | Should -Be $definition
    }

    It 'a provider that does not exist is ProviderNotFound' {
        Remove-StarmapProvider pester-rm-nope -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound,*'
    }

    It 'a piped provider changed since it was read is VersionConflict and stays; -Force removes it' {
        $null = New-StarmapProvider pester-rm-stale -Name 'Stale'
        $read = Get-StarmapProvider pester-rm-stale
        Set-StarmapProvider pester-rm-stale -Name 'Changed'
        $read | Remove-StarmapProvider -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'VersionConflict,*'
        (Get-StarmapProvider pester-rm-stale).Name | Should -Be 'Changed'
        $read | Remove-StarmapProvider -Confirm:$false -Force
        Get-StarmapProvider pester-rm-stale -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'an author models still credit is AuthorInUse, and nothing is removed' {
        Remove-StarmapAuthor pester-rm-author -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'AuthorInUse,*'
        $e[0].Exception.Message | Should -Match '1 models'
        Get-StarmapAuthor pester-rm-author | Should -Not -BeNullOrEmpty
    }

    It '-Force removes the author and leaves the models that credit it as they are' {
        Remove-StarmapAuthor pester-rm-author -Confirm:$false -Force
        Get-StarmapAuthor pester-rm-author -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-StarmapModel credited -Provider pester-rm-b).Authors | Should -Be @('pester-rm-author')
    }

    It 'removes an author nothing refers to, piped, with -PassThru' {
        $null = New-StarmapAuthor pester-rm-free -Name 'Free'
        (Get-StarmapAuthor pester-rm-free | Remove-StarmapAuthor -Confirm:$false -PassThru).AuthorId | Should -Be 'pester-rm-free'
        Get-StarmapAuthor pester-rm-free -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Parameters match the output properties' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'New- and Set-StarmapProvider take -Aliases, -KeyVariables and -Authors, and the old singular names still work' {
        $p = New-StarmapProvider pester-names -Aliases pn-one -KeyVariables PN_KEY -Authors meta -PassThru
        $p.Aliases | Should -Be @('pn-one')
        $p.KeyVariables | Should -Be @('PN_KEY')
        $p.Authors | Should -Be @('meta')
        $p = Set-StarmapProvider pester-names -Alias pn-two -KeyVariable PN_KEY2 -Author mistral -PassThru
        $p.Aliases | Should -Be @('pn-two')
        $p.KeyVariables | Should -Be @('PN_KEY2')
        $p.Authors | Should -Be @('mistral')
        (Set-StarmapAuthor meta -Aliases meta-llama -WhatIf) | Should -BeNullOrEmpty
    }

    It 'a provider''s own properties bind by name into New-StarmapProvider' {
        # An alias answers for one provider only: the copy takes the original's, edited.
        Get-StarmapProvider pester-names | Select-Object @{ n = 'ProviderId'; e = { 'pester-names-copy' } }, Name, @{ n = 'Aliases'; e = { $_.Aliases | ForEach-Object { "$_-copy" } } }, KeyVariables, Authors | New-StarmapProvider
        $copy = Get-StarmapProvider pester-names-copy
        $copy.KeyVariables | Should -Be @('PN_KEY2')
        $copy.Aliases | Should -Be @('pn-two-copy')
        New-StarmapProvider pester-names-twin -Aliases pn-two -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Invalid*'
        $e[0].Exception.Message | Should -Match "is an alias of provider 'pester-names'"
        Get-StarmapProvider pester-names-twin -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It '-Name takes several patterns, like -Id' {
        (Get-StarmapProvider -Name 'OpenAI', 'Groq').ProviderId | Should -Be @('groq', 'openai')
        @(Get-StarmapAuthor -Name 'Meta*', 'Mistral*').Count | Should -Be 2
        $names = Get-StarmapModel -Provider openai -Name 'GPT-4o', 'GPT-4o mini'
        $names.Name | Sort-Object | Should -Be @('GPT-4o', 'GPT-4o mini')
    }

    It 'Get-StarmapModel takes model IDs by value; piped providers still narrow by ProviderId' {
        ('gpt-4o', 'gpt-4o-mini' | Get-StarmapModel -Provider openai).ModelId | Should -Be @('gpt-4o', 'gpt-4o-mini')
        @(Get-StarmapProvider openai | Get-StarmapModel).Count | Should -Be @(Get-StarmapModel -Provider openai).Count
        $m = Get-StarmapModel gpt-4o -Provider openai
        ($m | Get-StarmapModel).ToString() | Should -Be 'openai/gpt-4o'
    }

    It '-LiteralPath writes and reads a file whose name has wildcard characters; -Path expands a pattern that names one file' {
        $dir = Join-Path ([IO.Path]::GetTempPath()) "starmap-literal-$([guid]::NewGuid())"
        $null = New-Item -ItemType Directory $dir
        try {
            $file = Export-StarmapCatalog -LiteralPath (Join-Path $dir 'cat[1].json') -Format OpenAI -PassThru
            (Get-ChildItem -LiteralPath $dir).Name | Should -Be @('cat[1].json')
            $file.FullName | Should -Be (Join-Path $dir 'cat[1].json')
            $null = Export-StarmapCatalog -Path (Join-Path $dir 'cat?1?.json') -Format OpenAI -Force
            (Get-ChildItem -LiteralPath $dir).Name | Should -Be @('cat[1].json')
            Export-StarmapCatalog -Path (Join-Path $dir '*.json') -Format OpenAI -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
            $null = New-Item -ItemType File (Join-Path $dir 'other.json')
            Export-StarmapCatalog -Path (Join-Path $dir '*.json') -Format OpenAI -Force -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPath,*'
            $e[0].Exception.Message | Should -Match 'matches 2 items'
            # Import reads the very file -LiteralPath names (an empty file is refused, naming it).
            [IO.File]::Create((Join-Path $dir 'empty[1].json')).Dispose()
            $empty = Get-Item -LiteralPath (Join-Path $dir 'empty[1].json')
            $empty.Name | Should -Be 'empty[1].json'
            Import-StarmapCatalog -LiteralPath $empty.FullName -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'NotACatalogFile,*'
            $e[0].TargetObject | Should -Be $empty.FullName
        }
        finally { Remove-Item -LiteralPath $dir -Recurse -Force }
    }
}
