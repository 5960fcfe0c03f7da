@{
    Synopsis    = "Calls providers' list-models APIs live and reports status, latency and model count."
    Description = @'
Test-StarmapProvider checks that a provider's list-models API answers, from the cluster: the silo calls it with the silo's key and network, exactly as a sync would, and nothing is written (it is a dry-run sync of that one source): not the catalog, and not the provider's last sync outcome either. The result says Ok with the number of models listed and the latency, Failed with the reason, or Skipped when the silo has no key for the provider.
'@
    Parameters  = @{
        Provider = 'Provider IDs to test. Accepts strings and objects with a ProviderId property from the pipeline.'
    }
    Inputs      = @(@{ Type = 'System.String'; Description = 'Provider IDs, by value or as ProviderId by property name.' })
    Outputs     = @(@{ Type = 'Starmap.PowerShell.StarmapProviderTest'; Description = 'One result per provider.' })
    Examples    = @(
        @{ Title = 'Test one provider'; Code = 'Test-StarmapProvider openai'; Remarks = 'Shows Ok, the model count and the latency, or why it failed.' }
        @{ Title = 'Test every provider'; Code = "Get-StarmapProvider | Test-StarmapProvider | Where-Object Status -ne 'Ok'"; Remarks = 'Lists providers whose API did not answer or that the silo has no key for.' }
    )
    Links       = @('Sync-StarmapProvider', 'Get-StarmapProvider')
}
