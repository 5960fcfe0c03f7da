namespace Starmap.Catalog.Seed;

/// <summary>The JSON shape of the curated catalog (<c>Seed/catalog.json</c>), one input of the generated built-in catalog.</summary>
public sealed record BuiltInCatalogFile
{
    /// <summary>Version of the built-in catalog, e.g. <c>2026.11.27</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The date its facts were recorded.</summary>
    public required DateOnly Recorded { get; init; }

    /// <summary>Where the facts come from.</summary>
    public string? Sources { get; init; }

    /// <summary>Providers with their offerings.</summary>
    public required IReadOnlyList<SeedProvider> Providers { get; init; }

    /// <summary>Authors with their definitions.</summary>
    public required IReadOnlyList<SeedAuthor> Authors { get; init; }
}

/// <summary>A provider and its offerings in the built-in catalog.</summary>
public sealed record SeedProvider
{
    /// <summary>The provider record.</summary>
    public required Provider Provider { get; init; }

    /// <summary>Offerings; their provider_id may be omitted (taken from the provider).</summary>
    public IReadOnlyList<SeedOffering> Offerings { get; init; } = [];
}

/// <summary>An offering without its provider ID (implied by the enclosing provider).</summary>
public sealed record SeedOffering
{
    /// <summary>Provider model ID.</summary>
    public required string ModelId { get; init; }
    /// <summary>Definition link.</summary>
    public string? DefinitionId { get; init; }
    /// <summary>Display name.</summary>
    public string? Name { get; init; }
    /// <summary>Prices.</summary>
    public ModelPricing? Pricing { get; init; }
    /// <summary>Limits.</summary>
    public ModelLimits? Limits { get; init; }
    /// <summary>Lifecycle.</summary>
    public OfferingLifecycle? Lifecycle { get; init; }
    /// <summary>Availability.</summary>
    public Availability Availability { get; init; }
    /// <summary>Regions.</summary>
    public EquatableArray<string>? Regions { get; init; }
    /// <summary>Authors credited by the provider.</summary>
    public EquatableArray<string> AuthorIds { get; init; }
    /// <summary>Provider-specific features.</summary>
    public ModelFeatures? Features { get; init; }

    /// <summary>The offering under <paramref name="providerId"/>.</summary>
    public Offering ToOffering(string providerId) => new()
    {
        ProviderId = providerId,
        ModelId = ModelId,
        DefinitionId = DefinitionId,
        Name = Name,
        Pricing = Pricing,
        Limits = Limits,
        Lifecycle = Lifecycle,
        Availability = Availability,
        Regions = Regions,
        AuthorIds = AuthorIds,
        Features = Features,
    };
}

/// <summary>An author and its definitions in the built-in catalog.</summary>
public sealed record SeedAuthor
{
    /// <summary>The author record.</summary>
    public required Author Author { get; init; }

    /// <summary>Definitions owned by the author.</summary>
    public IReadOnlyList<ModelDefinition> Definitions { get; init; } = [];
}
