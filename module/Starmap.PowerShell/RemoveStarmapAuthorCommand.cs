using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Remove-StarmapAuthor: deletes authors by exact ID (never wildcards: a delete names what it deletes) with
/// the model definitions it owns; what else refers to it is named by the plan (see CatalogWriter.PlanAuthorRemoveAsync).
/// High impact: it asks first unless -Confirm:$false. A piped object carries its Version.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "StarmapAuthor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapAuthor")]
public sealed class RemoveStarmapAuthorCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";

    /// <summary>Author IDs (exact).</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("AuthorId")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[] Id { get; set; } = [];

    /// <summary>An author from Get-StarmapAuthor; removed only if it has not changed since it was read, unless -Force.</summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public StarmapAuthor? InputObject { get; set; }

    /// <summary>Write each removed author as it was.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>Remove a piped author even when it changed since it was read; and an author still referred to by models or providers (which keep their references).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            WritePlanned(() => CatalogWriter.PlanAuthorRemoveAsync(InputObject.AuthorId, InputObject, Force), PassThru);
            return;
        }
        foreach (var id in Id)
        {
            WritePlanned(() => CatalogWriter.PlanAuthorRemoveAsync(id, null, Force), PassThru);
        }
    }
}
