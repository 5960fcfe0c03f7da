using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Set-StarmapModel: changes fields of an existing model; only the fields given (or edited on a piped
/// object) are written. A model that does not exist is ModelNotFound: New-StarmapModel adds one.
/// </summary>
[Cmdlet(VerbsCommon.Set, "StarmapModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByObject)]
[OutputType("Starmap.PowerShell.StarmapModel")]
public sealed class SetStarmapModelCommand : StarmapCmdlet
{
    private const string ById = "ById";
    private const string ByObject = "InputObject";
    private static readonly string[] Fields =
    [
        nameof(Name), nameof(DefinitionId), nameof(ContextWindow), nameof(MaxInputTokens), nameof(MaxOutputTokens),
        nameof(InputPrice), nameof(OutputPrice), nameof(ReasoningPrice), nameof(CacheReadPrice), nameof(CacheWritePrice),
        nameof(Status), nameof(Availability), nameof(Authors),
    ];

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

    /// <summary>A model from Get-StarmapModel, possibly with edited properties.</summary>
    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public StarmapModel? InputObject { get; set; }

    /// <summary>Display name.</summary>
    [Parameter] public string? Name { get; set; }

    /// <summary>Linked definition (author/slug).</summary>
    [Parameter] public string? DefinitionId { get; set; }

    /// <summary>Context window in tokens; $null makes it unknown.</summary>
    [Parameter] public long? ContextWindow { get; set; }

    /// <summary>Largest input in tokens.</summary>
    [Parameter] public long? MaxInputTokens { get; set; }

    /// <summary>Largest output in tokens.</summary>
    [Parameter] public long? MaxOutputTokens { get; set; }

    /// <summary>Price per 1M input tokens; $null makes it unknown.</summary>
    [Parameter] public decimal? InputPrice { get; set; }

    /// <summary>Price per 1M output tokens.</summary>
    [Parameter] public decimal? OutputPrice { get; set; }

    /// <summary>Price per 1M reasoning tokens.</summary>
    [Parameter] public decimal? ReasoningPrice { get; set; }

    /// <summary>Price per 1M cached input tokens read.</summary>
    [Parameter] public decimal? CacheReadPrice { get; set; }

    /// <summary>Price per 1M tokens written to the cache.</summary>
    [Parameter] public decimal? CacheWritePrice { get; set; }

    /// <summary>Lifecycle status.</summary>
    [Parameter]
    [ValidateSet("unknown", "active", "beta", "preview", "deprecated", "retired")]
    public string? Status { get; set; }

    /// <summary>Availability.</summary>
    [Parameter]
    [ValidateSet("unknown", "available", "restricted", "unavailable")]
    public string? Availability { get; set; }

    /// <summary>Authors credited on the provider's side.</summary>
    [Parameter]
    [Alias("Author")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[]? Authors { get; set; }

    /// <summary>Write the model as stored.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>Write the changed fields even when the model changed since the piped object was read (only those fields are written).</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var provider = InputObject?.ProviderId ?? Provider;
        var id = InputObject?.ModelId ?? Id;
        var changes = BoundChanges(Fields);
        WritePlanned(() => CatalogWriter.PlanModelUpdateAsync(provider, id, InputObject, changes, Force), PassThru);
    }
}
