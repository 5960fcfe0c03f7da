using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// New-StarmapAuthor: adds an author record. An author that already exists is AuthorAlreadyExists
/// and stays as it is; Set-StarmapAuthor changes it.
/// </summary>
[Cmdlet(VerbsCommon.New, "StarmapAuthor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType("Starmap.PowerShell.StarmapAuthor")]
public sealed class NewStarmapAuthorCommand : StarmapCmdlet
{
    private static readonly string[] Fields =
        [nameof(Name), nameof(Description), nameof(Headquarters), nameof(Aliases), nameof(Website), nameof(HuggingFace), nameof(GitHub)];

    /// <summary>Author ID (lower-case kebab-case).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AuthorId")]
    public string Id { get; set; } = "";

    /// <summary>Display name; the ID when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Name { get; set; }

    /// <summary>Description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Description { get; set; }

    /// <summary>Headquarters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Headquarters { get; set; }

    /// <summary>Other IDs that name the author.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Alias")]
    public string[]? Aliases { get; set; }

    /// <summary>Website.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Website { get; set; }

    /// <summary>Hugging Face organisation.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? HuggingFace { get; set; }

    /// <summary>GitHub organisation.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? GitHub { get; set; }

    /// <summary>Write the author as stored.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var changes = BoundChanges(Fields);
        WritePlanned(() => CatalogWriter.PlanAuthorCreateAsync(Id, changes), PassThru);
    }
}
