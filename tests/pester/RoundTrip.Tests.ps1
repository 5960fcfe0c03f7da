Describe 'A Starmap folder imported and exported again' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        # The invented catalog the format tests ship: one of every value the round trip must keep.
        $script:source = Join-Path $PSScriptRoot '../Starmap.Catalog.Tests/Formats/Fixtures/roundtrip-catalog'
        $script:out = Join-Path $TestDrive 'roundtrip-out'
        $null = Import-StarmapCatalog $source -Force -WarningAction SilentlyContinue
        Export-StarmapCatalog $out -Format StarmapYaml
    }

    It 'writes the catalog documents back unchanged' {
        foreach ($document in 'endpoints.yaml', 'generation.json', 'authors/README.md') {
            Get-Content (Join-Path $out $document) -Raw | Should -BeExactly (Get-Content (Join-Path $source $document) -Raw) -Because $document
        }
    }

    It 'writes back what the records do not model, as the files spelled it, with the files'' timestamps' {
        $offering = Get-Content (Join-Path $out 'providers/skyhost/models/nimbus-2.yaml') -Raw
        $offering | Should -Match '(?m)^extensions:\n  skyhost:'
        $offering | Should -Match '(?m)^  name: nimbus$'               # the author as this file credits it
        $offering | Should -Match '(?m)^  input_tokens: 0$'
        $offering | Should -Match '(?m)^  - reasoning_effort$'
        $offering | Should -Match '(?m)^created_at: 2025-11-02T10:00:00Z$'
        $offering | Should -Match '(?m)^updated_at: 2026-03-04T05:06:07.891011Z$'
        $offering | Should -Match '(?m)^        x-sky-mode: fast$'
        Get-Content (Join-Path $out 'authors.yaml') -Raw | Should -Match '(?m)^- id: nimbus\.labs$'
        Test-Path (Join-Path $out 'authors/nimbus.labs/models/nimbus-2.yaml') | Should -BeTrue
    }

    It 'serves the offering with the file''s times, not the import''s' {
        $model = Get-StarmapModel nimbus-2 -Provider skyhost
        $model.UpdatedAt | Should -Be ([DateTimeOffset]'2026-03-04T05:06:07.891011Z')
        $model.ReleaseDate | Should -Not -BeNullOrEmpty
    }
}
