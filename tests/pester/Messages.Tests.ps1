# Messages in the user's terms: connection failures, import errors, "What if:" only after validation, progress
# from the start, job errors that name their cmdlet, a FileInfo from Export -PassThru, defaults in help.
Describe 'Messages speak the user''s language' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:dir = Join-Path ([IO.Path]::GetTempPath()) "starmap-messages-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $dir | Out-Null
    }
    AfterAll {
        Remove-Item -Recurse -Force $dir -ErrorAction SilentlyContinue
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
    }

    It 'Connect-Starmap to a closed port names the gateway and what to check, without Orleans'' retry text' {
        $port = Get-FreePort
        $err = { Connect-Starmap -Gateway "127.0.0.1:$port" -TimeoutSec 2 } | Should -Throw -ErrorId 'ConnectionFailed,*' -PassThru
        $err.Exception.Message | Should -BeLike "No Starmap silo answered at 127.0.0.1:$port (from -Gateway) within 2 s. Check that the silo is running*gateway port*cluster and service IDs*"
        $err.Exception.Message | Should -Not -Match 'will retry after|S127\.0\.0\.1|\d+\.\d{3,} ms'
    }

    It 'importing an OpenAI model list names the file, the line and the field that no catalog has' {
        $file = Join-Path $dir 'openai.json'
        Set-Content -Path $file -Value "{`n  `"object`": `"list`",`n  `"data`": []`n}"
        $err = { Import-StarmapCatalog $file -Force -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCatalog,*' -PassThru
        $err.Exception.Message | Should -BeLike "'$file' is not a catalog Starmap can import: line 2, 'object' is not a field of a catalog (*Export-StarmapCatalog -Format Json*providers, authors and documents)*OpenAI or OpenRouter model list*Nothing was imported."
        $err.Exception.Message | Should -Not -BeLike '*could not be mapped*'
        $err.Exception.Message | Should -Not -BeLike '*Starmap.CatalogContent*'
    }

    It 'a value of the wrong type names the line, the field and what was expected' {
        $file = Join-Path $dir 'wrong-type.json'
        Set-Content -Path $file -Value "{`n  `"providers`": 5`n}"
        $err = { Import-StarmapCatalog $file -Force -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCatalog,*' -PassThru
        $err.Exception.Message | Should -BeLike "'$file' is not a catalog Starmap can import: line *, field providers should be a list (*). Nothing was imported."
    }

    It 'broken JSON names the file and the line' {
        $file = Join-Path $dir 'broken.json'
        Set-Content -Path $file -Value "{`n  `"providers`": [`n    {`n"
        $err = { Import-StarmapCatalog $file -Force -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCatalog,*' -PassThru
        $err.Exception.Message | Should -BeLike "'$file' is not a catalog Starmap can import: line *"
        $err.Exception.Message | Should -Not -BeLike '*BytePositionInLine*'
    }

    It 'an invalid file, provider or model fails before any "What if:" line, and a valid one still prints it' {
        $bad = Join-Path $dir 'whatif-bad.json'
        Set-Content -Path $bad -Value '{ "object": "list" }'
        $good = Join-Path $dir 'whatif-good.json'
        Set-Content -Path $good -Value '{ "providers": [], "authors": [] }'
        $r = Invoke-FreshPwsh "Import-Module '$env:STARMAP_MODULE'; `$null = Connect-Starmap -Gateway '$env:STARMAP_GATEWAY'
            'BAD-IMPORT'; Import-StarmapCatalog '$bad' -WhatIf 2>&1 | ForEach-Object { 'error: ' + `$_.FullyQualifiedErrorId }
            'BAD-SYNC'; Sync-StarmapProvider no-such-provider -WhatIf 2>&1 | ForEach-Object { 'error: ' + `$_.FullyQualifiedErrorId }
            'BAD-SCHEDULE'; Set-StarmapSyncSchedule no-such-provider -Interval 06:00:00 -WhatIf 2>&1 | ForEach-Object { 'error: ' + `$_.FullyQualifiedErrorId }
            'BAD-REMOVE'; Remove-StarmapModel openai no-such-model -WhatIf 2>&1 | ForEach-Object { 'error: ' + `$_.FullyQualifiedErrorId }
            'BAD-MODELSDEV'; Import-StarmapCatalog '$bad' -Format ModelsDev -WhatIf 2>&1 | ForEach-Object { 'error: ' + `$_.FullyQualifiedErrorId + ' ' + `$_.Exception.Message }
            'GOOD-IMPORT'; `$null = Import-StarmapCatalog '$good' -WhatIf
            'END'"
        $bad = ($r.Output -split 'BAD-SYNC')[0]
        $badSync = (($r.Output -split 'BAD-SYNC')[1] -split 'BAD-SCHEDULE')[0]
        $badSchedule = (($r.Output -split 'BAD-SCHEDULE')[1] -split 'BAD-REMOVE')[0]
        $badRemove = (($r.Output -split 'BAD-REMOVE')[1] -split 'BAD-MODELSDEV')[0]
        $badModelsDev = (($r.Output -split 'BAD-MODELSDEV')[1] -split 'GOOD-IMPORT')[0]
        $good = (($r.Output -split 'GOOD-IMPORT')[1] -split 'END')[0]
        $bad | Should -Match 'error: InvalidCatalog'
        $bad | Should -Not -Match 'What if:'
        $badSync | Should -Match 'error: ProviderNotFound'
        $badSync | Should -Not -Match 'What if:'
        $badSchedule | Should -Match 'error: ProviderNotFound'
        $badSchedule | Should -Not -Match 'What if:'
        $badRemove | Should -Match 'error: ModelNotFound'
        $badRemove | Should -Not -Match 'What if:'
        $badModelsDev | Should -Match 'error: InvalidCatalog.*whatif-bad\.json'
        $badModelsDev | Should -Not -Match 'What if:'
        $good | Should -Match 'What if: .*Replace the 0 providers and 0 authors'
    }

    It 'Sync-StarmapProvider -All shows progress from its first second, before any provider is done' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:STARMAP_MODULE'; Write-Information start; Sync-StarmapProvider -All -Source provider-api -WhatIf -WarningAction SilentlyContinue")
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $handle = $ps.BeginInvoke()
            $started = $null; $firstProgress = $null
            $deadline = [datetime]::UtcNow.AddSeconds(120)
            while (-not $firstProgress -and -not $handle.IsCompleted -and [datetime]::UtcNow -lt $deadline) {
                if (-not $started -and $ps.Streams.Information.Count -gt 0) { $started = $clock.Elapsed }
                if ($started -and $ps.Streams.Progress.Count -gt 0) { $firstProgress = $clock.Elapsed }
                Start-Sleep -Milliseconds 20
            }
            $null = $ps.EndInvoke($handle)
            $started | Should -Not -BeNullOrEmpty
            ($firstProgress - $started).TotalSeconds | Should -BeLessThan 1
            $ps.Streams.Progress[0].StatusDescription | Should -Be "Listing the catalog's providers"
            $ps.Streams.Progress[1].StatusDescription | Should -BeLike '0 of * done; syncing *'
            $ps.Streams.Progress[-1].StatusDescription | Should -Be 'Done'
        }
        finally { $ps.Dispose() }
    }

    It 'the errors of a sync job are labelled with Sync-StarmapProvider, not Receive-Job' {
        $null = New-StarmapProvider pester-msg-broken -Name 'Broken' -ListUrl "http://127.0.0.1:$(Get-FreePort)/v1/models" -ListType openai -KeyRequired:$false
        $job = Sync-StarmapProvider pester-msg-broken -Source provider-api -AsJob
        $null = $job | Wait-Job -Timeout 60
        $job | Receive-Job -ErrorVariable e -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
        $job | Remove-Job -Force
        $e[0].FullyQualifiedErrorId | Should -BeLike 'SyncRejected*'
        $e[0].InvocationInfo.MyCommand.Name | Should -Be 'Sync-StarmapProvider'
        $e[0].CategoryInfo.Activity | Should -Be 'Sync-StarmapProvider'
        ($e[0] | Out-String) | Should -BeLike '*Sync-StarmapProvider*pester-msg-broken*'
    }

    It 'Export-StarmapCatalog -PassThru returns the file as Get-Item does, provider paths included' {
        $file = Join-Path $dir 'export.json'
        $f = Export-StarmapCatalog $file -Format OpenAI -PassThru
        $f | Should -BeOfType System.IO.FileInfo
        $f.FullName | Should -Be $file
        $f.PSPath | Should -Be (Get-Item $file).PSPath
        $f.PSProvider.Name | Should -Be 'FileSystem'
        $f.Length | Should -BeGreaterThan 0
        $folder = Join-Path $dir 'yaml'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $d = Export-StarmapCatalog $folder -Format StarmapYaml -PassThru
        $d | Should -BeOfType System.IO.DirectoryInfo
        $d.PSPath | Should -Be (Get-Item $folder).PSPath
    }

    It '-ThrottleLimit shows its default in help, read from the cmdlet itself' {
        (Get-Help Sync-StarmapProvider -Parameter ThrottleLimit).defaultValue | Should -Be '4'
        (Get-Help Import-StarmapCatalog -Parameter Format).defaultValue | Should -Be 'Starmap'
    }
}
