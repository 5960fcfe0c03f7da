Describe 'Get-StarmapChange' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }
        # Writes from this module: a provider, a model with a price, then a new price.
        New-StarmapProvider pester-changes -Name 'Pester Changes'
        New-StarmapModel pester-changes priced -InputPrice 1.25 -OutputPrice 10
        Set-StarmapModel pester-changes priced -InputPrice 2.5
        # And an import of a file, recorded as an import whoever sends it.
        $script:file = Join-Path $TestDrive 'changes.json'
        @{
            providers = @(@{ provider = @{ id = 'pester-changes-imported'; name = 'Pester Changes Imported' }; offerings = @() })
            authors   = @()
        } | ConvertTo-Json -Depth 8 | Set-Content $file
        Import-StarmapCatalog $file -Force | Out-Null
    }

    It 'lists a price change of this module with old and new value, origin and a [datetime] At' {
        $changes = @(Get-StarmapChange pester-changes -Model priced -Field pricing.tokens.input)
        $last = $changes[-1]
        $last | Should -BeOfType ([Starmap.PowerShell.StarmapCatalogChange])
        ($last.Origin, $last.Kind, $last.EntityId, $last.Old, $last.New) | Should -Be @('powershell', 'changed', 'pester-changes', '1.25', '2.5')
        $last.At | Should -BeOfType ([datetime])
        $last.At | Should -BeGreaterThan (Get-Date).ToUniversalTime().AddMinutes(-10)
    }

    It 'lists every change oldest first, the provider first, and leaves bookkeeping out unless asked' {
        $all = @(Get-StarmapChange pester-changes)
        $all[0].Kind | Should -Be 'added'
        $all[0].ModelId | Should -BeNullOrEmpty
        ($all.Generation | Sort-Object) -join ',' | Should -Be ($all.Generation -join ',')
        $all.Path | Should -Not -Contain 'updated_at'
        @(Get-StarmapChange pester-changes -Bookkeeping).Count | Should -BeGreaterThan $all.Count
    }

    It 'records an import as an import' {
        $imported = @(Get-StarmapChange pester-changes-imported)
        ($imported[0].Origin, $imported[0].Kind) | Should -Be @('import', 'added')
    }

    It 'filters by generation and time and stops after -First' {
        $all = @(Get-StarmapChange pester-changes)
        $all.Count | Should -BeGreaterOrEqual 3
        @(Get-StarmapChange pester-changes -First 2).Count | Should -Be 2
        $after = @(Get-StarmapChange pester-changes -SinceGeneration $all[0].Generation)
        $after.Count | Should -Be @($all | Where-Object Generation -gt $all[0].Generation).Count
        @(Get-StarmapChange pester-changes -Since (Get-Date).AddMinutes(5)).Count | Should -Be 0
        @(Get-StarmapChange pester-changes -Until (Get-Date).AddMinutes(5)).Count | Should -Be $all.Count
    }

    It '-Last gives the newest changes newest first, all of them the oldest-first list reversed, and not with -First' {
        $all = @(Get-StarmapChange pester-changes -Bookkeeping)
        $all.Count | Should -BeGreaterOrEqual 3
        $newest = @(Get-StarmapChange pester-changes -Bookkeeping -Last 2)
        $newest.Count | Should -Be 2
        ($newest | ForEach-Object { "$($_.Generation).$($_.Sequence)" }) -join ',' |
            Should -Be ((@($all)[-1..-2] | ForEach-Object { "$($_.Generation).$($_.Sequence)" }) -join ',')
        # All of them newest first: the same changes as oldest first, reversed.
        $reversed = @(Get-StarmapChange pester-changes -Bookkeeping -Last 100000)
        ($reversed | ForEach-Object { "$($_.Generation).$($_.Sequence)" }) -join ',' |
            Should -Be ((([object[]]$all)[($all.Count - 1)..0] | ForEach-Object { "$($_.Generation).$($_.Sequence)" }) -join ',')
        { Get-StarmapChange pester-changes -First 1 -Last 1 } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        { Get-StarmapChange pester-changes -Last 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'refuses -Until before -Since with an error naming them' {
        Get-StarmapChange -Since (Get-Date) -Until (Get-Date).AddDays(-1) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidChangeQuery*'
        $err[0].Exception.Message | Should -BeLike '*-Until*-Since*'
    }

    It 'shows a table with generation, time, origin, entity, path and values' {
        $table = Get-StarmapChange pester-changes -Field pricing | Format-Table | Out-String -Width 250
        $table | Should -BeLike '*Generation*Origin*Path*Old*New*'
        $table | Should -BeLike '*pricing.tokens.input*'
    }

    It 'completes -Provider from the connected catalog' {
        Complete 'Get-StarmapChange -Provider pester-chan' | Should -Contain 'pester-changes'
    }
}
