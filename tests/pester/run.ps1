# Runs every tests/pester/*.Tests.ps1 with Pester 5.7.1 (restored by build/PesterDownload) and ends
# with one plain line "N passed, N failed". Needs STARMAP_MODULE (the built manifest) and
# STARMAP_GATEWAY (a running silo); tests/pester/run.sh sets both. Optional: STARMAP_PESTER_PATH.
param([string]$PesterVersion = '5.7.1')
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$packages = $env:NUGET_PACKAGES ?? (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages')
Import-Module (Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1") -Force

$results = Join-Path $root 'artifacts/test-results'
New-Item -ItemType Directory -Force -Path $results | Out-Null
$cfg = New-PesterConfiguration
# STARMAP_PESTER_PATH (optional): run only these test files (comma-separated), e.g. tests/pester/Write.Tests.ps1.
$cfg.Run.Path = if ($env:STARMAP_PESTER_PATH) { $env:STARMAP_PESTER_PATH -split ',' } else { $PSScriptRoot }
$cfg.Run.PassThru = $true
$cfg.Output.Verbosity = 'Detailed'
$cfg.TestResult.Enabled = $true
$cfg.TestResult.OutputFormat = 'NUnitXml'
$cfg.TestResult.OutputPath = Join-Path $results 'pester.xml'
$r = Invoke-Pester -Configuration $cfg
# A failed BeforeAll/AfterAll is not a test: name the block and its error so a red CI says what it saw.
foreach ($block in @($r.Failed) + @($r.FailedBlocks) + @($r.FailedContainers)) {
    if (-not $block) { continue }
    foreach ($e in $block.ErrorRecord) { "FAILED {0}: {1}" -f ($block.ExpandedPath ?? $block.Name ?? $block.Item), $e.Exception.Message }
}
# Pester's own exit would come before any summary (P11): print the line CI reads, then exit.
$failed = $r.FailedCount + $r.FailedBlocksCount + $r.FailedContainersCount
"$($r.PassedCount) $failed" | Set-Content -Path (Join-Path $results 'pester.counts')
"{0} passed, {1} failed" -f $r.PassedCount, $failed
exit ([Math]::Min($failed, 100))
