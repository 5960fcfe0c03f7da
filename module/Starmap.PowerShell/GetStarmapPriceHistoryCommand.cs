using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Get-StarmapPriceHistory: every price one offering had since the change log starts, oldest first: the
/// pricing in force at the log's start, then each generation that changed a price component.
/// </summary>
[Cmdlet(VerbsCommon.Get, "StarmapPriceHistory")]
[OutputType(typeof(StarmapPricePoint))]
public sealed class GetStarmapPriceHistoryCommand : StarmapCmdlet
{
    /// <summary>Provider ID.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string Provider { get; set; } = "";

    /// <summary>The provider's model ID.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ModelId")]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string Model { get; set; } = "";

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        try
        {
            foreach (var point in Await(HistoryCalls.PriceHistoryAsync(Provider, Model)))
            {
                WriteObject(point);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }
}
