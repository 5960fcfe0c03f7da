using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Remove-StarmapModel: deletes one provider's model offering (the definition is kept). High impact: it asks first unless -Confirm:$false.</summary>
[Cmdlet(VerbsCommon.Remove, "StarmapModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapModel")]
public sealed class RemoveStarmapModelCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";

    /// <summary>Provider ID.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string Provider { get; set; } = "";

    /// <summary>The provider's model ID.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("ModelId")]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string Id { get; set; } = "";

    /// <summary>A model from Get-StarmapModel.</summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public StarmapModel? InputObject { get; set; }

    /// <summary>Write the removed model.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var provider = InputObject?.ProviderId ?? Provider;
        var id = InputObject?.ModelId ?? Id;
        try
        {
            // Looked up first: a model that is not there is ModelNotFound, never a "What if" line.
            var before = InputObject ?? Await(CatalogReader.FindModelAsync(provider, id));
            if (before is null)
            {
                Await(CatalogWriter.RemoveModelAsync(provider, id)); // reports ModelNotFound, removes nothing
                return;
            }
            if (!ShouldProcess($"model '{id}' of provider '{provider}'", "Remove"))
            {
                return;
            }
            Await(CatalogWriter.RemoveModelAsync(provider, id));
            WriteVerbose($"Removed {provider}/{id}.");
            if (PassThru && before is not null)
            {
                WriteObject(before);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }
}
