using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Remove-StarmapProvider: deletes providers by exact ID (never wildcards: a delete names what it deletes) with
/// the models it serves; what else refers to it is named by the plan (see CatalogWriter.PlanProviderRemoveAsync).
/// High impact: it asks first unless -Confirm:$false. A piped provider carries its Version; a piped string is an ID;
/// any other piped object is refused (WrongInputType), never read as a provider to delete.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "StarmapProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapProvider")]
public sealed class RemoveStarmapProviderCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";

    /// <summary>Provider IDs (exact).</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[] Id { get; set; } = [];

    /// <summary>
    /// A provider from Get-StarmapProvider (removed only if it has not changed since it was read, unless -Force), or a
    /// provider ID as a string. Nothing else: an object of another kind that has a ProviderId (a model, a
    /// quarantine row) is refused, not read as a provider to delete.
    /// </summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>Write each removed provider as it was.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>Remove a piped provider even when it changed since it was read.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByObject)
        {
            WritePipedRemoval<StarmapProvider>(InputObject, "provider IDs or providers from Get-StarmapProvider",
                read => CatalogWriter.PlanProviderRemoveAsync(read.ProviderId, read, Force), id => CatalogWriter.PlanProviderRemoveAsync(id, null, Force), PassThru);
            return;
        }
        foreach (var id in Id)
        {
            WritePlanned(() => CatalogWriter.PlanProviderRemoveAsync(id, null, Force), PassThru);
        }
    }
}
