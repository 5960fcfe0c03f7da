namespace Starmap.Http;

/// <summary>
/// <c>GET /api/v1/models?fields=summary</c>: a page of models with only what a catalog table shows. The
/// full answer carries every field with its provenance (~3 KB a model); a table of 50 rows needs a tenth of it.
/// </summary>
public sealed record ModelSummaryPage
{
    /// <summary>Catalog generation the answer reflects.</summary>
    public long Generation { get; init; }

    /// <summary>Matches before paging.</summary>
    public int Total { get; init; }

    /// <summary>Matches skipped.</summary>
    public int Offset { get; init; }

    /// <summary>Page size used.</summary>
    public int Limit { get; init; }

    /// <summary>The page.</summary>
    public required IReadOnlyList<ModelSummary> Items { get; init; }

    /// <summary>The summary of a full page, in its order.</summary>
    public static ModelSummaryPage From(ModelPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new ModelSummaryPage
        {
            Generation = page.Generation,
            Total = page.Total,
            Offset = page.Offset,
            Limit = page.Limit,
            Items = [.. page.Items.Select(ModelSummary.From)],
        };
    }
}

/// <summary>One model as a table row; a field the catalog does not know is absent (never 0).</summary>
public sealed record ModelSummary
{
    /// <summary>Provider ID.</summary>
    public required string ProviderId { get; init; }

    /// <summary>The provider's model ID.</summary>
    public required string ModelId { get; init; }

    /// <summary>Display name: the definition's, else the offering's, else the model ID.</summary>
    public required string Name { get; init; }

    /// <summary>Lifecycle status, when known.</summary>
    public LifecycleStatus? Status { get; init; }

    /// <summary>Context window in tokens.</summary>
    public long? ContextWindow { get; init; }

    /// <summary>USD per 1M input tokens.</summary>
    public decimal? InputPrice { get; init; }

    /// <summary>USD per 1M output tokens.</summary>
    public decimal? OutputPrice { get; init; }

    /// <summary>Release date (the offering's, else the definition's).</summary>
    public DateOnly? ReleaseDate { get; init; }

    /// <summary>Training data cutoff (the offering's, else the definition's).</summary>
    public DateOnly? KnowledgeCutoff { get; init; }

    /// <summary>Authors credited, sorted.</summary>
    public IReadOnlyList<string> AuthorIds { get; init; } = [];

    /// <summary>The row of one full model.</summary>
    public static ModelSummary From(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var offering = model.Offering;
        var definition = model.Definition;
        return new ModelSummary
        {
            ProviderId = offering.ProviderId,
            ModelId = offering.ModelId,
            Name = definition?.Name ?? offering.Name ?? offering.ModelId,
            Status = offering.Lifecycle?.Status,
            ContextWindow = offering.Limits?.ContextWindow,
            InputPrice = offering.Pricing?.Tokens?.Input,
            OutputPrice = offering.Pricing?.Tokens?.Output,
            ReleaseDate = offering.Metadata?.ReleaseDate ?? definition?.Metadata?.ReleaseDate,
            KnowledgeCutoff = offering.Metadata?.KnowledgeCutoff ?? definition?.Metadata?.KnowledgeCutoff,
            AuthorIds = [.. model.AuthorIds],
        };
    }
}
