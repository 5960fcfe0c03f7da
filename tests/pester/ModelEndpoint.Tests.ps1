Describe 'Get-StarmapModelEndpoint' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-ep-a -Name 'Pester EP A'
        $null = New-StarmapProvider pester-ep-b -Name 'Pester EP B'
        # Two providers' offerings of one definition, and one model ID both serve with no definition.
        $null = New-StarmapModel pester-ep-a lab-model -DefinitionId pester-lab/lab-model -InputPrice 1.5 -OutputPrice 6 -ContextWindow 64000 -Status active
        $null = New-StarmapModel pester-ep-b lab-model-v2 -DefinitionId pester-lab/lab-model -InputPrice 1.25 -ContextWindow 32000 -Status deprecated
        $null = New-StarmapModel pester-ep-a pester-lab/open-thing -InputPrice 0.1
        $null = New-StarmapModel pester-ep-b pester-lab/open-thing
    }

    It 'lists every provider offering of a definition with price, limits and status' {
        $endpoints = Get-StarmapModelEndpoint pester-lab/lab-model
        $endpoints.Count | Should -Be 2
        $endpoints.ProviderId | Should -Be @('pester-ep-a', 'pester-ep-b')
        $endpoints.Model | Sort-Object -Unique | Should -Be 'pester-lab/lab-model'
        $a, $b = $endpoints
        $a.ModelId | Should -Be 'lab-model'
        $a.InputPrice | Should -Be 1.5
        $a.OutputPrice | Should -Be 6
        $a.ContextWindow | Should -Be 64000
        $a.Status | Should -Be 'active'
        $b.ModelId | Should -Be 'lab-model-v2'
        $b.InputPrice | Should -Be 1.25
        # Unknown stays unknown: no output price is $null, not 0.
        $b.OutputPrice | Should -BeNullOrEmpty
        $b.Status | Should -Be 'deprecated'
    }

    It 'finds a model without a definition by its model ID, at every provider serving that ID' {
        $endpoints = Get-StarmapModelEndpoint pester-lab/open-thing
        $endpoints.ProviderId | Should -Be @('pester-ep-a', 'pester-ep-b')
        $endpoints.ModelId | Sort-Object -Unique | Should -Be 'pester-lab/open-thing'
        $endpoints[0].InputPrice | Should -Be 0.1
        $endpoints[1].InputPrice | Should -BeNullOrEmpty
    }

    It 'binds DefinitionId from piped models and IDs from piped strings' {
        (Get-StarmapModel lab-model -Provider pester-ep-a | Get-StarmapModelEndpoint).ProviderId | Should -Be @('pester-ep-a', 'pester-ep-b')
        ('pester-lab/lab-model', 'pester-lab/open-thing' | Get-StarmapModelEndpoint).Count | Should -Be 4
    }

    It 'looks up a piped model without a definition by its model ID, and a mixed pipeline reads each' {
        $open = Get-StarmapModel -Provider pester-ep-a -Id pester-lab/open-thing
        $open.DefinitionId | Should -BeNullOrEmpty
        ($open | Get-StarmapModelEndpoint).ProviderId | Should -Be @('pester-ep-a', 'pester-ep-b')
        $both = Get-StarmapModel -Provider pester-ep-a | Where-Object ModelId -in 'lab-model', 'pester-lab/open-thing' | Get-StarmapModelEndpoint -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        $both.Count | Should -Be 4
        # Given as an argument rather than piped, a model is looked up the same way.
        (Get-StarmapModelEndpoint -Id $open).ProviderId | Should -Be @('pester-ep-a', 'pester-ep-b')
    }

    It 'writes ModelNotFound naming a missing model and still reads the others' {
        $endpoints = Get-StarmapModelEndpoint pester-lab/nothing, pester-lab/lab-model -ErrorVariable failures -ErrorAction SilentlyContinue
        $endpoints.Count | Should -Be 2
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotFound*'
        $failures[0].Exception.Message | Should -BeLike "*'pester-lab/nothing'*"
    }

    It 'shows provider, model ID, prices, context and status in its table view' {
        $row = (Get-StarmapModelEndpoint pester-lab/lab-model | Out-String -Width 200) -split "`n" | Where-Object { $_ -match '^pester-ep-a' }
        ($row -split '\s+' | Where-Object { $_ }) | Should -Be @('pester-ep-a', 'lab-model', '1.5', '6', '64000', 'active')
    }
}
