Describe 'Export-StarmapCatalog and Import-StarmapCatalog' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-files -Name 'Pester Files'
        $null = New-StarmapModel pester-files no-price -ContextWindow 1000
    }

    It 'exports the whole catalog as JSON' {
        $file = Export-StarmapCatalog (Join-Path $TestDrive 'catalog.json') -Format Json -PassThru
        $file | Should -BeOfType ([System.IO.FileInfo])
        $json = Get-Content $file -Raw | ConvertFrom-Json
        $json.providers.provider.id | Should -Contain 'pester-files'
        $json.providers.Count | Should -Be (Get-StarmapProvider).Count
    }

    It 'an import of an export older than the catalog names each provider changed since, before it asks' {
        $path = Join-Path $TestDrive 'older.json'
        Export-StarmapCatalog $path -Format Json
        $null = Set-StarmapModel pester-files no-price -ContextWindow 2000
        $null = Import-StarmapCatalog $path -WhatIf -WarningVariable w -WarningAction SilentlyContinue
        $newer = @($w | Where-Object { "$_" -match 'in the catalog and \d+ in this file' })
        $newer.Count | Should -Be 1
        "$($newer[0])" | Should -Match "provider 'pester-files' is at version \d+ in the catalog"
        (Get-StarmapModel no-price -Provider pester-files).ContextWindow | Should -Be 2000
        $null = Set-StarmapModel pester-files no-price -ContextWindow 1000
    }

    It 'keeps an existing file unless -Force is given' {
        $path = Join-Path $TestDrive 'exists.json'
        Set-Content $path 'keep me'
        Export-StarmapCatalog $path -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'FileExists*'
        Get-Content $path | Should -Be 'keep me'
        Export-StarmapCatalog $path -Force
        (Get-Content $path -Raw | ConvertFrom-Json).providers | Should -Not -BeNullOrEmpty
    }

    It '-WhatIf writes no file' {
        $path = Join-Path $TestDrive 'whatif.json'
        Export-StarmapCatalog $path -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'exports the OpenAI list shape with every model' {
        $path = Join-Path $TestDrive 'openai.json'
        Export-StarmapCatalog $path -Format OpenAI
        $list = Get-Content $path -Raw | ConvertFrom-Json
        $list.object | Should -Be 'list'
        $list.data.Count | Should -Be (Get-StarmapModel).Count
    }

    It 'exports the OpenRouter shape and leaves unknown prices out instead of writing 0' {
        $path = Join-Path $TestDrive 'openrouter.json'
        Export-StarmapCatalog $path -Format OpenRouter
        $entry = (Get-Content $path -Raw | ConvertFrom-Json).data | Where-Object { $_.id -like '*no-price*' }
        $entry | Should -Not -BeNullOrEmpty
        $entry.pricing.prompt | Should -BeNullOrEmpty
    }

    It 'exports a models.dev api.json with every provider and model, exact prices and unknowns left out' {
        $null = New-StarmapProvider pester-modelsdev -Name 'Pester models.dev'
        $null = New-StarmapModel pester-modelsdev md-priced -InputPrice 0.075 -OutputPrice 0.3 -ContextWindow 128000
        $null = New-StarmapModel pester-modelsdev md-unknown
        $path = Join-Path $TestDrive 'api.json'
        Export-StarmapCatalog $path -Format ModelsDev
        $text = Get-Content $path -Raw
        $api = $text | ConvertFrom-Json -AsHashtable
        $api.Keys.Count | Should -Be @(Get-StarmapProvider).Count
        ($api.Values | ForEach-Object { $_.models.Count } | Measure-Object -Sum).Sum | Should -Be @(Get-StarmapModel).Count
        $priced = $api['pester-modelsdev'].models['md-priced']
        $priced.id | Should -Be 'md-priced'
        $priced.limit.context | Should -Be 128000
        # USD per 1M tokens, written as the exact decimals held.
        $text | Should -Match '"input": 0\.075,'
        $text | Should -Match '"output": 0\.3\b'
        # Nothing known, nothing written: no cost, no limit, no flags (never 0 or false).
        $unknown = $api['pester-modelsdev'].models['md-unknown']
        $unknown.id | Should -Be 'md-unknown'
        foreach ($member in 'cost', 'limit', 'attachment', 'reasoning', 'tool_call', 'temperature', 'open_weights', 'release_date') {
            $unknown.Keys | Should -Not -Contain $member
        }
    }

    It 'exports the Starmap folder layout' {
        $folder = Join-Path $TestDrive 'starmap'
        Export-StarmapCatalog $folder -Format StarmapYaml
        Test-Path (Join-Path $folder 'providers.yaml') | Should -BeTrue
        Test-Path (Join-Path $folder 'authors.yaml') | Should -BeTrue
    }

    It 'Import -WhatIf reports the change and writes nothing; without it the change is applied' {
        $path = Join-Path $TestDrive 'edit.json'
        Export-StarmapCatalog $path -Format Json
        (Get-Content $path -Raw).Replace('"name": "Pester Files"', '"name": "Pester Files Renamed"') | Set-Content $path
        $dry = Import-StarmapCatalog $path -WhatIf
        $dry.DryRun | Should -BeTrue
        $dry.Providers | Should -Be @('pester-files')
        ($dry.Changes | Where-Object Path -eq 'name').New | Should -Be '"Pester Files Renamed"'
        (Get-StarmapProvider pester-files).Name | Should -Be 'Pester Files'

        $applied = Import-StarmapCatalog $path -Force
        $applied.DryRun | Should -BeFalse
        (Get-StarmapProvider pester-files).Name | Should -Be 'Pester Files Renamed'
    }

    It 'reads a Starmap folder back (dry run)' {
        $folder = Join-Path $TestDrive 'roundtrip'
        Export-StarmapCatalog $folder -Format StarmapYaml
        $r = Import-StarmapCatalog $folder -WhatIf -WarningAction SilentlyContinue
        $r.DryRun | Should -BeTrue
        $r.ProvidersRead | Should -Be (Get-StarmapProvider).Count
    }

    It 'refuses a malformed file with InvalidCatalog and imports nothing' {
        $path = Join-Path $TestDrive 'bad.json'
        Set-Content $path '{ "providers": [ { "provider": { "id": "pester-files" } } ] }'
        Import-StarmapCatalog $path -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCatalog*'
        (Get-StarmapModel -Provider pester-files).Count | Should -Be 1
    }

    It 'writes PathNotFound for a path that does not exist' {
        Import-StarmapCatalog (Join-Path $TestDrive 'missing.json') -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound*'
    }
}

Describe 'Test-StarmapProvider' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:server = Start-ModelListServer -ModelIds 't1', 't2', 't3'
        $null = New-StarmapProvider pester-test -Name 'Pester Test' -ListUrl $server.Url -ListType openai -KeyRequired:$false
    }
    AfterAll { Stop-ModelListServer $server }

    It 'reports Ok, the model count and the latency of a live API, and writes nothing' {
        $t = Test-StarmapProvider pester-test
        $t.Status | Should -Be 'Ok'
        $t.Models | Should -Be 3
        $t.LatencyMs | Should -BeGreaterOrEqual 0
        $t.Url | Should -Be $server.Url
        Get-StarmapModel -Provider pester-test | Should -BeNullOrEmpty
    }

    It 'reports Skipped when the silo has no key, and takes providers from the pipeline' {
        $t = Get-StarmapProvider openai | Test-StarmapProvider
        $t.Status | Should -Be 'Skipped'
        $t.Error | Should -BeLike '*OPENAI_API_KEY*'
    }

    It 'writes ProviderNotFound for an unknown provider' {
        Test-StarmapProvider no-such-provider -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
    }
}
