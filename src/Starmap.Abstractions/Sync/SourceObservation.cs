namespace Starmap;

/// <summary>Names of the sources a sync reconciles.</summary>
public static class SourceIds
{
    /// <summary>The provider's own list-models API.</summary>
    public const string ProviderApi = "provider-api";

    /// <summary>models.dev <c>api.json</c>.</summary>
    public const string ModelsDev = "models.dev";

    /// <summary>A Starmap on-disk catalog imported as a source.</summary>
    public const string Local = "local";

    /// <summary>What the catalog held before the sync.</summary>
    public const string Baseline = "baseline";
}

/// <summary>
/// What one source reported about one provider at one time. Every value a source does not state is
/// null in the records it carries, so reconciliation can tell "not said" from <c>false</c> or <c>0</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.source-observation")]
public sealed record SourceObservation
{
    /// <summary>Source ID, one of <see cref="SourceIds"/>.</summary>
    [Id(0)] public required string Source { get; init; }

    /// <summary>The provider observed.</summary>
    [Id(1)] public required string ProviderId { get; init; }

    /// <summary>When the source was read.</summary>
    [Id(2)] public DateTimeOffset ObservedAt { get; init; }

    /// <summary>
    /// True when <see cref="Models"/> is the provider's complete list, so a model missing from it has
    /// gone (a provider API). False for sources that list only some models.
    /// </summary>
    [Id(3)] public bool IsCompleteList { get; init; }

    /// <summary>Models reported, sorted by model ID.</summary>
    [Id(4)] public EquatableArray<ObservedModel> Models { get; init; }

    /// <summary>Things worth a look that did not stop the source (skipped records, unknown fields).</summary>
    [Id(5)] public EquatableArray<string> Warnings { get; init; }

    /// <summary>Where it was read from; never carries a key.</summary>
    [Id(6)] public string? Location { get; init; }
}

/// <summary>What a source said about one model: provider facts and model facts, unknowns null.</summary>
[GenerateSerializer, Immutable, Alias("starmap.observed-model")]
public sealed record ObservedModel
{
    /// <summary>The provider's model ID.</summary>
    [Id(0)] public required string ModelId { get; init; }

    /// <summary>Provider facts: price, limits, lifecycle, availability, provider-specific features, name, definition link.</summary>
    [Id(1)] public required Offering Offering { get; init; }

    /// <summary>Model facts (release date, modalities, open weights...), when the source states any; its ID is the source's best guess.</summary>
    [Id(2)] public ModelDefinition? Definition { get; init; }
}
