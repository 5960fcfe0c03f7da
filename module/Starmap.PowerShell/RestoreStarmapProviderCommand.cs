using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Restore-StarmapProvider: puts a provider and its offerings back to their state at a generation or time, as a new write (see <see cref="RestoreCommandBase"/>).</summary>
[Cmdlet(VerbsData.Restore, "StarmapProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByGeneration)]
[OutputType(typeof(StarmapRestoreResult))]
public sealed class RestoreStarmapProviderCommand : RestoreCommandBase
{
    /// <summary>Provider ID.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string Id { get; set; } = "";

    private protected override bool IsAuthor => false;

    private protected override string EntityId => Id;
}
