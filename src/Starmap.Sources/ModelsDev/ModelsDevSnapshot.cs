namespace Starmap.Sources.ModelsDev;

/// <summary>A parsed models.dev <c>api.json</c>: providers keyed by their models.dev ID.</summary>
public sealed record ModelsDevSnapshot
{
    /// <summary>Providers by models.dev ID (ordinal).</summary>
    public required IReadOnlyDictionary<string, ModelsDevProvider> Providers { get; init; }

    /// <summary>Records skipped or values dropped while parsing, each naming the provider and model.</summary>
    public EquatableArray<string> Warnings { get; init; }

    /// <summary>Number of models over all providers.</summary>
    public int ModelCount => Providers.Values.Sum(p => p.Models.Count);

    /// <summary>
    /// The first provider whose models.dev ID equals one of <paramref name="ids"/> (in order,
    /// case-insensitive, then by the provider ID it becomes, <see cref="ModelsDevProviderMapping.ProviderIdFor"/>),
    /// or null when none does.
    /// </summary>
    public ModelsDevProvider? FindProvider(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if (Providers.TryGetValue(id, out var exact))
            {
                return exact;
            }
            var folded = Providers.Values.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
            if (folded is not null)
            {
                return folded;
            }
            // A models.dev ID that is no provider ID (wafer.ai) was created here under its kebab-case form (wafer-ai).
            var renamed = Providers.Values.FirstOrDefault(p => p.Id != id && ModelsDevProviderMapping.ProviderIdFor(p.Id) == id);
            if (renamed is not null)
            {
                return renamed;
            }
        }
        return null;
    }
}

/// <summary>A models.dev provider entry.</summary>
public sealed record ModelsDevProvider
{
    /// <summary>models.dev provider ID (the key in api.json).</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public string? Name { get; init; }

    /// <summary>Environment variables that hold the key.</summary>
    public EquatableArray<string> Env { get; init; }

    /// <summary>AI SDK npm package.</summary>
    public string? Npm { get; init; }

    /// <summary>API base URL, when models.dev states one.</summary>
    public string? Api { get; init; }

    /// <summary>Documentation URL.</summary>
    public string? Doc { get; init; }

    /// <summary>Models sorted by ID (ordinal).</summary>
    public EquatableArray<ModelsDevModel> Models { get; init; }
}
