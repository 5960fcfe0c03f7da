Describe 'Get-StarmapQuarantine' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        # An import is a source: a record whose values break a rule is kept with those fields unknown and a note.
        $script:file = Join-Path $TestDrive 'quarantine.json'
        @{
            providers = @(@{
                provider  = @{ id = 'pester-quarantine'; name = 'Pester Quarantine' }
                offerings = @(
                    @{ provider_id = 'pester-quarantine'; model_id = 'overflow'; name = 'Overflow'; limits = @{ context_window = 8192; output_tokens = 65536 } }
                    @{ provider_id = 'pester-quarantine'; model_id = 'tabbed'; name = "Tabbed`tName"; pricing = @{ currency = 'USD'; tokens = @{ input = -1; output = 2 } } }
                    @{ provider_id = 'pester-quarantine'; model_id = 'clean'; name = 'Clean' }
                )
            })
            authors   = @()
        } | ConvertTo-Json -Depth 8 | Set-Content $file
        $script:dry = Import-StarmapCatalog $file -WhatIf
        $script:imported = Import-StarmapCatalog $file -Force
    }

    It 'an import -WhatIf shows the fields it would quarantine and writes nothing' {
        $rows = $dry.Changes | Where-Object Action -eq 'quarantined'
        ($rows | ForEach-Object { "$($_.Id):$($_.Path)" } | Sort-Object) -join ',' | Should -Be 'overflow:limits.output_tokens,tabbed:name,tabbed:pricing.tokens.input'
        ($rows | Where-Object Path -eq 'limits.output_tokens').New | Should -Be '65536'
        ($rows | Where-Object Path -eq 'limits.output_tokens').Source | Should -Be 'import'
    }

    It 'keeps every record and lists each refused field with its value, reason and source' {
        (Get-StarmapModel -Provider pester-quarantine).Count | Should -Be 3
        $q = @(Get-StarmapQuarantine pester-quarantine)
        $q.Count | Should -Be 3
        $q[0] | Should -BeOfType ([Starmap.PowerShell.StarmapQuarantine])
        $limit = $q | Where-Object Field -eq 'limits.output_tokens'
        $limit.ModelId | Should -Be 'overflow'
        $limit.Value | Should -Be '65536'
        $limit.Reason | Should -Be 'must not exceed context_window (8192)'
        $limit.Source | Should -Be 'import'
        ($q | Where-Object Field -eq 'name').Value | Should -Be 'Tabbed\u0009Name'
        (Get-StarmapModel -Provider pester-quarantine -Id overflow).ContextWindow | Should -Be 8192
    }

    It 'filters by -Model (wildcards) and -Field prefix, and takes providers from the pipeline' {
        (Get-StarmapQuarantine pester-quarantine -Model 'tab*').Field | Sort-Object | Should -Be @('name', 'pricing.tokens.input')
        (Get-StarmapQuarantine pester-quarantine -Field pricing).ModelId | Should -Be 'tabbed'
        (Get-StarmapProvider pester-quarantine | Get-StarmapQuarantine).Count | Should -Be 3
        Get-StarmapQuarantine pester-quarantine -Model clean | Should -BeNullOrEmpty
    }

    It 'formats as a table with provider, model, field, value, source and reason' {
        $text = Get-StarmapQuarantine pester-quarantine -Field limits | Out-String -Width 200
        $text | Should -Match 'Provider\s+Model\s+Field\s+Value\s+Source\s+Reason'
        $text | Should -Match 'pester-quarantine\s+overflow\s+limits\.output_tokens\s+65536\s+import'
    }

    It 'writes ProviderNotFound for an exact provider the catalog lacks' {
        Get-StarmapQuarantine no-such-provider -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound*'
    }

    It 'a write you make with an invalid value is still an error, not a quarantine' {
        Set-StarmapModel pester-quarantine clean -ContextWindow 100 -MaxOutputTokens 200 -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e | Should -Not -BeNullOrEmpty
        Get-StarmapQuarantine pester-quarantine -Model clean | Should -BeNullOrEmpty
    }
}
