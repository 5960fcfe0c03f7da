using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// New-StarmapModel: adds a model to an existing provider. A model that already exists is
/// ModelAlreadyExists and stays as it is; Set-StarmapModel changes it.
/// </summary>
[Cmdlet(VerbsCommon.New, "StarmapModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType("Starmap.PowerShell.StarmapModel")]
public sealed class NewStarmapModelCommand : StarmapCmdlet
{
    private static readonly string[] Fields =
    [
        nameof(Name), nameof(DefinitionId), nameof(ContextWindow), nameof(MaxInputTokens), nameof(MaxOutputTokens),
        nameof(InputPrice), nameof(OutputPrice), nameof(ReasoningPrice), nameof(CacheReadPrice), nameof(CacheWritePrice),
        nameof(Status), nameof(Availability), nameof(Authors),
    ];

    /// <summary>Provider ID; the provider must exist.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string Provider { get; set; } = "";

    /// <summary>The provider's model ID, exactly as its API spells it.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("ModelId")]
    public string Id { get; set; } = "";

    /// <summary>Display name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? Name { get; set; }

    /// <summary>Linked definition (author/slug).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public string? DefinitionId { get; set; }

    /// <summary>Context window in tokens.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public long? ContextWindow { get; set; }

    /// <summary>Largest input in tokens.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public long? MaxInputTokens { get; set; }

    /// <summary>Largest output in tokens.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public long? MaxOutputTokens { get; set; }

    /// <summary>Price per 1M input tokens.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public decimal? InputPrice { get; set; }

    /// <summary>Price per 1M output tokens.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public decimal? OutputPrice { get; set; }

    /// <summary>Price per 1M reasoning tokens.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public decimal? ReasoningPrice { get; set; }

    /// <summary>Price per 1M cached input tokens read.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public decimal? CacheReadPrice { get; set; }

    /// <summary>Price per 1M tokens written to the cache.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)] public decimal? CacheWritePrice { get; set; }

    /// <summary>Lifecycle status.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("unknown", "active", "beta", "preview", "deprecated", "retired")]
    public string? Status { get; set; }

    /// <summary>Availability.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("unknown", "available", "restricted", "unavailable")]
    public string? Availability { get; set; }

    /// <summary>Authors credited on the provider's side.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Author")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[]? Authors { get; set; }

    /// <summary>Write the model as stored.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var changes = BoundChanges(Fields);
        WritePlanned(() => CatalogWriter.PlanModelCreateAsync(Provider, Id, changes), PassThru);
    }
}
