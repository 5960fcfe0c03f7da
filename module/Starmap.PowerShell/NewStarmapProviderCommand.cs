using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// New-StarmapProvider: adds a provider record (without models). A provider that already exists is
/// ProviderAlreadyExists and stays as it is; Set-StarmapProvider changes it.
/// </summary>
[Cmdlet(VerbsCommon.New, "StarmapProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType("Starmap.PowerShell.StarmapProvider")]
public sealed class NewStarmapProviderCommand : StarmapCmdlet
{
    private static readonly string[] Fields =
    [
        nameof(Name), nameof(Description), nameof(Headquarters), nameof(Aliases), nameof(DocsUrl), nameof(ListUrl),
        nameof(ListType), nameof(KeyVariables), nameof(KeyRequired), nameof(Authors),
    ];

    /// <summary>Provider ID (lower-case kebab-case).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProviderId")]
    public string Id { get; set; } = "";

    /// <summary>Display name; the ID when not given.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Name { get; set; }

    /// <summary>Description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Description { get; set; }

    /// <summary>Headquarters.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Headquarters { get; set; }

    /// <summary>Other IDs that name the provider.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Alias")]
    public string[]? Aliases { get; set; }

    /// <summary>API documentation URL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? DocsUrl { get; set; }

    /// <summary>List-models URL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? ListUrl { get; set; }

    /// <summary>API family of the list.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("openai", "anthropic", "google", "google-cloud", "ollama", "openrouter")]
    public string? ListType { get; set; }

    /// <summary>Environment variables that may hold the key (names only).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("KeyVariable")]
    public string[]? KeyVariables { get; set; }

    /// <summary>Whether listing models needs a key; -KeyRequired:$false for public lists.</summary>
    [Parameter] public SwitchParameter KeyRequired { get; set; }

    /// <summary>Authors whose models the provider hosts.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Author")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[]? Authors { get; set; }

    /// <summary>Write the provider as stored.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var changes = BoundChanges(Fields);
        WritePlanned(() => CatalogWriter.PlanProviderCreateAsync(Id, changes), PassThru);
    }
}
