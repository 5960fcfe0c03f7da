namespace Starmap;

/// <summary>
/// A change to some fields of one offering: each path in <see cref="Fields"/> takes its value from
/// <see cref="Values"/>, every other field keeps what is stored. The provider grain applies it inside
/// one turn, so unlike read-modify-replace it can never write back a value someone else changed
/// meanwhile. <see cref="Values"/>' provider and model IDs are ignored: a patch never moves a model.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.offering-patch")]
public sealed record OfferingPatch
{
    private static readonly FieldSetters<Offering> Setters = new(
        "model",
        ("name", (c, v) => c with { Name = v.Name }),
        ("definition_id", (c, v) => c with { DefinitionId = v.DefinitionId }),
        ("limits.context_window", (c, v) => c with { Limits = (c.Limits ?? new()) with { ContextWindow = v.Limits?.ContextWindow } }),
        ("limits.input_tokens", (c, v) => c with { Limits = (c.Limits ?? new()) with { InputTokens = v.Limits?.InputTokens } }),
        ("limits.output_tokens", (c, v) => c with { Limits = (c.Limits ?? new()) with { OutputTokens = v.Limits?.OutputTokens } }),
        ("pricing.tokens.input", (c, v) => WithTokens(c, Tokens(c) with { Input = v.Pricing?.Tokens?.Input })),
        ("pricing.tokens.output", (c, v) => WithTokens(c, Tokens(c) with { Output = v.Pricing?.Tokens?.Output })),
        ("pricing.tokens.reasoning", (c, v) => WithTokens(c, Tokens(c) with { Reasoning = v.Pricing?.Tokens?.Reasoning })),
        ("pricing.tokens.cache_read", (c, v) => WithTokens(c, Tokens(c) with { CacheRead = v.Pricing?.Tokens?.CacheRead })),
        ("pricing.tokens.cache_write", (c, v) => WithTokens(c, Tokens(c) with { CacheWrite = v.Pricing?.Tokens?.CacheWrite })),
        ("lifecycle.status", (c, v) => c with { Lifecycle = (c.Lifecycle ?? new()) with { Status = v.Lifecycle?.Status ?? LifecycleStatus.Unknown } }),
        ("lifecycle.deprecated_at", (c, v) => c with { Lifecycle = (c.Lifecycle ?? new()) with { DeprecatedAt = v.Lifecycle?.DeprecatedAt } }),
        ("lifecycle.retires_at", (c, v) => c with { Lifecycle = (c.Lifecycle ?? new()) with { RetiresAt = v.Lifecycle?.RetiresAt } }),
        ("availability", (c, v) => c with { Availability = v.Availability }),
        ("author_ids", (c, v) => c with { AuthorIds = v.AuthorIds }));

    /// <summary>Field paths to change, e.g. <c>name</c>, <c>pricing.tokens.output</c>; see <see cref="Paths"/>.</summary>
    [Id(0)] public EquatableArray<string> Fields { get; init; }

    /// <summary>Carries the new values; only the paths in <see cref="Fields"/> are read from it.</summary>
    [Id(1)] public required Offering Values { get; init; }

    /// <summary>Every path a model patch may name, in the order they apply.</summary>
    public static IReadOnlyList<string> Paths => Setters.Paths;

    /// <summary>
    /// <paramref name="current"/> with this patch's fields changed (what the grain stores, before its
    /// timestamps); <see cref="StarmapValidationException"/> for a path it does not know.
    /// </summary>
    public Offering ApplyTo(Offering current) => Setters.Apply(current, Fields, Values);

    private static TokenPrices Tokens(Offering o) => o.Pricing?.Tokens ?? new TokenPrices();

    private static Offering WithTokens(Offering o, TokenPrices tokens) =>
        o with { Pricing = (o.Pricing ?? new ModelPricing()) with { Tokens = tokens } };
}
