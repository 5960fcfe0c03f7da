namespace Starmap;

/// <summary>Everything one published generation changed, appended to the change log as one unit.</summary>
[GenerateSerializer, Immutable, Alias("starmap.change-batch")]
public sealed record ChangeBatch
{
    /// <summary>The generation.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>When it was published.</summary>
    [Id(1)] public DateTimeOffset At { get; init; }

    /// <summary>What kind of write made it (<see cref="ChangeOrigins"/>).</summary>
    [Id(2)] public string Origin { get; init; } = ChangeOrigins.Client;

    /// <summary>Its changes in <see cref="CatalogChange.Sequence"/> order (may be empty: a write that changed no field).</summary>
    [Id(3)] public EquatableArray<CatalogChange> Changes { get; init; }
}
