# Careless and hostile arguments the module fuzz found escaping as unhandled .NET exceptions or hanging:
# each must end in the module's stable error naming what was wrong.
Describe 'Blank IDs, blank connection IDs and paths that are no catalog file' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        # An ID made only of whitespace (Orleans refuses it as a grain key before any Starmap check).
        $script:blanks = @(' ', "`t", "`r`n")
    }

    It 'Set-StarmapProvider and Set-StarmapAuthor with a blank -Id write InvalidProvider / InvalidAuthor, with and without -WhatIf' {
        foreach ($blank in $blanks) {
            { Set-StarmapProvider -Id $blank -Name 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
            { Set-StarmapProvider -Id $blank -Name 'x' -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
            { Set-StarmapAuthor -Id $blank -Name 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidAuthor,*'
            { Set-StarmapAuthor -Id $blank -Name 'x' -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidAuthor,*'
        }
    }

    It 'Set-StarmapModel with a blank -Provider writes a stable error, not a crash' {
        foreach ($blank in $blanks) {
            { Set-StarmapModel -Provider $blank -Id 'm' -Name 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
        }
    }

    It 'Sync-StarmapProvider and Test-StarmapProvider with a blank -Provider write InvalidProvider, also with -WhatIf' {
        foreach ($blank in $blanks) {
            { Sync-StarmapProvider -Provider $blank -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
            { Sync-StarmapProvider -Provider $blank -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
            { Test-StarmapProvider -Provider $blank -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
        }
    }

    It 'Set-StarmapSyncSchedule and Remove-StarmapSyncSchedule with a blank -Provider write InvalidProvider' {
        foreach ($blank in $blanks) {
            { Set-StarmapSyncSchedule -Provider $blank -Interval '06:00:00' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
            { Remove-StarmapSyncSchedule -Provider $blank -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProvider,*'
        }
    }

    It 'Connect-Starmap with a blank -ClusterId or -ServiceId names the parameter and keeps the connection' {
        { Connect-Starmap -Gateway $env:STARMAP_GATEWAY -ClusterId ' ' } | Should -Throw -ErrorId 'InvalidClusterId,*' -ExpectedMessage '*-ClusterId*'
        { Connect-Starmap -Gateway $env:STARMAP_GATEWAY -ServiceId "`t" } | Should -Throw -ErrorId 'InvalidServiceId,*' -ExpectedMessage '*-ServiceId*'
        (Get-StarmapConnection).Gateways | Should -Contain $env:STARMAP_GATEWAY
        Get-StarmapProvider | Should -Not -BeNullOrEmpty
    }

    It 'Export-StarmapCatalog and Import-StarmapCatalog with a NUL in -Path write InvalidPath naming -Path, escaped' {
        $path = Join-Path $TestDrive "a`0b.json"
        { Export-StarmapCatalog -Path $path -Format Json -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPath,*' -ExpectedMessage '*-Path*\u0000*'
        { Import-StarmapCatalog -Path $path -Force -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPath,*' -ExpectedMessage '*-Path*\u0000*'
        { Import-StarmapCatalog -Path "`0" -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPath,*'
    }

    It 'Import-StarmapCatalog refuses a device, a pipe and /proc/self/mem before reading, naming the path' -Skip:(-not $IsLinux) {
        $fifo = Join-Path $TestDrive 'catalog.fifo'
        & mkfifo $fifo
        # In a thread job with a deadline: before the fix, /dev/zero read until memory ran out and a pipe blocked forever.
        $job = Start-ThreadJob -ArgumentList $env:STARMAP_MODULE, $fifo {
            param($module, $fifo)
            Import-Module $module
            foreach ($path in '/dev/zero', $fifo, '/proc/self/mem') {
                try { Import-StarmapCatalog -Path $path -Force -ErrorAction Stop; "$path|imported" }
                catch { "$path|$($_.FullyQualifiedErrorId)|$($_.Exception.Message)" }
            }
        }
        $finished = $job | Wait-Job -Timeout 60
        $finished | Should -Not -BeNullOrEmpty -Because 'Import-StarmapCatalog must answer at once, not read a device or wait on a pipe'
        $answers = @($job | Receive-Job)
        $job | Remove-Job -Force
        $answers.Count | Should -Be 3
        foreach ($answer in $answers) {
            $path, $id, $message = $answer -split '\|', 3
            $id | Should -BeLike 'NotACatalogFile,*'
            $message | Should -BeLike "*'$path'*"
        }
    }

    It 'Import-StarmapCatalog of an empty regular file says it has no bytes, naming the file' {
        $empty = Join-Path $TestDrive 'empty.json'
        New-Item $empty -ItemType File | Out-Null
        { Import-StarmapCatalog -Path $empty -Force -ErrorAction Stop } | Should -Throw -ErrorId 'NotACatalogFile,*' -ExpectedMessage "*'$empty'*"
    }
}

Describe 'Error messages show control and bidi characters escaped' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'an error for an ID with U+202E, U+2066 or a newline (no provider ID can have one) shows them as \uXXXX' {
        foreach ($char in [char]0x202E, [char]0x2066, [char]0x2069, "`n") {
            $id = "fuzz$($char)id"
            Get-StarmapProvider $id -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidProvider,*'
            "$($e[0])" | Should -Not -Match ([regex]::Escape([string]$char))
            "$($e[0])" | Should -BeLike ('*\u{0:x4}*' -f [int][char]$char)
        }
    }
}
