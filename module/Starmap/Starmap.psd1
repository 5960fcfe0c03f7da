@{
    RootModule           = 'Starmap.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'cff9e963-5b54-435c-88bc-0c9bc1a04eaf'
    Author               = 'Starmap.Orleans contributors'
    CompanyName          = 'Starmap.Orleans'
    Copyright            = '(c) Starmap.Orleans contributors'
    Description          = 'Administer a Starmap.Orleans catalog of AI models, providers and authors: query, sync, edit, schedule, import and export over the Orleans client.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Starmap.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Starmap'
        'Disconnect-Starmap'
        'Get-StarmapConnection'
        'Get-StarmapModel'
        'Get-StarmapProvider'
        'Get-StarmapAuthor'
        'Get-StarmapEndpoint'
        'Get-StarmapModelEndpoint'
        'Get-StarmapQuarantine'
        'Get-StarmapChange'
        'Sync-StarmapProvider'
        'New-StarmapModel'
        'Set-StarmapModel'
        'Remove-StarmapModel'
        'New-StarmapProvider'
        'Set-StarmapProvider'
        'New-StarmapAuthor'
        'Set-StarmapAuthor'
        'Remove-StarmapProvider'
        'Remove-StarmapAuthor'
        'Get-StarmapSyncSchedule'
        'Set-StarmapSyncSchedule'
        'Remove-StarmapSyncSchedule'
        'Get-StarmapSyncHistory'
        'Export-StarmapCatalog'
        'Import-StarmapCatalog'
        'Test-StarmapProvider'
        'Measure-StarmapCost'
        'Get-StarmapPriceHistory'
        'Compare-StarmapCatalog'
        'Restore-StarmapProvider'
        'Restore-StarmapAuthor'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('Starmap', 'Orleans', 'AI', 'LLM', 'Models', 'Catalog')
        }
    }
}
