namespace Starmap.SeedTool;

/// <summary>What <see cref="SeedGenerator"/> made of its inputs, for the build script and the tests.</summary>
public sealed record SeedReport
{
    /// <summary>Providers in the models.dev snapshot.</summary>
    public int SourceProviders { get; init; }

    /// <summary>Models over all providers of the snapshot.</summary>
    public int SourceModels { get; init; }

    /// <summary>Providers in the generated catalog.</summary>
    public int Providers { get; init; }

    /// <summary>Offerings in the generated catalog.</summary>
    public int Offerings { get; init; }

    /// <summary>Authors in the generated catalog.</summary>
    public int Authors { get; init; }

    /// <summary>Definitions in the generated catalog.</summary>
    public int Definitions { get; init; }

    /// <summary>Snapshot models kept as the curated offering of the same provider and model ID.</summary>
    public int CuratedWins { get; init; }

    /// <summary>Offerings only the curated catalog has.</summary>
    public int CuratedOnly { get; init; }

    /// <summary>Snapshot records left out (no usable ID, or invalid beyond repair), each as <c>provider/model: reason</c> with the raw IDs.</summary>
    public EquatableArray<string> Skipped { get; init; }

    /// <summary>Snapshot models left out, those of skipped providers included.</summary>
    public int SkippedModels { get; init; }

    /// <summary>Values refused and left unknown, each as <c>provider/model path 'value': reason</c>.</summary>
    public EquatableArray<string> Quarantined { get; init; }

    /// <summary>Lines for a person: the counts, then every skipped record and refused value.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"models.dev snapshot: {SourceProviders} providers, {SourceModels} models";
        yield return $"generated catalog: {Providers} providers, {Offerings} offerings, {Authors} authors, {Definitions} definitions";
        yield return $"curated: {CuratedWins} offerings kept over the snapshot's, {CuratedOnly} only in the curated catalog";
        yield return $"skipped records: {Skipped.Count} ({SkippedModels} models); values refused and left unknown: {Quarantined.Count}";
        foreach (var line in Skipped)
        {
            yield return "  skipped " + line;
        }
        foreach (var line in Quarantined)
        {
            yield return "  refused " + line;
        }
    }
}
