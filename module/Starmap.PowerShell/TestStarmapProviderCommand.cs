using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Test-StarmapProvider: calls providers' list-models APIs live, from the cluster, and reports status, latency and model count.</summary>
[Cmdlet(VerbsDiagnostic.Test, "StarmapProvider")]
[OutputType("Starmap.PowerShell.StarmapProviderTest")]
public sealed class TestStarmapProviderCommand : StarmapCmdlet
{
    /// <summary>Provider IDs; strings or objects with ProviderId from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[] Provider { get; set; } = [];

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var id in Provider)
        {
            try
            {
                WriteObject(Await(CatalogFiles.TestProviderAsync(id, Cancellation)));
            }
            catch (StarmapCommandException failure)
            {
                Report(failure);
            }
        }
    }
}
