# Sync-StarmapProvider -All -Discover and Import-StarmapCatalog -Format ModelsDev, on a silo of their own that
# starts empty (--seed false) and reads models.dev from a loopback server serving the shipped fixture.
BeforeAll {
    . $PSScriptRoot/Common.ps1

    $script:fixture = Resolve-Path (Join-Path $PSScriptRoot '../Starmap.Http.Tests/Fixtures/models.dev/api.json')

    # A loopback HTTP server on a thread job answering every request with the file's bytes.
    function Start-FileServer([string] $Path) {
        $port = Get-FreePort
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $bytes = [System.IO.File]::ReadAllBytes($Path)
        $job = Start-ThreadJob -ArgumentList $listener, $bytes {
            param($l, $b)
            while ($l.IsListening) {
                try { $ctx = $l.GetContext() } catch { break }
                $ctx.Response.ContentType = 'application/json'
                try { $ctx.Response.OutputStream.Write($b, 0, $b.Length); $ctx.Response.Close() } catch { }
            }
        }
        [pscustomobject]@{ Listener = $listener; Job = $job; Url = "http://127.0.0.1:$port/api.json" }
    }

    # An empty silo (no seed) whose models.dev is $ModelsDevUrl; returns the process, its gateway and folder.
    function Start-EmptySilo([string] $ModelsDevUrl) {
        $work = Join-Path ([System.IO.Path]::GetTempPath()) "starmap-pester-discover-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $work
        $ports = 1..2 | ForEach-Object { Get-FreePort }
        $log = Join-Path $work 'silo.log'
        $environment = @{ Starmap__Sources__ModelsDevUrl = $ModelsDevUrl; Starmap__Sources__MaxRetries = '0' }
        foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        try {
            $process = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err" -ArgumentList @(
                $env:STARMAP_SILO_DLL, '--data-dir', (Join-Path $work 'data'), '--silo-port', $ports[0], '--gateway-port', $ports[1], '--http-port', 0, '--seed', 'false')
        }
        finally {
            foreach ($name in $environment.Keys) { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
        }
        $deadline = [DateTime]::UtcNow.AddSeconds(90)
        while (-not (Select-String -Path $log -Pattern 'Starmap silo ready' -Quiet -ErrorAction SilentlyContinue)) {
            if ($process.HasExited) { throw "silo exited: $(Get-Content -Raw $log)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "silo not ready: $(Get-Content -Raw $log)" }
            Start-Sleep -Milliseconds 100
        }
        [pscustomobject]@{ Process = $process; Gateway = "127.0.0.1:$($ports[1])"; Work = $work }
    }

    function Stop-EmptySilo($Silo) {
        if ($Silo) {
            if (-not $Silo.Process.HasExited) { $Silo.Process.Kill(); $Silo.Process.WaitForExit() }
            Remove-Item -Recurse -Force $Silo.Work -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Sync-StarmapProvider -All -Discover' -Tag CI {
    BeforeAll {
        $script:server = Start-FileServer $fixture
        $script:silo = Start-EmptySilo $server.Url
        $null = Connect-Starmap -Gateway $silo.Gateway
    }

    AfterAll {
        Stop-EmptySilo $silo
        Stop-ModelListServer $server
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
    }

    It '-WhatIf reports each provider it would create with its models and writes nothing' {
        $results = Sync-StarmapProvider -All -Discover -Source models.dev -WhatIf
        $results.ProviderId | Should -Be @('acme', 'nova-labs', 'wafer-ai')
        $results | ForEach-Object { $_.DryRun | Should -BeTrue; $_.Discovered | Should -BeTrue; $_.Status | Should -Be 'DryRun' }
        ($results | Where-Object ProviderId -eq 'wafer-ai').ModelsDevId | Should -Be 'wafer.ai'
        ($results | Where-Object ProviderId -eq 'acme').Added | Should -Be 2
        ($results | Where-Object ProviderId -eq 'acme').Changes.Id | Should -Contain 'acme-large'
        Get-StarmapProvider | Should -BeNullOrEmpty
    }

    It 'creates exactly the providers and models of the snapshot, with what models.dev knows of each provider' {
        $results = Sync-StarmapProvider -All -Discover -Source models.dev -PassThru -WarningAction SilentlyContinue
        $results.Status | Should -Be @('Applied', 'Applied', 'Applied')
        (Get-StarmapProvider).ProviderId | Should -Be @('acme', 'nova-labs', 'wafer-ai')
        (Get-StarmapModel -Provider acme).ModelId | Should -Be @('acme-large', 'acme-small')
        (Get-StarmapModel -Provider nova-labs).ModelId | Should -Be @('meta-llama/llama-3.1-8b-instruct')
        (Get-StarmapModel -Provider wafer-ai).ModelId | Should -Be @('wafer-1')
        $acme = Get-StarmapProvider acme
        $acme.Name | Should -Be 'Acme AI'
        $acme.KeyVariables | Should -Be @('ACME_API_KEY')
        $acme.BaseUrl | Should -Be 'https://api.acme.example/v1'
        $acme.SdkPackage | Should -Be '@ai-sdk/openai-compatible'
        $acme.DocsUrl | Should -Be 'https://acme.example/docs/models'
    }

    It 'a second run creates nothing and changes nothing' {
        $results = Sync-StarmapProvider -All -Discover -Source models.dev -PassThru -WarningAction SilentlyContinue
        $results.Status | Should -Be @('NoChanges', 'NoChanges', 'NoChanges')
        $results.Discovered | Should -Not -Contain $true
    }

    It '-Discover needs models.dev among the sources and does not run as a job' {
        Sync-StarmapProvider -All -Discover -Source provider-api -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSource*'
        Sync-StarmapProvider -All -Discover -AsJob -ErrorAction SilentlyContinue -ErrorVariable job
        $job[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument*'
    }
}

Describe 'Import-StarmapCatalog -Format ModelsDev' -Tag CI {
    BeforeAll {
        # models.dev itself is unreachable: everything comes from the file.
        $script:silo = Start-EmptySilo "http://127.0.0.1:$(Get-FreePort)/api.json"
        $null = Connect-Starmap -Gateway $silo.Gateway
        $script:files = Join-Path ([System.IO.Path]::GetTempPath()) "starmap-pester-modelsdev-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $files
    }

    AfterAll {
        Stop-EmptySilo $silo
        Remove-Item -Recurse -Force $files -ErrorAction SilentlyContinue
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
    }

    It '-WhatIf lists the providers it would create and every change, and writes nothing' {
        $result = Import-StarmapCatalog -Format ModelsDev $fixture -WhatIf
        $result.DryRun | Should -BeTrue
        $result.Created | Should -Be @('acme', 'nova-labs', 'wafer-ai')
        $result.Changes | Where-Object { $_.Id -eq 'acme-large' -and $_.Path -eq 'pricing.tokens.input' } | ForEach-Object New | Should -Be '3'
        Get-StarmapProvider | Should -BeNullOrEmpty
    }

    It 'creates the file providers with their models, then merges a changed file as a models.dev sync would' {
        $result = Import-StarmapCatalog -Format ModelsDev $fixture -Confirm:$false -WarningAction SilentlyContinue
        $result.Created | Should -Be @('acme', 'nova-labs', 'wafer-ai')
        (Get-StarmapProvider).ProviderId | Should -Be @('acme', 'nova-labs', 'wafer-ai')
        (Get-StarmapModel -Provider acme).ModelId | Should -Be @('acme-large', 'acme-small')

        $changed = Join-Path $files 'changed.json'
        (Get-Content -Raw $fixture).Replace('"cost": { "input": 3,', '"cost": { "input": 2.5,') | Set-Content -Path $changed
        $again = Import-StarmapCatalog -Format ModelsDev $changed -Force -WarningAction SilentlyContinue
        $again.Created | Should -BeNullOrEmpty
        $again.Providers | Should -Be @('acme')
        (Get-StarmapModel -Provider acme -Id acme-large).InputPrice | Should -Be 2.5
        # The result lists what the real run changed, not only what a dry run would.
        $price = @($again.Changes | Where-Object { $_.Path -eq 'pricing.tokens.input' })
        $price.Count | Should -Be 1
        "$($price[0].Old) -> $($price[0].New)" | Should -Be '3 -> 2.5'
    }

    It 'a file that is not a models.dev api.json is refused naming why, and nothing is written' {
        $before = (Get-StarmapProvider).Count
        $bad = Join-Path $files 'bad.json'
        Set-Content -Path $bad -Value 'this is not json'
        Import-StarmapCatalog -Format ModelsDev $bad -Force -ErrorAction SilentlyContinue -ErrorVariable notJson
        $notJson[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCatalog*'
        $notJson[0].Exception.Message | Should -BeLike '*not valid JSON*'

        $array = Join-Path $files 'array.json'
        Set-Content -Path $array -Value '[1, 2]'
        Import-StarmapCatalog -Format ModelsDev $array -Force -ErrorAction SilentlyContinue -ErrorVariable shape
        $shape[0].Exception.Message | Should -BeLike '*object of providers*'

        Import-StarmapCatalog -Format ModelsDev $files -Force -ErrorAction SilentlyContinue -ErrorVariable folder
        $folder[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound*'
        (Get-StarmapProvider).Count | Should -Be $before
    }
}
