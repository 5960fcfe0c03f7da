namespace Starmap.Sources.Providers;

/// <summary>
/// Gathers what a provider response says about one model, then builds the <see cref="ObservedModel"/>.
/// Anything not set stays null/unknown. Features go on the offering (what this provider serves) and
/// are copied onto the definition, which is emitted whenever an author can be guessed; its ID is that
/// guess, so the offering's <see cref="Offering.DefinitionId"/> is left for reconciliation to set.
/// The model's own facts (description, dates, reasoning levels) go on the offering too, always, so
/// they are served even when no author is known.
/// </summary>
internal sealed class ObservedModelBuilder(string providerId, string modelId)
{
    private readonly SortedDictionary<Feature, bool> _flags = [];
    private SortedSet<Modality>? _input;
    private SortedSet<Modality>? _output;

    public string ModelId => modelId;

    public string? Name { get; set; }

    public string? Description { get; set; }

    public long? ContextWindow { get; set; }

    public long? InputTokens { get; set; }

    public long? OutputTokens { get; set; }

    public Availability Availability { get; set; }

    public OfferingLifecycle? Lifecycle { get; set; }

    public ModelPricing? Pricing { get; set; }

    public EquatableArray<string> AuthorIds { get; set; }

    public DateOnly? ReleaseDate { get; set; }

    public DateOnly? KnowledgeCutoff { get; set; }

    public ControlLevels? ReasoningLevels { get; set; }

    public ModelGeneration? Generation { get; set; }

    public void Set(Feature feature, bool? value)
    {
        if (value is { } known)
        {
            _flags[feature] = known;
        }
    }

    public void AddInput(Modality modality) => (_input ??= []).Add(modality);

    public void AddOutput(Modality modality) => (_output ??= []).Add(modality);

    /// <summary>Marks the input modalities as stated even if empty.</summary>
    public void StateInputs() => _input ??= [];

    /// <summary>Marks the output modalities as stated even if empty.</summary>
    public void StateOutputs() => _output ??= [];

    /// <summary>Retirement from a date: retired when it lies before the observation day, else deprecated.</summary>
    public void RetiresOn(DateOnly date, DateTimeOffset observedAt)
    {
        var today = DateOnly.FromDateTime(observedAt.UtcDateTime);
        Lifecycle = new OfferingLifecycle
        {
            Status = date < today ? LifecycleStatus.Retired : LifecycleStatus.Deprecated,
            RetiresAt = date,
        };
    }

    public ObservedModel Build()
    {
        var features = _flags.Count == 0 && _input is null && _output is null
            ? null
            : new ModelFeatures
            {
                InputModalities = _input?.ToEquatableArray(),
                OutputModalities = _output?.ToEquatableArray(),
                Flags = FeatureFlags.From(_flags),
            };
        var limits = ContextWindow is null && InputTokens is null && OutputTokens is null
            ? null
            : new ModelLimits { ContextWindow = ContextWindow, InputTokens = InputTokens, OutputTokens = OutputTokens };
        var offering = new Offering
        {
            ProviderId = providerId,
            ModelId = modelId,
            Name = Name,
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
            Metadata = Metadata(),
            Reasoning = ReasoningLevels,
            Pricing = Pricing,
            Limits = limits,
            Lifecycle = Lifecycle,
            Availability = Availability,
            AuthorIds = AuthorIds,
            Features = features,
        };
        return new ObservedModel { ModelId = modelId, Offering = offering, Definition = BuildDefinition(features) };
    }

    private ModelMetadata? Metadata() => ReleaseDate is null && KnowledgeCutoff is null
        ? null
        : new ModelMetadata { ReleaseDate = ReleaseDate, KnowledgeCutoff = KnowledgeCutoff };

    private ModelDefinition? BuildDefinition(ModelFeatures? features)
    {
        if (AuthorIds.IsEmpty || AuthorResolver.DefinitionId(AuthorIds[0], modelId) is not { } id)
        {
            return null;
        }
        return new ModelDefinition
        {
            Id = id,
            Name = Name ?? modelId,
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description,
            AuthorIds = AuthorIds,
            Metadata = Metadata(),
            Features = features,
            Reasoning = ReasoningLevels,
            Generation = Generation,
        };
    }
}
