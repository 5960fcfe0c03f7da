# The module never deletes or overwrites more than it was asked to: empty pipelines narrow to nothing,
# deleting asks first, export keeps what it did not write, dry runs keep the last sync outcome.
Describe 'Pipelines narrow, never widen' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-narrow -Name 'Pester Narrow'
        $null = New-StarmapModel pester-narrow keep-1 -ContextWindow 1000
        $null = New-StarmapModel pester-narrow keep-2 -ContextWindow 1000
        $script:all = (Get-StarmapModel).Count
    }

    It 'an empty pipeline gets no models' {
        @() | Get-StarmapModel | Should -BeNullOrEmpty
        $null | Get-StarmapModel -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'providers that match nothing get no models' {
        Get-StarmapProvider 'zz*' | Get-StarmapModel | Should -BeNullOrEmpty
        Get-StarmapModel -Provider 'zz*' | Should -BeNullOrEmpty
    }

    It 'an empty list for a filter is an error, not "everything"' {
        { Get-StarmapModel -Provider @() } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Get-StarmapModel -Status @() } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { Get-StarmapProvider -Id @() } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'a piped provider narrows to its models' {
        $models = Get-StarmapProvider 'pester-narrow' | Get-StarmapModel
        $models.ModelId | Should -Be @('keep-1', 'keep-2')
        $models.ProviderId | Sort-Object -Unique | Should -Be 'pester-narrow'
        ('pester-narrow' | Get-StarmapEndpoint) | Where-Object ProviderId -ne 'pester-narrow' | Should -BeNullOrEmpty
    }

    It 'removing what an empty or unmatched pipeline yields deletes nothing' {
        @() | Get-StarmapModel | Remove-StarmapModel -Confirm:$false
        Get-StarmapProvider 'zz*' | Get-StarmapModel | Remove-StarmapModel -Confirm:$false
        'zz-no-such-provider' | Get-StarmapModel -ErrorAction SilentlyContinue | Remove-StarmapModel -Confirm:$false
        (Get-StarmapModel).Count | Should -Be $all
    }

    It 'an exact provider or author that does not exist is ProviderNotFound / AuthorNotFound; a wildcard stays silent' {
        Get-StarmapModel -Provider nope -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound,*'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e[0].TargetObject | Should -Be 'nope'

        Get-StarmapModel -Author nobody-at-all -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'AuthorNotFound,*'

        Get-StarmapEndpoint -Provider nope -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderNotFound,*'

        Get-StarmapModel -Provider 'nope*' -ErrorVariable e | Should -BeNullOrEmpty
        $e | Should -BeNullOrEmpty
    }

    It 'an ID no provider or author can have is InvalidProvider / InvalidAuthor saying why, not a missing one' {
        Get-StarmapProvider 'BAD ID' -ErrorVariable e1 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-StarmapAuthor '../etc' -ErrorVariable e2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-StarmapModel -Provider 'Bad Provider!' -ErrorVariable e3 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-StarmapQuarantine -Provider 'X Y' -ErrorVariable e4 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider,*'
        $e1[0].Exception.Message | Should -Be "'BAD ID' is not a provider ID: it must be lower-case kebab-case like 'google-ai-studio'"
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAuthor,*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider,*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider,*'
        New-StarmapProvider 'Acme AI' -ErrorVariable e5 -ErrorAction SilentlyContinue
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider,*'
    }

    It 'known providers still answer beside an unknown one, and provider wildcards work' {
        $models = Get-StarmapModel -Provider pester-narrow, nope -ErrorVariable e -ErrorAction SilentlyContinue
        $models.ModelId | Should -Be @('keep-1', 'keep-2')
        $e.Count | Should -Be 1
        (Get-StarmapModel -Provider 'pester-narr*').ModelId | Should -Be @('keep-1', 'keep-2')
    }
}

Describe 'Deleting asks first' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-confirm -Name 'Pester Confirm'
        $null = New-StarmapModel pester-confirm doomed -ContextWindow 1000
    }

    It 'Remove-* cmdlets are ConfirmImpact High' {
        foreach ($name in (Get-Command -Module Starmap -Verb Remove).Name) {
            $attribute = (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0]
            "$name $($attribute.ConfirmImpact)" | Should -Be "$name High"
        }
    }

    It 'with the default $ConfirmPreference (High) Remove-StarmapModel prompts, so a non-interactive host refuses and nothing is removed' {
        $ConfirmPreference | Should -Be 'High'
        { Remove-StarmapModel pester-confirm doomed -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        { Get-StarmapModel doomed -Provider pester-confirm | Remove-StarmapModel -ErrorAction Stop } | Should -Throw '*NonInteractive*'
        (Get-StarmapModel doomed -Provider pester-confirm).ModelId | Should -Be 'doomed'
        { Remove-StarmapSyncSchedule pester-confirm -ErrorAction Stop } | Should -Throw '*NonInteractive*'
    }

    It '-Confirm:$false removes without asking' {
        Remove-StarmapModel pester-confirm doomed -Confirm:$false
        Get-StarmapModel -Provider pester-confirm | Should -BeNullOrEmpty
    }
}

Describe 'A delete takes only what names its kind' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $null = New-StarmapProvider pester-kind -Name 'Pester Kind'
        $null = New-StarmapModel pester-kind kind-1 -ContextWindow 1000
        $null = New-StarmapModel pester-kind kind-2 -ContextWindow 1000
        $null = New-StarmapModel pester-kind kind-3 -ContextWindow 1000
        $null = New-StarmapAuthor pester-kind-author -Name 'Pester Kind Author'
    }

    It 'a model piped to Remove-StarmapProvider is WrongInputType and the provider keeps every model' {
        Get-StarmapModel kind-1 -Provider pester-kind | Remove-StarmapProvider -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'WrongInputType,*'
        $e[0].Exception.Message | Should -Match 'takes provider IDs or providers from Get-StarmapProvider, not a Starmap.PowerShell.StarmapModel'
        (Get-StarmapModel -Provider pester-kind).Count | Should -Be 3
    }

    It 'an author piped to Remove-StarmapProvider, a provider to Remove-StarmapAuthor, a row to Remove-StarmapModel: each refused, nothing removed' {
        $null = New-StarmapProvider pester-kind-author -Name 'Same ID as the author'
        Get-StarmapAuthor pester-kind-author | Remove-StarmapProvider -Confirm:$false -ErrorVariable e1 -ErrorAction SilentlyContinue
        Get-StarmapProvider pester-kind-author | Remove-StarmapAuthor -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
        [pscustomobject]@{ ProviderId = 'pester-kind'; ModelId = 'kind-1' } | Remove-StarmapModel -Confirm:$false -ErrorVariable e3 -ErrorAction SilentlyContinue
        @($e1 + $e2 + $e3).FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'WrongInputType,*' }
        @($e1 + $e2 + $e3).Count | Should -Be 3
        Get-StarmapProvider pester-kind-author | Should -Not -BeNullOrEmpty
        Get-StarmapAuthor pester-kind-author | Should -Not -BeNullOrEmpty
        (Get-StarmapModel -Provider pester-kind).Count | Should -Be 3
    }

    It 'strings piped to Remove-StarmapProvider are still provider IDs' {
        'pester-kind-author' | Remove-StarmapProvider -Confirm:$false
        Get-StarmapProvider pester-kind-author -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a piped model that changed since it was read is VersionConflict and stays; -Force removes it and -PassThru gives it as removed' {
        $read = Get-StarmapModel kind-1 -Provider pester-kind
        $null = Set-StarmapModel pester-kind kind-1 -InputPrice 5
        $read | Remove-StarmapModel -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'VersionConflict,*'
        (Get-StarmapModel kind-1 -Provider pester-kind).InputPrice | Should -Be 5
        $removed = $read | Remove-StarmapModel -Confirm:$false -Force -PassThru
        $removed.InputPrice | Should -Be 5
        Get-StarmapModel kind-1 -Provider pester-kind -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'models read together are removed together: removing one does not make the next stale' {
        $removed = Get-StarmapModel -Provider pester-kind | Remove-StarmapModel -Confirm:$false -PassThru
        $removed.ModelId | Should -Be @('kind-2', 'kind-3')
        Get-StarmapModel -Provider pester-kind | Should -BeNullOrEmpty
    }
}

Describe 'Export keeps what it did not write' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'refuses a non-empty folder without -Force and leaves it as it was' {
        $folder = Join-Path $TestDrive 'repo-noforce'
        $null = New-Item -ItemType Directory -Path (Join-Path $folder '.git')
        Set-Content (Join-Path $folder '.git/HEAD') 'ref: refs/heads/main'
        Set-Content (Join-Path $folder 'providers.yaml') 'hand written'
        Export-StarmapCatalog $folder -Format StarmapYaml -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'FolderNotEmpty,*'
        Get-Content (Join-Path $folder 'providers.yaml') | Should -Be 'hand written'
        Get-Content (Join-Path $folder '.git/HEAD') | Should -Be 'ref: refs/heads/main'
    }

    It 'with -Force replaces only the catalog files: .git and other files stay' {
        $folder = Join-Path $TestDrive 'repo'
        Export-StarmapCatalog $folder -Format StarmapYaml
        $null = New-Item -ItemType Directory -Path (Join-Path $folder '.git/refs')
        Set-Content (Join-Path $folder '.git/HEAD') 'ref: refs/heads/main'
        Set-Content (Join-Path $folder 'README.md') '# catalog'
        Set-Content (Join-Path $folder 'providers/openai/models/stale.yaml') 'id: stale'
        Export-StarmapCatalog $folder -Format StarmapYaml -Force
        Get-Content (Join-Path $folder '.git/HEAD') | Should -Be 'ref: refs/heads/main'
        Test-Path (Join-Path $folder '.git/refs') | Should -BeTrue
        Get-Content (Join-Path $folder 'README.md') | Should -Be '# catalog'
        Test-Path (Join-Path $folder 'providers/openai/models/stale.yaml') | Should -BeFalse
        Test-Path (Join-Path $folder 'providers.yaml') | Should -BeTrue
    }

    It 'a missing parent folder is ParentNotFound and nothing is created' {
        $parent = Join-Path $TestDrive 'no-such-parent'
        Export-StarmapCatalog (Join-Path $parent 'catalog') -Format StarmapYaml -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ParentNotFound,*'
        Export-StarmapCatalog (Join-Path $parent 'catalog.json') -Format Json -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ParentNotFound,*'
        Test-Path $parent | Should -BeFalse
    }

    It 'a file format pointed at a folder is NotAFile and the folder is untouched' {
        $folder = Join-Path $TestDrive 'a-folder'
        $null = New-Item -ItemType Directory -Path $folder
        Export-StarmapCatalog $folder -Format Json -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'NotAFile,*'
        Test-Path $folder -PathType Container | Should -BeTrue
    }
}

Describe 'Dry runs keep the last sync outcome' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:server = Start-ModelListServer -ModelIds 'dry-a'
        $null = New-StarmapProvider pester-dry -Name 'Pester Dry' -ListUrl $server.Url -ListType openai -KeyRequired:$false
    }
    AfterAll { Stop-ModelListServer $server }

    It 'Test-StarmapProvider and Sync-StarmapProvider -WhatIf leave the last real sync as it was' {
        $null = Sync-StarmapProvider pester-dry -Source provider-api
        $before = Get-StarmapSyncSchedule pester-dry
        $before.LastStatus | Should -Be 'Applied'
        $before.LastTrigger | Should -Be 'powershell'

        (Test-StarmapProvider pester-dry).Status | Should -Be 'Ok'
        $null = Sync-StarmapProvider pester-dry -Source provider-api -WhatIf

        $after = Get-StarmapSyncSchedule pester-dry
        $after.LastSync | Should -Be $before.LastSync
        $after.LastStatus | Should -Be 'Applied'
        $after.LastTrigger | Should -Be 'powershell'
    }
}
