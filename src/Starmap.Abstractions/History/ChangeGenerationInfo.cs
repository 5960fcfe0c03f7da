namespace Starmap;

/// <summary>
/// One recorded generation in brief: when and by what kind of write it was published, how many fields
/// it changed by kind (bookkeeping fields not counted) and which providers and authors it touched — the
/// summary the update stream's <c>catalog.published</c> events carry.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.change-generation")]
public sealed record ChangeGenerationInfo
{
    /// <summary>The generation.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>When it was published.</summary>
    [Id(1)] public DateTimeOffset At { get; init; }

    /// <summary>What kind of write made it (<see cref="ChangeOrigins"/>).</summary>
    [Id(2)] public string Origin { get; init; } = ChangeOrigins.Client;

    /// <summary>Fields changed (<see cref="ChangeKind.Changed"/>).</summary>
    [Id(3)] public int Changed { get; init; }

    /// <summary>Records added.</summary>
    [Id(4)] public int Added { get; init; }

    /// <summary>Records removed.</summary>
    [Id(5)] public int Removed { get; init; }

    /// <summary>Entities changed in ways not recorded (a recovered publish).</summary>
    [Id(6)] public int Unrecorded { get; init; }

    /// <summary>Providers touched, sorted.</summary>
    [Id(7)] public EquatableArray<string> Providers { get; init; }

    /// <summary>Authors touched, sorted.</summary>
    [Id(8)] public EquatableArray<string> Authors { get; init; }
}

/// <summary>Builds <see cref="ChangeGenerationInfo"/> the same way for every store.</summary>
public static class ChangeGenerations
{
    /// <summary>The summary of one generation from its header, its content change counts by kind and the entities it touched.</summary>
    public static ChangeGenerationInfo Summarize(
        long generation, DateTimeOffset at, string origin, IReadOnlyDictionary<ChangeKind, int> counts, IEnumerable<(ChangeEntity Entity, string Id)> touched)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var entities = touched.Distinct().ToList();
        return new ChangeGenerationInfo
        {
            Generation = generation,
            At = at,
            Origin = origin,
            Changed = counts.GetValueOrDefault(ChangeKind.Changed),
            Added = counts.GetValueOrDefault(ChangeKind.Added),
            Removed = counts.GetValueOrDefault(ChangeKind.Removed),
            Unrecorded = counts.GetValueOrDefault(ChangeKind.Unrecorded),
            Providers = entities.Where(e => e.Entity == ChangeEntity.Provider).Select(e => e.Id).Order(StringComparer.Ordinal).ToEquatableArray(),
            Authors = entities.Where(e => e.Entity == ChangeEntity.Author).Select(e => e.Id).Order(StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    /// <summary>The summary of one generation from its header and all its changes.</summary>
    public static ChangeGenerationInfo Summarize(long generation, DateTimeOffset at, string origin, IEnumerable<CatalogChange> changes)
    {
        var all = changes.ToList();
        var counts = all.Where(c => !c.IsBookkeeping).GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        return Summarize(generation, at, origin, counts, all.Select(c => (c.Entity, c.EntityId)));
    }
}
