using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Restore-StarmapAuthor: puts an author and its model definitions back to their state at a generation or time, as a new write (see <see cref="RestoreCommandBase"/>).</summary>
[Cmdlet(VerbsData.Restore, "StarmapAuthor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByGeneration)]
[OutputType(typeof(StarmapRestoreResult))]
public sealed class RestoreStarmapAuthorCommand : RestoreCommandBase
{
    /// <summary>Author ID.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AuthorId")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string Id { get; set; } = "";

    private protected override bool IsAuthor => true;

    private protected override string EntityId => Id;
}
