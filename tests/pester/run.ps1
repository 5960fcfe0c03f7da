# Runs every tests/pester/*.Tests.ps1 with Pester 5.7.1 (restored by build/PesterDownload) and ends
# with one plain line "N passed, N failed". Needs STARMAP_MODULE (the built manifest) and
# STARMAP_GATEWAY (a running silo); tests/pester/run.sh sets both.
param([string]$PesterVersion = '5.7.1')
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$packages = $env:NUGET_PACKAGES ?? (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages')
Import-Module (Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1") -Force

$results = Join-Path $root 'artifacts/test-results'
New-Item -ItemType Directory -Force -Path $results | Out-Null
$cfg = New-PesterConfiguration
# STARMAP_PESTER_PATH (comma-separated files or folders) runs part of the suite while working on it; the default is every file.
$cfg.Run.Path = if ($env:STARMAP_PESTER_PATH) { $env:STARMAP_PESTER_PATH -split "," } else { $PSScriptRoot }
$cfg.Run.PassThru = $true
$cfg.Output.Verbosity = 'Detailed'
$cfg.TestResult.Enabled = $true
$cfg.TestResult.OutputFormat = 'NUnitXml'
$cfg.TestResult.OutputPath = Join-Path $results 'pester.xml'
$r = Invoke-Pester -Configuration $cfg
# Pester's own exit would come before any summary (P11): print the line CI reads, then exit.
$failed = $r.FailedCount + $r.FailedBlocksCount + $r.FailedContainersCount
"$($r.PassedCount) $failed" | Set-Content -Path (Join-Path $results 'pester.counts')
"{0} passed, {1} failed" -f $r.PassedCount, $failed
exit ([Math]::Min($failed, 100))
