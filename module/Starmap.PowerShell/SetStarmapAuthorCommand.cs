using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Set-StarmapAuthor: changes fields of an existing author record; its definitions are kept. New-StarmapAuthor adds one.</summary>
[Cmdlet(VerbsCommon.Set, "StarmapAuthor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapAuthor")]
public sealed class SetStarmapAuthorCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";
    private static readonly string[] Fields =
        [nameof(Name), nameof(Description), nameof(Headquarters), nameof(Aliases), nameof(Website), nameof(HuggingFace), nameof(GitHub)];

    /// <summary>Author ID (lower-case kebab-case).</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AuthorId")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string Id { get; set; } = "";

    /// <summary>An author from Get-StarmapAuthor, possibly with edited properties.</summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public StarmapAuthor? InputObject { get; set; }

    /// <summary>Display name.</summary>
    [Parameter] public string? Name { get; set; }

    /// <summary>Description.</summary>
    [Parameter] public string? Description { get; set; }

    /// <summary>Headquarters.</summary>
    [Parameter] public string? Headquarters { get; set; }

    /// <summary>Other IDs that name the author.</summary>
    [Parameter]
    [Alias("Alias")]
    public string[]? Aliases { get; set; }

    /// <summary>Website.</summary>
    [Parameter] public string? Website { get; set; }

    /// <summary>Hugging Face organisation.</summary>
    [Parameter] public string? HuggingFace { get; set; }

    /// <summary>GitHub organisation.</summary>
    [Parameter] public string? GitHub { get; set; }

    /// <summary>Write the author as stored.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>Write the changed fields even when the author changed since the piped object was read (only those fields are written).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var id = InputObject?.AuthorId ?? Id;
        var changes = BoundChanges(Fields);
        WritePlanned(() => CatalogWriter.PlanAuthorUpdateAsync(id, InputObject, changes, Force), PassThru);
    }
}
