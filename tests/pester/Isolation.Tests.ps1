Describe 'Dependency isolation' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $packages = $env:NUGET_PACKAGES ?? (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages')
        # Restored by build/PesterDownload: stands in for another module's older Microsoft.Extensions.
        $script:oldLogging = Join-Path $packages 'microsoft.extensions.logging.abstractions/8.0.0/lib/net8.0/Microsoft.Extensions.Logging.Abstractions.dll'
        # This very pwsh, as a child process: `dotnet pwsh` runs pwsh.dll under the dotnet host.
        $script:pwsh = @([Environment]::ProcessPath)
        if ((Split-Path -Leaf $pwsh[0]) -like 'dotnet*') { $script:pwsh += [System.Reflection.Assembly]::GetEntryAssembly().Location }
    }

    It 'connects and queries after another module loaded Microsoft.Extensions.Logging.Abstractions 8.0 first' {
        Test-Path $oldLogging | Should -BeTrue
        $child = @'
$ErrorActionPreference = 'Stop'
Add-Type -Path $env:OLD_LOGGING
Import-Module $env:STARMAP_MODULE
$null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
"models=$((Get-StarmapModel -Provider openai).Count)"
[AppDomain]::CurrentDomain.GetAssemblies() |
    Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.Logging.Abstractions' } |
    ForEach-Object { 'logging={0}@{1}' -f $_.GetName().Version.Major, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
'@
        $env:OLD_LOGGING = $oldLogging
        try {
            $out = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $child 2>&1
        }
        finally {
            Remove-Item Env:OLD_LOGGING
        }
        $LASTEXITCODE | Should -Be 0 -Because ($out | Out-String)
        $expected = (Get-StarmapModel -Provider openai).Count
        $out | Should -Contain "models=$expected"
        # Both versions live side by side: the other module's in the default context, ours in Starmap's.
        $out | Should -Contain 'logging=8@Default'
        $out | Should -Contain 'logging=10@Starmap'
    }
}
