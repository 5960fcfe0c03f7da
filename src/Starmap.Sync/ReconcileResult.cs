namespace Starmap.Sync;

/// <summary>What reconciling one provider gave.</summary>
public sealed record ReconcileResult
{
    /// <summary>The provider's complete new list of offerings, sorted by model ID (ordinal).</summary>
    public EquatableArray<Offering> Offerings { get; init; }

    /// <summary>Definitions that are new or gained fields, sorted by ID; only these need writing.</summary>
    public EquatableArray<ModelDefinition> Definitions { get; init; }

    /// <summary>Things worth a look (models not added, skipped statements), sorted.</summary>
    public EquatableArray<string> Warnings { get; init; }
}
