namespace Starmap;

/// <summary>
/// A named way to call an offering at another price (Anthropic's and OpenAI's <c>fast</c> mode): its own
/// price list and what a request adds to select it.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.offering-mode")]
public sealed record OfferingMode
{
    /// <summary>The mode's name, e.g. <c>fast</c>.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Prices in this mode; null when unknown (the offering's own prices are not implied).</summary>
    [Id(1)] public ModelPricing? Pricing { get; init; }

    /// <summary>Headers a request sends to select the mode (e.g. <c>anthropic-beta</c>), in the source's order.</summary>
    [Id(2)] public EquatableArray<HeaderValue> Headers { get; init; }

    /// <summary>Members a request body adds to select the mode, as a JSON object; null when none.</summary>
    [Id(3)] public string? Body { get; init; }
}
