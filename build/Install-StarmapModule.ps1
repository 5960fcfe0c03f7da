# Installs the Starmap module from the folder of .nupkg files build/Pack-StarmapModule.ps1 wrote, the usual way:
# a local folder repository (registered for the install only) and Install-PSResource -Scope CurrentUser, which puts
# it on the user's module path (~/.local/share/powershell/Modules, Documents\PowerShell\Modules on Windows).
param(
    [Parameter(Mandatory)] [string] $Repository,
    [string] $Name = 'StarmapLocalBuild'
)
$ErrorActionPreference = 'Stop'
# .NET answers "" for a per-user data folder that does not exist yet, and PSResourceGet would then keep its
# repository store under the current directory.
$data = [Environment]::GetFolderPath([Environment+SpecialFolder]::LocalApplicationData, [Environment+SpecialFolderOption]::DoNotVerify)
if ($data) { $null = New-Item -ItemType Directory -Force -Path $data }
Import-Module Microsoft.PowerShell.PSResourceGet
$package = (Get-ChildItem -LiteralPath $Repository -Filter 'Starmap.*.nupkg' | Sort-Object LastWriteTime | Select-Object -Last 1)
if (-not $package) { throw "no Starmap .nupkg in $Repository; run build/module.sh first" }
# A repository left from an interrupted install is replaced, never duplicated.
if (Get-PSResourceRepository -Name $Name -ErrorAction SilentlyContinue) { Unregister-PSResourceRepository -Name $Name }
Register-PSResourceRepository -Name $Name -Uri (Resolve-Path -LiteralPath $Repository).Path -Trusted
try {
    Install-PSResource -Name Starmap -Repository $Name -Scope CurrentUser -Reinstall -TrustRepository -Quiet
}
finally {
    Unregister-PSResourceRepository -Name $Name
}
$installed = Get-InstalledPSResource -Name Starmap -Scope CurrentUser | Sort-Object Version | Select-Object -Last 1
"Installed Starmap $($installed.Version) in $($installed.InstalledLocation)"
