BeforeDiscovery {
    # The manifest is the source of truth for what is exported; every cmdlet gets its own help tests.
    $manifest = Import-PowerShellDataFile $env:STARMAP_MODULE
    $script:cmdlets = $manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } }
    # The exact parameter surface of every cmdlet (common parameters aside), pinned so a change is deliberate.
    $surface = [ordered]@{
        'Connect-Starmap'            = 'ClusterId,Gateway,Save,ServiceId,TimeoutSec,TlsThumbprint,UseTls'
        'Disconnect-Starmap'         = ''
        'Get-StarmapConnection'      = ''
        'Get-StarmapModel'           = 'At,Author,Descending,Family,Feature,First,Generation,Id,IncludeTotalCount,InputModality,MaxInputPrice,MaxOutputPrice,MinContext,Name,OpenWeights,OutputModality,Provider,ReleasedAfter,ReleasedBefore,Search,Skip,SortBy,Status,WithoutFeature'
        'Get-StarmapProvider'        = 'Id,Name'
        'Get-StarmapAuthor'          = 'Id,Name'
        'Get-StarmapEndpoint'        = 'Id,Provider'
        'Get-StarmapModelEndpoint'   = 'Id'
        'Get-StarmapQuarantine'      = 'Field,Model,Provider'
        'Get-StarmapChange'          = 'Author,Bookkeeping,Field,First,Last,Model,Provider,Since,SinceGeneration,Until'
        'Sync-StarmapProvider'       = 'All,AsJob,Discover,Force,PassThru,Provider,Source,ThrottleLimit'
        'New-StarmapModel'           = 'Authors,Availability,CacheReadPrice,CacheWritePrice,ContextWindow,DefinitionId,Id,InputPrice,MaxInputTokens,MaxOutputTokens,Name,OutputPrice,PassThru,Provider,ReasoningPrice,Status'
        'Set-StarmapModel'           = 'Authors,Availability,CacheReadPrice,CacheWritePrice,ContextWindow,DefinitionId,Force,Id,InputObject,InputPrice,MaxInputTokens,MaxOutputTokens,Name,OutputPrice,PassThru,Provider,ReasoningPrice,Status'
        'Remove-StarmapModel'        = 'Force,Id,InputObject,PassThru,Provider'
        'New-StarmapProvider'        = 'Aliases,Authors,Description,DocsUrl,Headquarters,Id,KeyRequired,KeyVariables,ListType,ListUrl,Name,PassThru'
        'Set-StarmapProvider'        = 'Aliases,Authors,Description,DocsUrl,Force,Headquarters,Id,InputObject,KeyRequired,KeyVariables,ListType,ListUrl,Name,PassThru'
        'New-StarmapAuthor'          = 'Aliases,Description,GitHub,Headquarters,HuggingFace,Id,Name,PassThru,Website'
        'Set-StarmapAuthor'          = 'Aliases,Description,Force,GitHub,Headquarters,HuggingFace,Id,InputObject,Name,PassThru,Website'
        'Remove-StarmapProvider'     = 'Force,Id,InputObject,PassThru'
        'Remove-StarmapAuthor'       = 'Force,Id,InputObject,PassThru'
        'Get-StarmapSyncSchedule'    = 'Enabled,Provider'
        'Set-StarmapSyncSchedule'    = 'Interval,PassThru,Provider'
        'Remove-StarmapSyncSchedule' = 'PassThru,Provider'
        'Get-StarmapSyncHistory'     = 'Last,Provider'
        'Export-StarmapCatalog'      = 'Force,Format,LiteralPath,PassThru,Path'
        'Import-StarmapCatalog'      = 'Force,Format,LiteralPath,Path'
        'Test-StarmapProvider'       = 'Provider'
        'Measure-StarmapCost'        = 'At,CacheReadTokens,CacheWriteTokens,GeneratedImages,InputImages,InputObject,InputTokens,Model,OutputTokens,Provider,ReasoningTokens,Requests,WebSearches'
        'Get-StarmapPriceHistory'    = 'Model,Provider'
        'Compare-StarmapCatalog'     = 'Author,From,Provider,To'
        'Restore-StarmapProvider'    = 'At,Force,Generation,Id,PassThru'
        'Restore-StarmapAuthor'      = 'At,Force,Generation,Id,PassThru'
    }
    $script:surfaces = $surface.GetEnumerator() | ForEach-Object { @{ Name = $_.Key; Expected = $_.Value } }
    $script:changing = $manifest.CmdletsToExport | Where-Object { $_ -match '^(New|Set|Remove|Sync|Import|Export|Restore)-' } | ForEach-Object { @{ Name = $_ } }
}

Describe 'Module' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Import-PowerShellDataFile $env:STARMAP_MODULE
        $exported = (Get-Module Starmap).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        (Get-Command -Module Starmap).Verb | Where-Object { $_ -notin $approved } | Should -BeNullOrEmpty
    }

    It 'pins the parameter surface of <Name>' -TestCases $surfaces {
        param($Name, $Expected)
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        ((Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object) -join ',' | Should -Be $Expected
    }

    It 'every exported cmdlet has a pinned surface' {
        $manifest = Import-PowerShellDataFile $env:STARMAP_MODULE
        @($manifest.CmdletsToExport).Count | Should -Be @($surfaces).Count
    }

    It '<Name> supports -WhatIf and -Confirm' -TestCases $changing {
        param($Name)
        (Get-Command $Name).Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'declares a module-owned output type on <Name>' -TestCases $cmdlets {
        param($Name)
        $types = (Get-Command $Name).OutputType.Name
        if ($Name -ne 'Disconnect-Starmap') {
            $types | Should -Not -BeNullOrEmpty
            $types | Where-Object { $_ -in 'System.Management.Automation.PSObject', 'System.Object', 'System.String' } | Should -BeNullOrEmpty
        }
    }

    It 'the cmdlet assembly sees only PowerShell and the Engine (Orleans stays in the private context)' {
        $names = (Get-Command Get-StarmapModel).ImplementingType.Assembly.GetReferencedAssemblies().Name
        $names | Where-Object { $_ -like 'Orleans*' -or $_ -like 'Microsoft.Extensions*' -or $_ -eq 'Starmap.Abstractions' } | Should -BeNullOrEmpty
        $names | Should -Contain 'Starmap.PowerShell.Engine'
    }

    It 'names its output types as type literals in scripts, though they live in the module''s load context' {
        (Get-StarmapModel -First 1) -is [Starmap.PowerShell.StarmapModel] | Should -BeTrue
        (Get-StarmapProvider openai) -is [Starmap.PowerShell.StarmapProvider] | Should -BeTrue
        [Starmap.PowerShell.StarmapSyncResult].FullName | Should -Be 'Starmap.PowerShell.StarmapSyncResult'
    }

    It 'loads Orleans into the Starmap load context, not the default one' {
        $orleans = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Orleans.Core' }
        $orleans | Should -Not -BeNullOrEmpty
        foreach ($a in $orleans) {
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).Name | Should -Be 'Starmap'
        }
    }

    It 'has an about_Starmap topic' {
        (Get-Help about_Starmap | Out-String) | Should -Match 'SHORT DESCRIPTION'
    }

    Context 'help of <Name>' -ForEach $cmdlets {
        BeforeAll { $help = Get-Help $Name -Full }

        It 'has a synopsis' {
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis | Should -Not -BeLike "*$Name*[<CommonParameters>]*"
        }

        It 'has a description' {
            ($help.Description.Text -join '') | Should -Not -BeNullOrEmpty
        }

        It 'has at least two examples' {
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
            @(Get-Help $Name -Examples).Examples.Example[0].Code | Should -Not -BeNullOrEmpty
        }

        It 'describes every parameter' {
            $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
            foreach ($p in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
                $described = $help.Parameters.Parameter | Where-Object Name -eq $p
                ($described.Description.Text -join '') | Should -Not -BeNullOrEmpty -Because "parameter -$p of $Name needs a description"
            }
        }
    }
}
