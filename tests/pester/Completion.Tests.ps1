Describe 'Tab completion' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        function Complete([string] $line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }
    }

    It 'completes provider IDs from the connected catalog' {
        # Every provider of the catalog with the prefix, in ID order (the built-in catalog has models.dev's too).
        $open = @((Get-StarmapProvider).ProviderId | Where-Object { $_ -like 'open*' })
        $open | Should -Contain 'openai'
        $open | Should -Contain 'openrouter'
        Complete 'Get-StarmapModel -Provider open' | Should -Be $open
        Complete 'Sync-StarmapProvider anth' | Should -Be @('anthropic')
    }

    It 'completes author IDs from the connected catalog' {
        Complete 'Get-StarmapAuthor -Id anth' | Should -Contain 'anthropic'
        Complete 'Get-StarmapModel -Author goo' | Should -Contain 'google'
    }

    It 'completes feature and modality names' {
        Complete 'Get-StarmapModel -Feature tool_c' | Should -Contain 'tool_calls'
        Complete 'Get-StarmapModel -InputModality ima' | Should -Be @('image')
    }

    It 'completes value sets (status, format)' {
        Complete 'Get-StarmapModel -Status dep' | Should -Be @('deprecated')
        Complete 'Export-StarmapCatalog x -Format Open' | Should -Be @('OpenAI', 'OpenRouter')
    }
}
