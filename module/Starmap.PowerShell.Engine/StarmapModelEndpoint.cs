namespace Starmap.PowerShell;

/// <summary>
/// One provider offering of a model (Get-StarmapModelEndpoint): who serves it, at what price, with what
/// limits and status. Unknown values are null, never 0.
/// </summary>
public sealed class StarmapModelEndpoint
{
    /// <summary>The model asked for: its <c>author/slug</c> (or the model ID of a model without a definition).</summary>
    public string Model { get; set; } = "";

    /// <summary>The definition the offering is linked to; null for a model without one.</summary>
    public string? DefinitionId { get; set; }

    /// <summary>Provider ID.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>The provider's model ID: what a client sends to that provider.</summary>
    public string ModelId { get; set; } = "";

    /// <summary>Display name at this provider.</summary>
    public string Name { get; set; } = "";

    /// <summary>Price per 1M input tokens.</summary>
    public decimal? InputPrice { get; set; }

    /// <summary>Price per 1M output tokens.</summary>
    public decimal? OutputPrice { get; set; }

    /// <summary>Price per 1M cached input tokens read.</summary>
    public decimal? CacheReadPrice { get; set; }

    /// <summary>Price per 1M tokens written to the cache.</summary>
    public decimal? CacheWritePrice { get; set; }

    /// <summary>Price per 1M reasoning tokens, when billed apart.</summary>
    public decimal? ReasoningPrice { get; set; }

    /// <summary>Currency of the prices; null when no price is known.</summary>
    public string? Currency { get; set; }

    /// <summary>Context window in tokens.</summary>
    public long? ContextWindow { get; set; }

    /// <summary>Largest input in tokens.</summary>
    public long? MaxInputTokens { get; set; }

    /// <summary>Largest output in tokens.</summary>
    public long? MaxOutputTokens { get; set; }

    /// <summary>Lifecycle status (active, beta, preview, deprecated, retired).</summary>
    public string? Status { get; set; }

    /// <summary>Availability (available, restricted, unavailable).</summary>
    public string? Availability { get; set; }

    /// <inheritdoc/>
    public override string ToString() => ProviderId + "/" + ModelId;

    internal static StarmapModelEndpoint From(string model, CatalogModel offering)
    {
        var tokens = offering.Offering.Pricing?.Tokens;
        var limits = offering.Offering.Limits;
        return new StarmapModelEndpoint
        {
            Model = model,
            DefinitionId = offering.Offering.DefinitionId,
            ProviderId = offering.ProviderId,
            ModelId = offering.ModelId,
            Name = offering.Name,
            InputPrice = tokens?.Input,
            OutputPrice = tokens?.Output,
            CacheReadPrice = tokens?.CacheRead,
            CacheWritePrice = tokens?.CacheWrite,
            ReasoningPrice = tokens?.Reasoning,
            Currency = tokens is null ? null : offering.Offering.Pricing?.Currency,
            ContextWindow = limits?.ContextWindow,
            MaxInputTokens = limits?.InputTokens,
            MaxOutputTokens = limits?.OutputTokens,
            Status = Names.OfKnown(offering.Status),
            Availability = Names.OfKnown(offering.Offering.Availability),
        };
    }
}
