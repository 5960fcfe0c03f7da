Describe 'Set-StarmapModel and Remove-StarmapModel' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = Set-StarmapProvider pester-write -Name 'Pester Write'
    }

    It '-WhatIf creates nothing' {
        Set-StarmapModel pester-write ghost -ContextWindow 1000 -WhatIf
        Get-StarmapModel ghost -Provider pester-write -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'creates a model with -PassThru, and unknown prices stay empty, never 0' {
        $m = Set-StarmapModel pester-write no-price -ContextWindow 32000 -PassThru
        $m.ContextWindow | Should -Be 32000
        $m.InputPrice | Should -BeNullOrEmpty
        $m.OutputPrice | Should -BeNullOrEmpty
        ($m | ConvertTo-Json | ConvertFrom-Json).InputPrice | Should -BeNullOrEmpty
        $row = (Get-StarmapModel no-price -Provider pester-write | Out-String -Width 200) -split "`n" | Where-Object { $_ -match 'no-price' }
        ($row -split '\s+' | Where-Object { $_ }) | Should -Be @('pester-write', 'no-price', '32000')
    }

    It 'updates only the given fields' {
        $null = Set-StarmapModel pester-write priced -Name 'Priced' -InputPrice 1.5 -OutputPrice 6 -Status active
        $m = Set-StarmapModel pester-write priced -InputPrice 2 -PassThru
        $m.InputPrice | Should -Be 2
        $m.OutputPrice | Should -Be 6
        $m.Name | Should -Be 'Priced'
        $m.Status | Should -Be 'active'
    }

    It '-WhatIf changes nothing on an existing model' {
        Set-StarmapModel pester-write priced -InputPrice 99 -WhatIf
        (Get-StarmapModel priced -Provider pester-write).InputPrice | Should -Be 2
    }

    It 'writes properties edited on a piped object' {
        $m = Get-StarmapModel priced -Provider pester-write
        $m.OutputPrice = 7.25
        $m.Name = 'Priced Again'
        $saved = $m | Set-StarmapModel -PassThru
        $saved.OutputPrice | Should -Be 7.25
        $saved.Name | Should -Be 'Priced Again'
        $saved.InputPrice | Should -Be 2
    }

    It 'makes a value unknown with $null' {
        (Set-StarmapModel pester-write priced -OutputPrice $null -PassThru).OutputPrice | Should -BeNullOrEmpty
    }

    It 'accepts objects from ConvertFrom-Json by property name' {
        $json = '{"ProviderId":"pester-write","ModelId":"from-json"}' | ConvertFrom-Json
        $json | Set-StarmapModel -ContextWindow 4096
        (Get-StarmapModel from-json -Provider pester-write).ContextWindow | Should -Be 4096
    }

    It 'writes InvalidModel naming the field for a value the service refuses' {
        Set-StarmapModel pester-write bad -InputPrice -1 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidModel*'
        $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'Remove-StarmapModel -WhatIf removes nothing' {
        Get-StarmapModel -Provider pester-write | Remove-StarmapModel -WhatIf
        (Get-StarmapModel -Provider pester-write).Count | Should -BeGreaterOrEqual 3
    }

    It 'Remove-StarmapModel removes piped models and -PassThru returns them' {
        $removed = Get-StarmapModel from-json -Provider pester-write | Remove-StarmapModel -PassThru -Confirm:$false
        $removed.ModelId | Should -Be 'from-json'
        Get-StarmapModel from-json -Provider pester-write -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Remove-StarmapModel writes ModelNotFound for a model that does not exist' {
        Remove-StarmapModel pester-write no-such-model -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotFound*'
    }
}

Describe 'Set-StarmapProvider and Set-StarmapAuthor' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It '-WhatIf creates no provider' {
        Set-StarmapProvider pester-ghost -Name 'Ghost' -WhatIf
        Get-StarmapProvider pester-ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'creates and updates a provider, keeping its models' {
        $p = Set-StarmapProvider pester-prov -Name 'Pester Provider' -KeyVariable PESTER_PROV_KEY -PassThru
        $p.KeyVariables | Should -Be 'PESTER_PROV_KEY'
        $p.KeyConfigured | Should -BeFalse
        $null = Set-StarmapModel pester-prov m1 -ContextWindow 100
        $p = Get-StarmapProvider pester-prov | Set-StarmapProvider -Description 'described' -PassThru
        $p.Description | Should -Be 'described'
        $p.Name | Should -Be 'Pester Provider'
        (Get-StarmapProvider pester-prov).Models | Should -Be 1
    }

    It 'writes edited properties of a piped provider' {
        $p = Get-StarmapProvider pester-prov
        $p.Name = 'Renamed Provider'
        $p | Set-StarmapProvider
        (Get-StarmapProvider pester-prov).Name | Should -Be 'Renamed Provider'
    }

    It 'writes InvalidProvider for an ID the service refuses' {
        Set-StarmapProvider 'Not A Valid Id' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider*'
    }

    It 'creates and updates an author; -WhatIf changes nothing' {
        $a = Set-StarmapAuthor pester-author -Name 'Pester Author' -Website 'https://pester.example' -PassThru
        $a.Website | Should -Be 'https://pester.example'
        Set-StarmapAuthor pester-author -Name 'Changed' -WhatIf
        (Get-StarmapAuthor pester-author).Name | Should -Be 'Pester Author'
        (Get-StarmapAuthor pester-author | Set-StarmapAuthor -Name 'Changed' -PassThru).Name | Should -Be 'Changed'
    }
}
