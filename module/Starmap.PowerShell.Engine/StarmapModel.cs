namespace Starmap.PowerShell;

/// <summary>
/// A model as one provider serves it (Get-StarmapModel). Flat and JSON-friendly: unknown values are
/// null, never 0 or false. Settable, so <c>$m.InputPrice = 3; $m | Set-StarmapModel</c> writes a change;
/// fields the object does not show are kept from the offering it was read from.
/// </summary>
public sealed class StarmapModel
{
    /// <summary>Provider ID.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>The provider's model ID.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>Display name (offering, else definition, else the model ID).</summary>
    public string Name { get; set; } = "";

    /// <summary>Linked definition, <c>author/slug</c>.</summary>
    public string? DefinitionId { get; set; }

    /// <summary>Authors credited.</summary>
    public string[] Authors { get; set; } = [];

    /// <summary>Context window in tokens.</summary>
    public long? ContextWindow { get; set; }

    /// <summary>Largest input in tokens.</summary>
    public long? MaxInputTokens { get; set; }

    /// <summary>Largest output in tokens.</summary>
    public long? MaxOutputTokens { get; set; }

    /// <summary>Price per 1M input tokens.</summary>
    public decimal? InputPrice { get; set; }

    /// <summary>Price per 1M output tokens.</summary>
    public decimal? OutputPrice { get; set; }

    /// <summary>Price per 1M reasoning tokens, when billed apart.</summary>
    public decimal? ReasoningPrice { get; set; }

    /// <summary>Price per 1M cached input tokens read.</summary>
    public decimal? CacheReadPrice { get; set; }

    /// <summary>Price per 1M tokens written to the cache.</summary>
    public decimal? CacheWritePrice { get; set; }

    /// <summary>Currency of the prices; null when no price is known.</summary>
    public string? Currency { get; set; }

    /// <summary>Lifecycle status (active, beta, preview, deprecated, retired).</summary>
    public string? Status { get; set; }

    /// <summary>Availability (available, restricted, unavailable).</summary>
    public string? Availability { get; set; }

    /// <summary>Release date, at midnight (a date: compares with [datetime] values in Where-Object and sorts as a date).</summary>
    public DateTime? ReleaseDate { get; set; }

    /// <summary>Whether the weights are published.</summary>
    public bool? OpenWeights { get; set; }

    /// <summary>Training data cutoff, at midnight.</summary>
    public DateTime? KnowledgeCutoff { get; set; }

    /// <summary>Model family, e.g. claude-sonnet.</summary>
    public string? Family { get; set; }

    /// <summary>Description: the linked definition's, else the offering's.</summary>
    public string? Description { get; set; }

    /// <summary>Input modalities; null when unknown.</summary>
    public string[]? InputModalities { get; set; }

    /// <summary>Output modalities; null when unknown.</summary>
    public string[]? OutputModalities { get; set; }

    /// <summary>Features known to be supported.</summary>
    public string[] Features { get; set; } = [];

    /// <summary>Features known not to be supported.</summary>
    public string[] UnsupportedFeatures { get; set; } = [];

    /// <summary>Deprecation date, at midnight.</summary>
    public DateTime? DeprecatedAt { get; set; }

    /// <summary>Retirement date, at midnight.</summary>
    public DateTime? RetiresAt { get; set; }

    /// <summary>When its content last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>
    /// The provider's version when this object was read (every change to the provider or any of its
    /// models moves it). Set-StarmapModel fails with VersionConflict when it moved since, unless -Force.
    /// </summary>
    public long Version { get; internal set; }

    /// <summary>The offering this object was read from.</summary>
    internal Offering? Source { get; init; }

    /// <summary>
    /// This object's values as read (a private copy the user cannot edit): a piped object writes only
    /// the properties that differ from it, so values it did not touch can never overwrite newer ones.
    /// </summary>
    internal StarmapModel? AsRead { get; private set; }

    /// <summary>The properties Set-StarmapModel writes when they were edited on a piped object.</summary>
    internal static readonly string[] Editable =
    [
        nameof(Name), nameof(DefinitionId), nameof(ContextWindow), nameof(MaxInputTokens), nameof(MaxOutputTokens),
        nameof(InputPrice), nameof(OutputPrice), nameof(ReasoningPrice), nameof(CacheReadPrice), nameof(CacheWritePrice),
        nameof(Status), nameof(Availability), nameof(Authors),
    ];

    /// <inheritdoc/>
    public override string ToString() => ProviderId + "/" + ModelId;

    internal static StarmapModel From(CatalogModel model)
    {
        var read = Read(model);
        read.Version = model.ProviderVersion;
        read.AsRead = Copy(read);
        return read;
    }

    // Arrays are copied too: an in-place edit such as $m.Authors[0] = 'x' must show as a change.
    private static StarmapModel Copy(StarmapModel model)
    {
        var copy = (StarmapModel)model.MemberwiseClone();
        copy.Authors = [.. model.Authors];
        return copy;
    }

    private static StarmapModel Read(CatalogModel model)
    {
        var offering = model.Offering;
        var tokens = offering.Pricing?.Tokens;
        var known = Enum.GetValues<Feature>().Select(f => (Feature: f, Value: model.Supports(f))).ToList();
        return new StarmapModel
        {
            ProviderId = model.ProviderId,
            ModelId = model.ModelId,
            Name = model.Name,
            DefinitionId = offering.DefinitionId,
            Authors = [.. model.AuthorIds],
            ContextWindow = offering.Limits?.ContextWindow,
            MaxInputTokens = offering.Limits?.InputTokens,
            MaxOutputTokens = offering.Limits?.OutputTokens,
            InputPrice = tokens?.Input,
            OutputPrice = tokens?.Output,
            ReasoningPrice = tokens?.Reasoning,
            CacheReadPrice = tokens?.CacheRead,
            CacheWritePrice = tokens?.CacheWrite,
            Currency = tokens is null ? null : offering.Pricing?.Currency,
            Status = Names.OfKnown(model.Status),
            Availability = Names.OfKnown(offering.Availability),
            ReleaseDate = Date(model.ReleaseDate),
            OpenWeights = model.OpenWeights,
            KnowledgeCutoff = Date(model.KnowledgeCutoff),
            Family = model.Family,
            Description = model.Description,
            InputModalities = model.InputModalities is { } inputs ? [.. inputs.Select(Names.Of)] : null,
            OutputModalities = model.OutputModalities is { } outputs ? [.. outputs.Select(Names.Of)] : null,
            Features = [.. known.Where(k => k.Value == true).Select(k => Names.Of(k.Feature))],
            UnsupportedFeatures = [.. known.Where(k => k.Value == false).Select(k => Names.Of(k.Feature))],
            DeprecatedAt = Date(offering.Lifecycle?.DeprecatedAt),
            RetiresAt = Date(offering.Lifecycle?.RetiresAt),
            UpdatedAt = offering.UpdatedAt,
            Source = offering,
        };
    }

    // A calendar date as a [datetime] at midnight (Kind Unspecified, like Get-Date 2025-06-01), so
    // Where-Object ReleaseDate -gt (Get-Date 2025-06-01) compares dates, not strings.
    internal static DateTime? Date(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
}
