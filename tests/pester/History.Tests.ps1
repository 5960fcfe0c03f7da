Describe 'Get-StarmapModel -At/-Generation, Get-StarmapPriceHistory, Compare-StarmapCatalog and Restore-StarmapProvider' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:before = [DateTime]::UtcNow
        $null = New-StarmapProvider pester-history -Name 'Pester History'
        $null = New-StarmapModel pester-history m -InputPrice 1 -OutputPrice 2 -PassThru
        $script:cheapAt = [DateTime]::UtcNow
        $script:cheap = (Get-StarmapPriceHistory pester-history m)[-1].Generation
        $null = Set-StarmapModel pester-history m -InputPrice 5 -PassThru
        $script:dear = (Get-StarmapPriceHistory pester-history m)[-1].Generation
    }

    It 'reads a model as it was at a time and at a generation; without either it reads the newest' {
        (Get-StarmapModel m -Provider pester-history -At $cheapAt).InputPrice | Should -Be 1
        (Get-StarmapModel m -Provider pester-history -Generation $cheap).InputPrice | Should -Be 1
        (Get-StarmapModel m -Provider pester-history -Generation $dear).InputPrice | Should -Be 5
        (Get-StarmapModel m -Provider pester-history).InputPrice | Should -Be 5
    }

    It 'a generation the change log cannot rebuild writes HistoryOutOfRange naming the readable generations' {
        Get-StarmapModel -Provider pester-history -Generation ($dear + 100000) -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'HistoryOutOfRange,*'
        $e[0].Exception.Message | Should -BeLike '*the catalog can be read at generations*'
    }

    It 'lists the price history oldest first with the changed components' {
        $history = Get-StarmapPriceHistory pester-history m
        $history.Generation | Should -Be @($cheap, $dear)
        $history[-1].InputPrice | Should -Be 5
        $history[-1].OutputPrice | Should -Be 2
        $history[-1].Changes | Should -Be @('pricing.tokens.input: 1 -> 5')
        $history[-1].At | Should -Not -BeNullOrEmpty
    }

    It 'compares two generations per provider with the field details' {
        $diff = Compare-StarmapCatalog -From $cheap -To $dear -Provider pester-history
        $diff.Provider | Should -Be 'pester-history'
        $diff.Changed | Should -Be 1
        $diff.Models | Should -Be @('m')
        $diff.Changes.Path | Should -Be @('pricing.tokens.input')
    }

    It 'compares an author too, and -Provider or -Author keeps only the entities named' {
        $null = New-StarmapAuthor pester-history-lab -Name 'Lab'
        $from = (Get-StarmapChange -Author pester-history-lab | Sort-Object Generation)[-1].Generation
        $null = Set-StarmapAuthor pester-history-lab -Name 'Lab PBC'
        $diff = Compare-StarmapCatalog -From $from -Author pester-history-lab
        $diff.Entity | Should -Be 'author'
        $diff.Author | Should -Be 'pester-history-lab'
        $diff.Kind | Should -Be 'changed'
        $diff.Changes | ForEach-Object { "$($_.Scope) $($_.Path) $($_.Old) -> $($_.New)" } | Should -Be 'author name "Lab" -> "Lab PBC"'
        Compare-StarmapCatalog -From $from -Provider pester-history | Where-Object Entity -eq 'author' | Should -BeNullOrEmpty
        (Compare-StarmapCatalog -From $from | Where-Object Author -eq 'pester-history-lab').Kind | Should -Be 'changed'
    }

    It 'Restore-StarmapProvider -WhatIf returns the changeset and writes nothing' {
        $out = Restore-StarmapProvider pester-history -Generation $cheap -WhatIf 6>&1
        $result = $out | Where-Object { $_.PSObject.TypeNames -contains 'Starmap.PowerShell.StarmapRestoreResult' }
        $result.DryRun | Should -BeTrue
        $result.Changes | Where-Object Path -eq 'pricing.tokens.input' | ForEach-Object { "$($_.Action) $($_.Id) $($_.Old) -> $($_.New)" } | Should -Be 'updated m 5 -> 1'
        (Get-StarmapModel m -Provider pester-history).InputPrice | Should -Be 5
    }

    It 'restores the old price as a new write that the price history shows with origin restore' {
        $r = Restore-StarmapProvider pester-history -At $cheapAt -PassThru
        $r.RestoredTo | Should -Be $cheap
        (Get-StarmapModel m -Provider pester-history).InputPrice | Should -Be 1
        $last = (Get-StarmapPriceHistory pester-history m)[-1]
        $last.Origin | Should -Be 'restore'
        $last.Generation | Should -Be $r.Generation
    }

    It 'refuses to restore to a time before the provider existed unless -Force, which deletes it' {
        $gone = New-StarmapProvider pester-history-new -Name 'New' -PassThru
        $first = (Compare-StarmapCatalog -From $dear -Provider pester-history-new)
        $first.Kind | Should -Be 'added'
        Restore-StarmapProvider pester-history-new -Generation $dear -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'RestoreRefused,*'
        Get-StarmapProvider pester-history-new | Should -Not -BeNullOrEmpty
        Restore-StarmapProvider pester-history-new -Generation $dear -Force
        Get-StarmapProvider pester-history-new -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $null = $gone
    }
}
