using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Set-StarmapProvider: changes fields of an existing provider record; its offerings are kept. New-StarmapProvider adds one.</summary>
[Cmdlet(VerbsCommon.Set, "StarmapProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapProvider")]
public sealed class SetStarmapProviderCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";
    private static readonly string[] Fields =
    [
        nameof(Name), nameof(Description), nameof(Headquarters), nameof(Aliases), nameof(DocsUrl), nameof(ListUrl),
        nameof(ListType), nameof(KeyVariables), nameof(KeyRequired), nameof(Authors),
    ];

    /// <summary>Provider ID (lower-case kebab-case).</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string Id { get; set; } = "";

    /// <summary>A provider from Get-StarmapProvider, possibly with edited properties.</summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public StarmapProvider? InputObject { get; set; }

    /// <summary>Display name.</summary>
    [Parameter] public string? Name { get; set; }

    /// <summary>Description.</summary>
    [Parameter] public string? Description { get; set; }

    /// <summary>Headquarters.</summary>
    [Parameter] public string? Headquarters { get; set; }

    /// <summary>Other IDs that name the provider.</summary>
    [Parameter]
    [Alias("Alias")]
    public string[]? Aliases { get; set; }

    /// <summary>API documentation URL.</summary>
    [Parameter] public string? DocsUrl { get; set; }

    /// <summary>List-models URL.</summary>
    [Parameter] public string? ListUrl { get; set; }

    /// <summary>API family of the list.</summary>
    [Parameter]
    [ValidateSet("openai", "anthropic", "google", "google-cloud", "ollama", "openrouter")]
    public string? ListType { get; set; }

    /// <summary>Environment variables that may hold the key (names only).</summary>
    [Parameter]
    [Alias("KeyVariable")]
    public string[]? KeyVariables { get; set; }

    /// <summary>Whether listing models needs a key; -KeyRequired:$false for public lists.</summary>
    [Parameter] public SwitchParameter KeyRequired { get; set; }

    /// <summary>Authors whose models the provider hosts.</summary>
    [Parameter]
    [Alias("Author")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[]? Authors { get; set; }

    /// <summary>Write the provider as stored.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>Write the changed fields even when the provider changed since the piped object was read (only those fields are written).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var id = InputObject?.ProviderId ?? Id;
        var changes = BoundChanges(Fields);
        WritePlanned(() => CatalogWriter.PlanProviderUpdateAsync(id, InputObject, changes, Force), PassThru);
    }
}
