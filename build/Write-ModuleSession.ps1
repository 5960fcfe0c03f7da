# Runs a short session of the module against a running silo and writes it, as Start-Transcript recorded it, between
# the <!-- session:start --> and <!-- session:end --> markers of README.md. Run by build/module-session.sh, which
# starts a throwaway seeded silo first; nothing in the README's transcript is typed by hand.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Readme,
    [string] $Gateway = $env:STARMAP_GATEWAY
)
$ErrorActionPreference = 'Continue'
$PSStyle.OutputRendering = 'PlainText'
$work = Join-Path ([IO.Path]::GetTempPath()) "starmap-session-$([guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $work | Out-Null
Set-Content -Path (Join-Path $work 'models.json') -Value "{`n  `"object`": `"list`",`n  `"data`": []`n}"
Push-Location $work
$env:STARMAP_GATEWAY = $Gateway
$commands = @(
    'Import-Module Starmap'
    '$env:STARMAP_GATEWAY'
    'Get-StarmapModel -Provider openai -Feature tool_calls -MinContext 128000 -MaxInputPrice 1 -SortBy InputPrice -First 5'
    'Get-StarmapConnection | Format-List Gateways, Source, Generation, Providers, Models'
    'Get-StarmapProvider openai, groq'
    '(Measure-StarmapCost openai gpt-4o -InputTokens 1000 -OutputTokens 200).Total'
    'Sync-StarmapProvider openai -Source provider-api -WhatIf'
    'Export-StarmapCatalog ./catalog.json -Format Json -PassThru | Select-Object Name, Length'
    'Import-StarmapCatalog ./models.json -WhatIf'
    'Get-Help Sync-StarmapProvider -Parameter ThrottleLimit'
)
$transcript = Join-Path $work 'transcript.txt'
$null = Start-Transcript -Path $transcript -UseMinimalHeader
foreach ($command in $commands) {
    Write-Host "PS> $command"
    # The module is imported from the build output under the name a user installs it by.
    $run = $command -replace '^Import-Module Starmap$', "Import-Module '$Module'"
    Invoke-Expression $run | Out-String -Width 120 -Stream | ForEach-Object { Write-Host $_.TrimEnd() }
}
$null = Stop-Transcript
Pop-Location

# Keep the session: drop the transcript's header and footer, blank lines in runs of more than one, and the local
# temporary folder's name.
$lines = Get-Content $transcript | Where-Object { $_ -notmatch '^\*{10,}$|^PowerShell transcript (start|end)|^Start time:|^End time:' }
# The transcript holds an error both as the host showed it and as it was written: keep one.
$lines = @(for ($i = 0; $i -lt $lines.Count; $i++) { if ($i -eq 0 -or $lines[$i] -ne $lines[$i - 1] -or $lines[$i] -eq '') { $lines[$i] } })
$text = ($lines -join "`n") -replace "\n{3,}", "`n`n" -replace [regex]::Escape($work), '.'
$readmeText = Get-Content -Raw $Readme
$block = "<!-- session:start -->`n``````text`n$($text.Trim())`n```````n<!-- session:end -->"
$updated = [regex]::Replace($readmeText, '(?s)<!-- session:start -->.*?<!-- session:end -->', { param($m) $block })
if ($updated -eq $readmeText -and $readmeText -notmatch '<!-- session:start -->') { throw "no <!-- session:start --> marker in $Readme" }
Set-Content -Path $Readme -Value $updated -NoNewline
Remove-Item -Recurse -Force $work
"session written to $Readme"
