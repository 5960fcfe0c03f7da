namespace Starmap;

/// <summary>Which quarantined fields to list, and which page.</summary>
[GenerateSerializer, Immutable, Alias("starmap.quarantine-query")]
public sealed record QuarantineQuery
{
    /// <summary>Only offerings of this provider (definitions have no provider and are left out).</summary>
    [Id(0)] public string? ProviderId { get; init; }

    /// <summary>Only this model: a provider's model ID or a definition's <c>author/slug</c>; <c>*</c> and <c>?</c> match any text.</summary>
    [Id(1)] public string? ModelId { get; init; }

    /// <summary>Only fields whose path starts with this, e.g. <c>pricing</c> or <c>limits.output_tokens</c>.</summary>
    [Id(2)] public string? FieldPrefix { get; init; }

    /// <summary>Entries skipped.</summary>
    [Id(3)] public int Offset { get; init; }

    /// <summary>Page size, 1 to <see cref="ModelQuery.MaxLimit"/>; null means <see cref="ModelQuery.DefaultLimit"/>.</summary>
    [Id(4)] public int? Limit { get; init; }

    /// <summary>Answer from at least this catalog generation (read-your-writes).</summary>
    [Id(5)] public long MinGeneration { get; init; }
}

/// <summary>One page of quarantined fields, sorted by kind, provider, model, path and source.</summary>
[GenerateSerializer, Immutable, Alias("starmap.quarantine-page")]
public sealed record QuarantinePage
{
    /// <summary>Catalog generation the answer reflects.</summary>
    [Id(0)] public long Generation { get; init; }

    /// <summary>Matches before paging.</summary>
    [Id(1)] public int Total { get; init; }

    /// <summary>Matches skipped.</summary>
    [Id(2)] public int Offset { get; init; }

    /// <summary>Page size used.</summary>
    [Id(3)] public int Limit { get; init; }

    /// <summary>The page.</summary>
    [Id(4)] public EquatableArray<QuarantinedField> Items { get; init; }
}
