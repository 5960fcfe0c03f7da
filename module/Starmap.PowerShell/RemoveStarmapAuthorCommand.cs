using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Remove-StarmapAuthor: deletes authors by exact ID (never wildcards: a delete names what it deletes) with
/// the model definitions it owns; what else refers to it is named by the plan (see CatalogWriter.PlanAuthorRemoveAsync).
/// High impact: it asks first unless -Confirm:$false. A piped author carries its Version; a piped string is an ID;
/// any other piped object is refused (WrongInputType), never read as an author to delete.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "StarmapAuthor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapAuthor")]
public sealed class RemoveStarmapAuthorCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";

    /// <summary>Author IDs (exact).</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [Alias("AuthorId")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[] Id { get; set; } = [];

    /// <summary>
    /// An author from Get-StarmapAuthor (removed only if it has not changed since it was read, unless -Force), or an
    /// author ID as a string. Nothing else: an object of another kind that has an AuthorId (a definition, a
    /// provider listing its authors) is refused, not read as an author to delete.
    /// </summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>Write each removed author as it was.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>Remove a piped author even when it changed since it was read; and an author still referred to by models or providers (which keep their references).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByObject)
        {
            WritePipedRemoval<StarmapAuthor>(InputObject, "author IDs or authors from Get-StarmapAuthor",
                read => CatalogWriter.PlanAuthorRemoveAsync(read.AuthorId, read, Force), id => CatalogWriter.PlanAuthorRemoveAsync(id, null, Force), PassThru);
            return;
        }
        foreach (var id in Id)
        {
            WritePlanned(() => CatalogWriter.PlanAuthorRemoveAsync(id, null, Force), PassThru);
        }
    }
}
