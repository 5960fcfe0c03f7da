using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Remove-StarmapModel: deletes one provider's model offering (the definition is kept). High impact: it asks
/// first unless -Confirm:$false. The pipeline takes only models from Get-StarmapModel: any other object with a
/// ProviderId and a ModelId (a quarantine row, a change, an endpoint row) is refused rather than read as a
/// model to delete.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "StarmapModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapModel")]
public sealed class RemoveStarmapModelCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";

    /// <summary>Provider ID.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0)]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string Provider { get; set; } = "";

    /// <summary>The provider's model ID.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 1)]
    [Alias("ModelId")]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string Id { get; set; } = "";

    /// <summary>A model from Get-StarmapModel; removed only if it has not changed since it was read, unless -Force.</summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>Write each removed model as it was when removed.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>Remove a piped model even when it changed since it was read.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ById)
        {
            WritePlanned(() => CatalogWriter.PlanModelRemoveAsync(Provider, Id, null, Force), PassThru);
            return;
        }
        WritePipedRemoval<StarmapModel>(InputObject, "models from Get-StarmapModel (or -Provider and -Id)",
            model => CatalogWriter.PlanModelRemoveAsync(model.ProviderId, model.ModelId, model, Force), ofId: null, PassThru);
    }
}
