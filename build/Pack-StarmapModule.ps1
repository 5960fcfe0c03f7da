# Packs the laid-out module (artifacts/module/Starmap) as a .nupkg that Install-PSResource takes from a local
# folder repository, with Compress-PSResource from Microsoft.PowerShell.PSResourceGet (shipped with pwsh 7.4+):
# the same package Publish-PSResource would push to a gallery. Writes <Output>/Starmap.<version>.nupkg.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Output
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
$manifest = Import-PowerShellDataFile (Join-Path $Module 'Starmap.psd1')
New-Item -ItemType Directory -Force -Path $Output | Out-Null
$package = Join-Path $Output "Starmap.$($manifest.ModuleVersion).nupkg"
Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue
Compress-PSResource -Path $Module -DestinationPath $Output
if (-not (Test-Path -LiteralPath $package)) { throw "Compress-PSResource wrote no $package" }
$package
