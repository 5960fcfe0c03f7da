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
