# The module's fuzz driver, run by Fuzz.Tests.ps1 in a child pwsh (so a crash of the host is a finding,
# not the end of the suite). Cases come from Get-Command metadata, so a new cmdlet or parameter is
# covered without editing this file: every parameter of every parameter set gets empty, $null,
# wrong-type, huge, control-character and boundary values, and every cmdlet gets pipeline input
# ($null, @(), wrong objects). Cmdlets that support ShouldProcess (the ones that write) run with
# -WhatIf, then with -Confirm:$false and only invalid identities, so nothing real is asked to change.
# Writes each case to -Progress ("<cmdlet><tab><case>", then "<tab>done") before it runs, and each
# offending case as a JSON line to -Out.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Gateway,
    [Parameter(Mandatory)] [string] $Work,
    [Parameter(Mandatory)] [string] $Out,
    [Parameter(Mandatory)] [string] $Progress
)
$ErrorActionPreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'
$WarningPreference = 'SilentlyContinue'
$InformationPreference = 'SilentlyContinue'
Import-Module $Module -Force
$null = Connect-Starmap -Gateway $Gateway
# Relative paths ('fuzz-missing-id', '../x') land inside the work folder.
Set-Location (New-Item -ItemType Directory -Force -Path (Join-Path $Work 'cwd'))

$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
$huge = 'x' * 100000
$bidi = [string][char]0x202E
$texts = @('', ' ', "`0", "a`0b", "`r`n", "a`nb", "`t", "$($bidi)gpt-4o", 'модель-ü-🚀', '..', '../../etc/passwd', '/', 'a/b', '\', '*', '?',
    '[', '%00', $huge, "'; DROP TABLE x; --", '${env:HOME}', '$(whoami)', '-1', 'ZZ Upper Case', '.', '-WhatIf')
$wrongObjects = @(@{ a = 1 }, [pscustomobject]@{ Nothing = 1 }, [datetime]'2025-01-31', 42, [guid]::Empty, { 'script' },
    [System.IO.FileInfo]'/nonexistent', [double]::NaN, [System.Text.StringBuilder]::new('sb'))
# IDs that are never valid: the pass without -WhatIf uses only these for the mandatory (identifying) parameters.
$invalidIds = @('', ' ', "`0", "a`nb", $bidi, $huge, '../x', 'ZZ Upper', '*', "a`0b")

# A folder with files Export must never remove (it did not write them).
$existing = Join-Path $Work 'existing'
$null = New-Item -ItemType Directory -Force -Path (Join-Path $existing '.git')
Set-Content -Path (Join-Path $existing '.git/HEAD') -Value 'ref: refs/heads/main'
Set-Content -Path (Join-Path $existing 'notes.txt') -Value 'mine'

# Files Import must refuse without changing anything.
$garbage = Join-Path $Work 'garbage'
$null = New-Item -ItemType Directory -Force -Path $garbage
$badFiles = @{
    'empty.json'    = ''
    'nul.json'      = "`0`0`0"
    'bad.json'      = '{"providers": ['
    'shape.json'    = '{"providers": 42, "models": "x"}'
    'deep.json'     = ('[' * 5000) + (']' * 5000)
    'bad.yaml'      = "providers:`n  - id: [unclosed"
    'tabs.yaml'     = "`tkey:`t- x"
    'binary.json'   = [string]::new([char[]](0..255))
    'bom-only.json' = [string][char]0xFEFF
}
foreach ($name in $badFiles.Keys) { Set-Content -Path (Join-Path $garbage $name) -Value $badFiles[$name] -NoNewline }
# 64 MB of zeros that take no disk (sparse): bigger than any catalog file should be.
$sparse = [System.IO.File]::Create((Join-Path $garbage 'sparse.json'))
try { $sparse.SetLength(64MB) } finally { $sparse.Dispose() }
$badPaths = @((Join-Path $garbage 'empty.json'), (Join-Path $garbage 'nul.json'), (Join-Path $garbage 'bad.json'), (Join-Path $garbage 'shape.json'),
    (Join-Path $garbage 'deep.json'), (Join-Path $garbage 'bad.yaml'), (Join-Path $garbage 'tabs.yaml'), (Join-Path $garbage 'binary.json'),
    (Join-Path $garbage 'bom-only.json'), (Join-Path $garbage 'sparse.json'), $garbage, '/nonexistent/catalog.json', '/proc/self/mem', '', ' ', "`0", $huge)
# Files that are no regular file: /dev/zero never ends (it once grew pwsh by gigabytes) and opening a named pipe
# blocks until a writer comes; Import-StarmapCatalog must refuse both before reading.
if ($IsLinux) {
    $fifo = Join-Path $garbage 'catalog.fifo'
    & mkfifo $fifo
    $badPaths += '/dev/zero', $fifo
}

# Real objects for parameters typed as the module's own output types.
$samples = @{}
foreach ($get in Get-Command -Module Starmap -Verb Get) {
    foreach ($type in $get.OutputType.Name) {
        if ($type -and -not $samples.ContainsKey($type)) {
            try { $samples[$type] = & $get.Name -ErrorAction Stop | Select-Object -First 1 } catch { }
        }
    }
}
$model = $samples['Starmap.PowerShell.StarmapModel']

function Get-Baseline([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.ParameterMetadata] $Parameter, [string] $Name) {
    $type = $Parameter.ParameterType
    $validateSet = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($samples.ContainsKey($type.FullName)) { return $samples[$type.FullName] }
    if ($validateSet) { $v = $validateSet.ValidValues[0]; if ($type.IsArray) { return , @($v) } else { return $v } }
    $value = switch -Regex ($Name) {
        '^(Provider|ProviderId)$' { 'openai' }
        '^Gateway$' { $Gateway }
        '^Path$' { if ($Command.Verb -eq 'Import') { $script:validExport } else { Join-Path $Work "export-$([guid]::NewGuid().ToString('N')).json" } }
        '^Id$' {
            switch -Wildcard ($Command.Noun) { '*Model' { $model.ModelId } '*Author' { 'openai' } default { 'openai' } }
        }
        default { $null }
    }
    if ($null -ne $value) { if ($type.IsArray) { return , @($value) } else { return $value } }
    if ($type -eq [System.Management.Automation.SwitchParameter] -or $type -eq [bool]) { return $true }
    if ($type -eq [string]) { return 'fuzz' }
    if ($type -eq [string[]]) { return , @('fuzz') }
    if ($type -eq [TimeSpan] -or $type -eq [Nullable[TimeSpan]]) { return [TimeSpan]'06:00:00' }
    if ($type -eq [datetime] -or $type -eq [Nullable[datetime]]) { return [datetime]'2025-01-31' }
    if ($type.IsValueType -or [Nullable]::GetUnderlyingType($type)) { return 1 }
    return 'fuzz'
}

function Get-FuzzValues([System.Management.Automation.ParameterMetadata] $Parameter) {
    $type = $Parameter.ParameterType
    $inner = [Nullable]::GetUnderlyingType($type) ?? $type
    $values = [System.Collections.Generic.List[object]]::new()
    $values.Add($null)
    if ($inner -eq [System.Management.Automation.SwitchParameter] -or $inner -eq [bool]) {
        foreach ($v in @($false, 'abc', 2, @(1, 2))) { $values.Add($v) }
    } elseif ($inner -in [int], [long], [uint64], [int16]) {
        foreach ($v in @(0, -1, [int]::MaxValue, [long]::MaxValue, [long]::MinValue, [decimal]::MaxValue, 1.5, [double]::NaN, 'abc', '', '1e400', (, @(1, 2)))) { $values.Add($v) }
    } elseif ($inner -in [decimal], [double], [single]) {
        foreach ($v in @(0, -1, [decimal]::MaxValue, [decimal]::MinValue, [double]::MaxValue, [double]::NaN, [double]::PositiveInfinity, 1e-30, 'abc', '', (, @(1, 2)))) { $values.Add($v) }
    } elseif ($inner -eq [datetime]) {
        foreach ($v in @([datetime]::MinValue, [datetime]::MaxValue, 'not a date', '', '2025-13-45', 0)) { $values.Add($v) }
    } elseif ($inner -eq [TimeSpan]) {
        foreach ($v in @([TimeSpan]::Zero, [TimeSpan]::MaxValue, [TimeSpan]::MinValue, [TimeSpan]::FromTicks(1), '-06:00:00', 'often', '', '3000000.00:00:00', 0)) { $values.Add($v) }
    } elseif ($inner -eq [string] -or $inner -eq [string[]]) {
        foreach ($v in $texts) { $values.Add($v) }
        if ($inner -eq [string[]]) { foreach ($v in @((, @()), (, @($null)), (, @('', '')), (, @('openai', "`0")))) { $values.Add($v) } }
        if ($Parameter.Name -eq 'Path') { foreach ($v in $badPaths + $existing) { $values.Add($v) } }
    } else {
        foreach ($v in @('', 'openai', $huge)) { $values.Add($v) }
    }
    foreach ($v in $wrongObjects) { $values.Add($v) }
    $values
}

function Format-Value($Value) {
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [string]) {
        $shown = if ($Value.Length -gt 40) { $Value.Substring(0, 40) + "...($($Value.Length) chars)" } else { $Value }
        $escaped = -join ($shown.ToCharArray() | ForEach-Object { if ([char]::IsControl($_) -or $_ -eq [char]0x202E) { '\u{0:X4}' -f [int]$_ } else { $_ } })
        return "'$escaped'"
    }
    if ($Value -is [array]) { return '@(' + (($Value | ForEach-Object { Format-Value $_ }) -join ', ') + ')' }
    if ($Value -is [scriptblock]) { return '{ scriptblock }' }
    if ($Value.GetType().Namespace -eq 'Starmap.PowerShell') { return "[$($Value.GetType().Name)]" }
    return "[$($Value.GetType().Name)]$Value"
}

function Format-Case([string] $Name, [hashtable] $Splat, [string] $Pipe) {
    $parts = @(if ($Pipe) { "$Pipe |" }) + $Name
    foreach ($key in $Splat.Keys | Sort-Object) { $parts += "-$($key):$(Format-Value $Splat[$key])" }
    $parts -join ' '
}

# Acceptable: the module's own error (a stable "<Id>,Starmap.PowerShell.Commands.<Cmdlet>") or parameter binding.
function Test-Acceptable([System.Management.Automation.ErrorRecord] $Record) {
    $exception = $Record.Exception
    if ($exception -is [System.Management.Automation.ParameterBindingException]) { return $true }
    return $Record.FullyQualifiedErrorId -match '^[A-Z][A-Za-z0-9]*,Starmap\.PowerShell\.Commands\.[A-Za-z]+Command$'
}

# Findings go out one JSON line at a time, so a crash of this host still leaves every one found before it.
function Add-Finding([hashtable] $Finding) { Add-Content -Path $Out -Value ([pscustomobject]$Finding | ConvertTo-Json -Compress) }

function Invoke-Case([string] $Name, [hashtable] $Splat, [object] $PipelineInput, [string] $Pipe, [switch] $MustNotWiden) {
    $case = Format-Case $Name $Splat $Pipe
    Add-Content -Path $Progress -Value "$Name`t$case"
    $records = @()
    $output = @()
    try {
        if ($Pipe) {
            $output = @($PipelineInput | & $Name @Splat -ErrorAction SilentlyContinue -ErrorVariable fuzzErrors)
        } else {
            $output = @(& $Name @Splat -ErrorAction SilentlyContinue -ErrorVariable fuzzErrors)
        }
        $records = @($fuzzErrors)
    } catch {
        $records = @($fuzzErrors) + $_
    }
    foreach ($record in $records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) {
        if (-not (Test-Acceptable $record)) {
            $message = $record.Exception.Message -replace '\s+', ' '
            if ($message.Length -gt 200) { $message = $message.Substring(0, 200) + '...' }
            Add-Finding @{ Cmdlet = $Name; Fault = 'unstable error'; Case = $case
                Detail = "$($record.FullyQualifiedErrorId) [$($record.Exception.GetType().FullName)] $message" }
        }
    }
    if ($MustNotWiden -and $output.Count -gt 0) {
        Add-Finding @{ Cmdlet = $Name; Fault = 'empty or unbindable pipeline input widened to output'; Case = $case
            Detail = "$($output.Count) objects written, e.g. $($output[0].GetType().Name)" }
    }
}

function Restore-Connection {
    $current = Get-StarmapConnection -WarningAction SilentlyContinue
    if (-not $current -or $current.Gateways -notcontains $Gateway -or $current.ClusterId -ne 'starmap' -or $current.ServiceId -ne 'starmap' -or $current.Tls) {
        $null = Connect-Starmap -Gateway $Gateway -ErrorAction Stop
    }
}

# An export to import with -WhatIf (a valid file, so the baseline reaches the cmdlet's own checks).
$script:validExport = Join-Path $Work 'valid.json'
Export-StarmapCatalog -Path $validExport -Format Json -ErrorAction SilentlyContinue

$cmdlets = Get-Command -Module Starmap -CommandType Cmdlet | Sort-Object Name
foreach ($command in $cmdlets) {
    $name = $command.Name
    $session = $command.Noun -eq 'Starmap'            # Connect-/Disconnect-Starmap act on the session, not the catalog
    $writes = $command.Parameters.ContainsKey('WhatIf')
    $creates = $command.Verb -in 'New', 'Add', 'Import', 'Copy'
    foreach ($set in $command.ParameterSets) {
        $parameters = @($set.Parameters | Where-Object { $_.Name -notin $common })
        $mandatory = @($parameters | Where-Object IsMandatory)
        $base = @{}
        foreach ($p in $mandatory) { $base[$p.Name] = Get-Baseline $command $command.Parameters[$p.Name] $p.Name }
        if ($name -eq 'Connect-Starmap') { $base['Gateway'] = @($Gateway); $base['TimeoutSec'] = 1 }
        # Pass 1: every parameter with every value; writers with -WhatIf.
        foreach ($p in $parameters) {
            # A failed connect costs seconds: the session cmdlets get a few values of each kind only.
            $values = if ($session) { @(Get-FuzzValues $command.Parameters[$p.Name] | Select-Object -First 3) + $huge + @{ a = 1 } } else { Get-FuzzValues $command.Parameters[$p.Name] }
            foreach ($value in $values) {
                $splat = $base.Clone()
                $splat[$p.Name] = $value
                if ($writes) { $splat['WhatIf'] = $true }
                Invoke-Case $name $splat
                if ($session) { Restore-Connection }
            }
        }
        # Pass 2: writers for real (-Confirm:$false), but every identifying parameter invalid.
        if ($writes -and $mandatory.Count -gt 0) {
            # Switches are not identities (-All:$false is not "invalid"), so they are left out here.
            foreach ($p in $mandatory | Where-Object { $_.ParameterType -ne [System.Management.Automation.SwitchParameter] }) {
                $values = if ($p.Name -eq 'Path' -and $command.Verb -eq 'Import') { $badPaths }
                    elseif ($p.ParameterType.Namespace -eq 'Starmap.PowerShell') { @($null) + $wrongObjects }
                    else { $invalidIds + $(if (-not $creates) { 'fuzz-missing-id' }) }
                foreach ($value in $values) {
                    $splat = $base.Clone()
                    foreach ($other in $mandatory | Where-Object Name -ne $p.Name) {
                        if ($other.ParameterType -in [string], [string[]] -and $other.Name -ne 'Path') { $splat[$other.Name] = 'fuzz-missing-id' }
                    }
                    $splat[$p.Name] = $value
                    $splat['Confirm'] = $false
                    Invoke-Case $name $splat
                }
            }
        }
    }
    # Pipeline input: nothing, $null, and objects that identify nothing real.
    $pipeable = @($command.Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } })
    # A creating cmdlet may rightly create what a piped object names, so it only shows what it would do.
    $extra = if ($writes -and $command.Verb -in 'New', 'Add', 'Copy') { @{ WhatIf = $true } } elseif ($writes) { @{ Confirm = $false } } elseif ($name -eq 'Connect-Starmap') { @{ TimeoutSec = 1 } } else { @{} }
    $inputs = [ordered]@{ '@()' = @(); '$null' = $null; '@($null, $null)' = @($null, $null); "''" = ''; "'`0'" = "`0"; '42' = 42
        '@{a=1}' = @{ a = 1 }; '[pscustomobject]@{Nothing=1}' = [pscustomobject]@{ Nothing = 1 }; '[datetime]' = [datetime]'2025-01-31'
        "[pscustomobject]@{ProviderId='zz-missing'}" = [pscustomobject]@{ ProviderId = 'zz-missing' } }
    foreach ($label in @($inputs.Keys | Where-Object { -not $session -or $_ -in '@()', '$null' })) {
        # Nothing piped, or an object no parameter binds, must widen to nothing.
        $widen = $pipeable.Count -gt 0 -and -not $session -and $label -in '@()', '[pscustomobject]@{Nothing=1}'
        Invoke-Case $name $extra.Clone() $inputs[$label] $label -MustNotWiden:$widen
        if ($session) { Restore-Connection }
    }
}

# Export into folders holding files it did not write, with and without -Force: those files stay. One
# holds only them; the other is a catalog under version control (providers.yaml beside .git and notes).
$catalog = Join-Path $Work 'existing-catalog'
Export-StarmapCatalog -Path $catalog -Format StarmapYaml -Confirm:$false -ErrorAction SilentlyContinue
$null = New-Item -ItemType Directory -Force -Path (Join-Path $catalog '.git')
Set-Content -Path (Join-Path $catalog '.git/HEAD') -Value 'ref: refs/heads/main'
Set-Content -Path (Join-Path $catalog 'notes.txt') -Value 'mine'
foreach ($format in (Get-Command Export-StarmapCatalog).Parameters['Format'].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues) {
    foreach ($folder in $existing, $catalog) {
        Invoke-Case 'Export-StarmapCatalog' @{ Path = $folder; Format = $format; Confirm = $false }
        Invoke-Case 'Export-StarmapCatalog' @{ Path = $folder; Format = $format; Force = $true; Confirm = $false }
    }
}

# Disconnected: every cmdlet fails with NotConnected (or a binding error), never a .NET exception.
Disconnect-Starmap
foreach ($command in $cmdlets | Where-Object Noun -ne 'Starmap') {
    $writes = $command.Parameters.ContainsKey('WhatIf')
    $splat = @{}
    foreach ($p in @($command.ParameterSets | Where-Object IsDefault | ForEach-Object Parameters | Where-Object { $_.IsMandatory -and $_.Name -notin $common })) {
        $splat[$p.Name] = Get-Baseline $command $command.Parameters[$p.Name] $p.Name
    }
    if ($writes) { $splat['WhatIf'] = $true }
    Invoke-Case $command.Name $splat
}
Restore-Connection
Add-Content -Path $Progress -Value "`tdone"
