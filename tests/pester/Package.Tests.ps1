# The module as a package: build/module.sh writes artifacts/packages/Starmap.<version>.nupkg (tests/pester/run.sh
# runs it first), and PSResourceGet as pwsh ships it installs that from a local folder repository. Each case runs in
# a fresh pwsh whose HOME and XDG folders are temporary, so the user's module path and repositories stay untouched.
Describe 'Installing the module the usual way' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $script:packages = Join-Path $root 'artifacts/packages'
        $script:version = (Import-PowerShellDataFile $env:STARMAP_MODULE).ModuleVersion
        function New-Home {
            $h = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "starmap-home-$([guid]::NewGuid().ToString('N'))")).FullName
            # A user with nothing installed: modules, repositories and config all under the temporary home. The folders
            # must exist: .NET answers "" for a missing data folder, and PSResourceGet then keeps its repository store
            # under the current directory (a clone's root), where every later run would find it.
            foreach ($d in '.local/share', '.config', '.cache') { $null = New-Item -ItemType Directory -Path (Join-Path $h $d) }
            @{ HOME = $h; XDG_DATA_HOME = "$h/.local/share"; XDG_CONFIG_HOME = "$h/.config"; XDG_CACHE_HOME = "$h/.cache"; PSModulePath = $null
               NUGET_PACKAGES = $env:NUGET_PACKAGES ?? (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages') }
        }
    }

    It 'build/module.sh wrote a .nupkg of the module with its manifest, cmdlets, help and dependencies' {
        $package = Join-Path $packages "Starmap.$version.nupkg"
        $package | Should -Exist
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package)
        try { $names = $zip.Entries.FullName } finally { $zip.Dispose() }
        $names | Should -Contain 'Starmap.psd1'
        $names | Should -Contain 'Starmap.nuspec'
        $names | Should -Contain 'Starmap.PowerShell.dll'
        $names | Should -Contain 'en-US/Starmap.PowerShell.dll-Help.xml'
        $names | Should -Contain 'deps/Starmap.PowerShell.Engine.dll'
    }

    It 'Register-PSResourceRepository on the folder and Install-PSResource install it, and it imports by name and connects' {
        $h = New-Home
        $r = Invoke-FreshPwsh "
            Register-PSResourceRepository -Name StarmapTest -Uri '$packages' -Trusted
            Install-PSResource -Name Starmap -Repository StarmapTest -Scope CurrentUser -TrustRepository -Quiet
            `$m = Get-Module -ListAvailable Starmap
            'installed=' + `$m.ModuleBase
            'version=' + `$m.Version
            Import-Module Starmap
            'id=' + (Get-StarmapProvider openai).ProviderId" ($h + @{ STARMAP_GATEWAY = $env:STARMAP_GATEWAY })
        $r.Output | Should -Match "installed=$([regex]::Escape($h.HOME))"
        $r.Output | Should -Match "version=$([regex]::Escape($version))"
        $r.Output | Should -Match 'id=openai'
        Join-Path $h.XDG_DATA_HOME 'PSResourceGet/PSResourceRepository.xml' | Should -Exist
        Join-Path $PWD 'PSResourceGet' | Should -Not -Exist
        Remove-Item -Recurse -Force $h.HOME
    }

    It 'build/Install-StarmapModule.ps1 (module.sh --install) puts it on the user''s module path and removes its repository again' {
        $h = New-Home
        $r = Invoke-FreshPwsh "
            & '$root/build/Install-StarmapModule.ps1' -Repository '$packages'
            'available=' + (Get-Module -ListAvailable Starmap).ModuleBase
            'repositories=' + ((Get-PSResourceRepository).Name -join ',')" $h
        $r.Output | Should -Match "Installed Starmap $([regex]::Escape($version))"
        $r.Output | Should -Match "available=$([regex]::Escape($h.HOME))"
        $r.Output | Should -Not -Match 'repositories=.*StarmapLocalBuild'
        Remove-Item -Recurse -Force $h.HOME
    }
}
