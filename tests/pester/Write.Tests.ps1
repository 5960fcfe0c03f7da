Describe 'New-StarmapModel, Set-StarmapModel and Remove-StarmapModel' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-write -Name 'Pester Write'
    }

    It 'New-StarmapModel -WhatIf creates nothing' {
        New-StarmapModel pester-write ghost -ContextWindow 1000 -WhatIf
        Get-StarmapModel ghost -Provider pester-write -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'creates a model with -PassThru, and unknown prices stay empty, never 0' {
        $m = New-StarmapModel pester-write no-price -ContextWindow 32000 -PassThru
        $m.ContextWindow | Should -Be 32000
        $m.InputPrice | Should -BeNullOrEmpty
        $m.OutputPrice | Should -BeNullOrEmpty
        ($m | ConvertTo-Json | ConvertFrom-Json).InputPrice | Should -BeNullOrEmpty
        $row = (Get-StarmapModel no-price -Provider pester-write | Out-String -Width 200) -split "`n" | Where-Object { $_ -match 'no-price' }
        ($row -split '\s+' | Where-Object { $_ }) | Should -Be @('pester-write', 'no-price', '32000')
    }

    It '-WhatIf refuses what the real run would refuse, naming it, for New- and Set- alike' {
        Set-StarmapModel pester-write no-price -InputPrice -1 -WhatIf -ErrorVariable e1 -ErrorAction SilentlyContinue
        New-StarmapModel pester-write "m`u{200B}x" -WhatIf -ErrorVariable e2 -ErrorAction SilentlyContinue
        New-StarmapProvider 'Pester Bad Id' -WhatIf -ErrorVariable e3 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'InvalidModel,*'
        $e1[0].Exception.Message | Should -Match 'input'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'InvalidModel,*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider,*'
        (Get-StarmapModel no-price -Provider pester-write).InputPrice | Should -BeNullOrEmpty
    }

    It 'an edit to a property Set-StarmapModel does not write is named in a warning, never dropped without a word' {
        $m = Get-StarmapModel no-price -Provider pester-write
        $m.ReleaseDate = Get-Date 2025-01-01
        $m.ContextWindow = 64000
        $m | Set-StarmapModel -Confirm:$false -WarningVariable w -WarningAction SilentlyContinue
        $w[0] | Should -Match 'ReleaseDate was edited but is not written by this cmdlet'
        (Get-StarmapModel no-price -Provider pester-write).ContextWindow | Should -Be 64000
        $null = Set-StarmapModel pester-write no-price -ContextWindow 32000
    }

    It 'New-StarmapModel on an existing model writes ModelAlreadyExists and leaves it as it is' {
        New-StarmapModel pester-write no-price -ContextWindow 1 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ModelAlreadyExists,*'
        (Get-StarmapModel no-price -Provider pester-write).ContextWindow | Should -Be 32000
    }

    It 'New-StarmapModel for a provider that does not exist writes ProviderNotFound' {
        New-StarmapModel pester-no-such-provider m -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound,*'
        Get-StarmapProvider pester-no-such-provider -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Set-StarmapModel with a typo in the model ID writes ModelNotFound and creates nothing' {
        $null = New-StarmapModel pester-write gpt-4o-mini -Name 'Mini' -PassThru
        Set-StarmapModel pester-write gpt-4o-mni -OutputPrice 1 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotFound,*'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-StarmapModel gpt-4o-mni -Provider pester-write -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-StarmapModel 'gpt-4o-m*' -Provider pester-write | ForEach-Object ModelId | Should -Be @('gpt-4o-mini')
    }

    It 'Set-StarmapModel on a provider that does not exist writes ProviderNotFound' {
        Set-StarmapModel pester-no-such-provider m -Name x -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound,*'
    }

    It 'updates only the given fields' {
        $null = New-StarmapModel pester-write priced -Name 'Priced' -InputPrice 1.5 -OutputPrice 6 -Status active
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

    It 'creates and updates from objects from ConvertFrom-Json by property name' {
        $json = '{"ProviderId":"pester-write","ModelId":"from-json","ContextWindow":2048}' | ConvertFrom-Json
        $json | New-StarmapModel
        (Get-StarmapModel from-json -Provider pester-write).ContextWindow | Should -Be 2048
        $json | Set-StarmapModel -ContextWindow 4096
        (Get-StarmapModel from-json -Provider pester-write).ContextWindow | Should -Be 4096
    }

    It 'writes InvalidModel naming the field for a value the service refuses' {
        Set-StarmapModel pester-write priced -InputPrice -1 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidModel*'
        $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        New-StarmapModel pester-write bad -InputPrice -1 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidModel*'
        Get-StarmapModel bad -Provider pester-write -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
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

Describe 'Editing a stale object never reverts what someone else changed' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-edit -Name 'Pester Edit'
        # What-if text is written to the host, not to a stream: a transcript is the way to read it.
        function Get-WhatIfText([scriptblock] $Command) {
            $file = Join-Path ([IO.Path]::GetTempPath()) "starmap-whatif-$([guid]::NewGuid()).txt"
            $null = Start-Transcript -Path $file -UseMinimalHeader
            try { & $Command } finally { $null = Stop-Transcript }
            try { (Get-Content $file) -match '^What if:' } finally { Remove-Item $file }
        }
    }

    BeforeEach {
        $script:id = "m-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $null = New-StarmapModel pester-edit $id -Name 'Original' -InputPrice 1 -OutputPrice 10 -ContextWindow 8000
    }

    It 'a stale piped object fails with VersionConflict and writes nothing' {
        $mine = Get-StarmapModel $id -Provider pester-edit
        $null = Set-StarmapModel pester-edit $id -OutputPrice 12
        $mine.Name = 'Mine'

        $mine | Set-StarmapModel -ErrorVariable e -ErrorAction SilentlyContinue

        $e[0].FullyQualifiedErrorId | Should -BeLike 'VersionConflict,*'
        $e[0].Exception.Message | Should -Match '-Force'
        $now = Get-StarmapModel $id -Provider pester-edit
        $now.Name | Should -Be 'Original'
        $now.OutputPrice | Should -Be 12
    }

    It 'with -Force only the edited field is written, so the newer OutputPrice stays' {
        $mine = Get-StarmapModel $id -Provider pester-edit
        $null = Set-StarmapModel pester-edit $id -OutputPrice 12
        $mine.Name = 'Mine'

        $saved = $mine | Set-StarmapModel -Force -PassThru

        $saved.Name | Should -Be 'Mine'
        $saved.OutputPrice | Should -Be 12
        $saved.InputPrice | Should -Be 1
        $saved.ContextWindow | Should -Be 8000
    }

    It 'an object read after the change carries the new version and writes' {
        $null = Set-StarmapModel pester-edit $id -OutputPrice 12
        $fresh = Get-StarmapModel $id -Provider pester-edit
        $fresh.Name = 'Fresh'
        $saved = $fresh | Set-StarmapModel -PassThru
        $saved.Name | Should -Be 'Fresh'
        $saved.OutputPrice | Should -Be 12
        $saved.Version | Should -BeGreaterThan $fresh.Version
    }

    It 'a piped object that was not edited writes no field, even when stale with -Force' {
        $mine = Get-StarmapModel $id -Provider pester-edit
        $null = Set-StarmapModel pester-edit $id -OutputPrice 12 -Name 'Theirs'
        $mine | Set-StarmapModel -Force
        $now = Get-StarmapModel $id -Provider pester-edit
        $now.Name | Should -Be 'Theirs'
        $now.OutputPrice | Should -Be 12
    }

    It '-WhatIf lists each field old -> new, and the real run changes exactly those fields' {
        $before = Get-StarmapModel $id -Provider pester-edit
        $edited = Get-StarmapModel $id -Provider pester-edit
        $edited.Name = 'Renamed'
        $edited.OutputPrice = 12.5

        $text = Get-WhatIfText { $edited | Set-StarmapModel -WhatIf }

        $text | Should -HaveCount 1
        $text | Should -Match ([regex]::Escape("name: `"Original`" -> `"Renamed`""))
        $text | Should -Match ([regex]::Escape('pricing.tokens.output: 10 -> 12.5'))
        $text | Should -Not -Match 'no field changes'
        ([regex]::Matches($text, ' -> ')).Count | Should -Be 2
        (Get-StarmapModel $id -Provider pester-edit).Name | Should -Be 'Original'

        $after = $edited | Set-StarmapModel -PassThru
        $changed = 'Name', 'DefinitionId', 'ContextWindow', 'MaxInputTokens', 'MaxOutputTokens', 'InputPrice', 'OutputPrice', 'ReasoningPrice', 'CacheReadPrice', 'CacheWritePrice', 'Status', 'Availability' |
            Where-Object { "$($before.$_)" -ne "$($after.$_)" }
        $changed | Should -Be @('Name', 'OutputPrice')
        $after.Name | Should -Be 'Renamed'
        $after.OutputPrice | Should -Be 12.5
    }

    It '-WhatIf of a parameter-only Set lists the field with its stored old value' {
        $text = Get-WhatIfText { Set-StarmapModel pester-edit $id -ContextWindow 16000 -WhatIf }
        $text | Should -Match ([regex]::Escape('limits.context_window: 8000 -> 16000'))
        (Get-StarmapModel $id -Provider pester-edit).ContextWindow | Should -Be 8000
    }

    It '-WhatIf of a stale object reports the VersionConflict the real run would hit' {
        $mine = Get-StarmapModel $id -Provider pester-edit
        $null = Set-StarmapModel pester-edit $id -OutputPrice 12
        $mine.Name = 'Mine'
        $mine | Set-StarmapModel -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'VersionConflict,*'
    }

    It 'New-StarmapModel -WhatIf lists the fields it would create' {
        $text = Get-WhatIfText { New-StarmapModel pester-edit whatif-new -Name 'New' -ContextWindow 1000 -WhatIf }
        $text | Should -Match ([regex]::Escape("name: (unknown) -> `"New`""))
        $text | Should -Match ([regex]::Escape('limits.context_window: (unknown) -> 1000'))
        Get-StarmapModel whatif-new -Provider pester-edit -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'New-, Set-StarmapProvider and New-, Set-StarmapAuthor' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It '-WhatIf creates no provider' {
        New-StarmapProvider pester-ghost -Name 'Ghost' -WhatIf
        Get-StarmapProvider pester-ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Set-StarmapProvider on a provider that does not exist writes ProviderNotFound and creates nothing' {
        Set-StarmapProvider pester-typo -Name 'Typo' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound,*'
        Get-StarmapProvider pester-typo -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'creates and updates a provider, keeping its models' {
        $p = New-StarmapProvider pester-prov -Name 'Pester Provider' -KeyVariable PESTER_PROV_KEY -PassThru
        $p.KeyVariables | Should -Be 'PESTER_PROV_KEY'
        $p.KeyConfigured | Should -BeFalse
        $null = New-StarmapModel pester-prov m1 -ContextWindow 100
        $p = Get-StarmapProvider pester-prov | Set-StarmapProvider -Description 'described' -PassThru
        $p.Description | Should -Be 'described'
        $p.Name | Should -Be 'Pester Provider'
        (Get-StarmapProvider pester-prov).Models | Should -Be 1
    }

    It 'New-StarmapProvider on an existing provider writes ProviderAlreadyExists and leaves it as it is' {
        New-StarmapProvider pester-prov -Name 'Overwritten' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderAlreadyExists,*'
        (Get-StarmapProvider pester-prov).Name | Should -Be 'Pester Provider'
        (Get-StarmapProvider pester-prov).Models | Should -Be 1
    }

    It 'writes edited properties of a piped provider' {
        $p = Get-StarmapProvider pester-prov
        $p.Name = 'Renamed Provider'
        $p | Set-StarmapProvider
        (Get-StarmapProvider pester-prov).Name | Should -Be 'Renamed Provider'
    }

    It 'a stale piped provider fails with VersionConflict; -Force writes only its edit' {
        $mine = Get-StarmapProvider pester-prov
        $null = Set-StarmapProvider pester-prov -Description 'theirs'
        $mine.Headquarters = 'Mine'
        $mine | Set-StarmapProvider -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'VersionConflict,*'
        (Get-StarmapProvider pester-prov).Headquarters | Should -BeNullOrEmpty
        $mine | Set-StarmapProvider -Force
        $now = Get-StarmapProvider pester-prov
        $now.Headquarters | Should -Be 'Mine'
        $now.Description | Should -Be 'theirs'
    }

    It 'writes InvalidProvider for an ID the service refuses' {
        New-StarmapProvider 'Not A Valid Id' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider*'
    }

    It 'creates and updates an author; -WhatIf changes nothing' {
        $a = New-StarmapAuthor pester-author -Name 'Pester Author' -Website 'https://pester.example' -PassThru
        $a.Website | Should -Be 'https://pester.example'
        Set-StarmapAuthor pester-author -Name 'Changed' -WhatIf
        (Get-StarmapAuthor pester-author).Name | Should -Be 'Pester Author'
        (Get-StarmapAuthor pester-author | Set-StarmapAuthor -Name 'Changed' -PassThru).Name | Should -Be 'Changed'
    }

    It 'New-StarmapAuthor on an existing author writes AuthorAlreadyExists; Set-StarmapAuthor on a missing one AuthorNotFound' {
        New-StarmapAuthor pester-author -Name 'Again' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'AuthorAlreadyExists,*'
        (Get-StarmapAuthor pester-author).Name | Should -Be 'Changed'
        Set-StarmapAuthor pester-no-such-author -Name 'x' -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'AuthorNotFound,*'
        Get-StarmapAuthor pester-no-such-author -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a stale piped author fails with VersionConflict and writes nothing' {
        $mine = Get-StarmapAuthor pester-author
        $null = Set-StarmapAuthor pester-author -GitHub 'https://github.com/theirs'
        $mine.Name = 'Mine'
        $mine | Set-StarmapAuthor -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'VersionConflict,*'
        (Get-StarmapAuthor pester-author).Name | Should -Be 'Changed'
        (Get-StarmapAuthor pester-author).GitHub | Should -Be 'https://github.com/theirs'
    }
}
