<#
.SYNOPSIS
Writes the module's MAML help (Starmap.PowerShell.dll-Help.xml) from module/help/<Cmdlet>.psd1.

.DESCRIPTION
The prose (synopsis, description, parameter descriptions, examples, notes) lives in one PowerShell
data file per cmdlet; the syntax (parameter sets, types, positions, pipeline input, wildcards) comes
from the built cmdlets themselves, so help cannot drift from the code. Fails when a cmdlet has no
source, fewer than two examples, or an undescribed parameter.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Source,
    [Parameter(Mandatory)] [string] $Output
)
$ErrorActionPreference = 'Stop'
Import-Module $Module -Force
$manifest = Import-PowerShellDataFile $Module
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
$standard = @{
    WhatIf            = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm           = 'Prompts you for confirmation before running the cmdlet.'
    First             = 'Gets only the first N objects.'
    Skip              = 'Skips the first N objects.'
    IncludeTotalCount = 'Reports the total number of matches before the objects (an estimate of 1.0 accuracy: exact).'
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
New-Item -ItemType Directory -Force -Path (Split-Path $Output) | Out-Null
$w = [System.Xml.XmlWriter]::Create($Output, $settings)

function Paras([string[]] $texts) {
    $w.WriteStartElement('maml', 'description', $maml)
    foreach ($t in $texts) { foreach ($p in ($t -split "`n`n")) { $w.WriteElementString('maml', 'para', $maml, $p.Trim()) } }
    $w.WriteEndElement()
}
function TypeName([type] $t) {
    if ($t -eq [System.Management.Automation.SwitchParameter]) { return 'SwitchParameter' }
    $n = [Nullable]::GetUnderlyingType($t)
    if ($n) { return $n.Name }
    $t.Name
}
# The value a parameter has when it is not given, read from a fresh cmdlet object (so help cannot drift from
# the code): shown when it means something (not null, empty, 0 or false); else 'None'.
function DefaultValue($instance, [string] $name) {
    $property = $instance.GetType().GetProperty($name)
    if (-not $property) { return 'None' }
    $value = $property.GetValue($instance)
    if ($null -eq $value -or $value -is [System.Management.Automation.SwitchParameter] -or $value -is [bool]) { return 'None' }
    if ($value -is [string] -and $value -eq '') { return 'None' }
    if ($value -is [array] -and $value.Count -eq 0) { return 'None' }
    if (($value -is [int] -or $value -is [long] -or $value -is [double] -or $value -is [decimal]) -and $value -eq 0) { return 'None' }
    [string] $value
}
function Parameter($p, $set, [string] $description) {
    $w.WriteStartElement('command', 'parameter', $cmd)
    $pipeline = @(if ($set.ValueFromPipeline) { 'True (ByValue)' }; if ($set.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' })
    $w.WriteAttributeString('required', "$($set.IsMandatory)".ToLower())
    $w.WriteAttributeString('variableLength', "$($p.ParameterType.IsArray)".ToLower())
    $w.WriteAttributeString('globbing', "$([bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }))".ToLower())
    $w.WriteAttributeString('pipelineInput', $(if ($pipeline) { $pipeline -join ', ' } else { 'False' }))
    $w.WriteAttributeString('position', $(if ($set.Position -ge 0) { "$($set.Position)" } else { 'named' }))
    $w.WriteAttributeString('aliases', $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $maml, $p.Name)
    Paras $description
    $type = TypeName $p.ParameterType
    if ($type -ne 'SwitchParameter') {
        $w.WriteStartElement('command', 'parameterValue', $cmd)
        $w.WriteAttributeString('required', 'true')
        $w.WriteAttributeString('variableLength', "$($p.ParameterType.IsArray)".ToLower())
        $w.WriteString($type)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $dev); $w.WriteElementString('maml', 'name', $maml, $type); $w.WriteEndElement()
    $w.WriteElementString('dev', 'defaultValue', $dev, (DefaultValue $instance $p.Name))
    $w.WriteEndElement()
}

$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')
foreach ($name in $manifest.CmdletsToExport) {
    $file = Join-Path $Source "$name.psd1"
    if (-not (Test-Path $file)) { throw "no help source for $name ($file)" }
    $h = Import-PowerShellDataFile $file
    if (@($h.Examples).Count -lt 2) { throw "$name needs at least two examples" }
    $info = Get-Command $name
    $instance = [Activator]::CreateInstance($info.ImplementingType)
    $params = $info.Parameters.Values | Where-Object { $_.Name -notin $common -or $_.Name -in 'WhatIf', 'Confirm' }
    $described = @{}
    foreach ($p in $params) {
        $text = if ($h.Parameters -and $h.Parameters[$p.Name]) { $h.Parameters[$p.Name] } else { $standard[$p.Name] }
        if (-not $text) { throw "$name -$($p.Name) has no description in $file" }
        $described[$p.Name] = $text
    }

    $w.WriteStartElement('command', 'command', $cmd)
    $w.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $w.WriteStartElement('command', 'details', $cmd)
    $w.WriteElementString('command', 'name', $cmd, $name)
    Paras $h.Synopsis
    $w.WriteElementString('command', 'verb', $cmd, $info.Verb)
    $w.WriteElementString('command', 'noun', $cmd, $info.Noun)
    $w.WriteEndElement()
    Paras $h.Description

    $w.WriteStartElement('command', 'syntax', $cmd)
    foreach ($set in $info.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $cmd)
        $w.WriteElementString('maml', 'name', $maml, $name)
        foreach ($sp in $set.Parameters | Where-Object { $described.ContainsKey($_.Name) }) {
            Parameter $info.Parameters[$sp.Name] $sp $described[$sp.Name]
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $cmd)
    foreach ($p in $params) {
        $set = $p.ParameterSets.Values | Select-Object -First 1
        Parameter $p $set $described[$p.Name]
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'inputTypes', $cmd)
    foreach ($in in @($h.Inputs)) {
        if (-not $in) { continue }
        $w.WriteStartElement('command', 'inputType', $cmd)
        $w.WriteStartElement('dev', 'type', $dev); $w.WriteElementString('maml', 'name', $maml, $in.Type); $w.WriteEndElement()
        Paras $in.Description
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteStartElement('command', 'returnValues', $cmd)
    foreach ($out in @($h.Outputs)) {
        if (-not $out) { continue }
        $w.WriteStartElement('command', 'returnValue', $cmd)
        $w.WriteStartElement('dev', 'type', $dev); $w.WriteElementString('maml', 'name', $maml, $out.Type); $w.WriteEndElement()
        Paras $out.Description
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    if ($h.Notes) {
        $w.WriteStartElement('maml', 'alertSet', $maml)
        $w.WriteStartElement('maml', 'alert', $maml)
        foreach ($p in ($h.Notes -split "`n`n")) { $w.WriteElementString('maml', 'para', $maml, $p.Trim()) }
        $w.WriteEndElement(); $w.WriteEndElement()
    }

    $w.WriteStartElement('command', 'examples', $cmd)
    $i = 0
    foreach ($ex in $h.Examples) {
        $i++
        $w.WriteStartElement('command', 'example', $cmd)
        $w.WriteElementString('maml', 'title', $maml, "-------------------------- Example ${i}: $($ex.Title) --------------------------")
        $w.WriteElementString('dev', 'code', $dev, $ex.Code.Trim())
        $w.WriteStartElement('dev', 'remarks', $dev)
        foreach ($p in ($ex.Remarks -split "`n`n")) { $w.WriteElementString('maml', 'para', $maml, $p.Trim()) }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $cmd)
    foreach ($link in @($h.Links)) {
        if (-not $link) { continue }
        $w.WriteStartElement('maml', 'navigationLink', $maml)
        $w.WriteElementString('maml', 'linkText', $maml, $link)
        $w.WriteElementString('maml', 'uri', $maml, '')
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndElement()
}
$w.WriteEndElement()
$w.WriteEndDocument()
$w.Close()
"help for $(@($manifest.CmdletsToExport).Count) cmdlets written to $Output"
