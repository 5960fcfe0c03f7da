namespace Starmap.PowerShell;

/// <summary>The catalog's past for the cmdlets: price history, compare and restore, over the session's connection.</summary>
public static class HistoryCalls
{
    /// <summary>One offering's prices over time, oldest first.</summary>
    public static async Task<IReadOnlyList<StarmapPricePoint>> PriceHistoryAsync(string providerId, string modelId)
    {
        var history = await Failures.Guard(() => StarmapSession.Catalog.History.GetPriceHistoryAsync(providerId, modelId), "InvalidArgument", providerId + "/" + modelId);
        return [.. history.Items.Select(i => StarmapPricePoint.From(history, i))];
    }

    /// <summary>What differs between the catalog at two points (<paramref name="to"/> null: now).</summary>
    public static Task<CatalogComparison> CompareAsync(CatalogPoint from, CatalogPoint? to) =>
        Failures.Guard(() => StarmapSession.Catalog.History.CompareAsync(from, to), "InvalidPoint");

    /// <summary>Restores a provider or author to its state at <paramref name="point"/> (a dry run only reports).</summary>
    public static async Task<RestoreResult> RestoreAsync(bool author, string id, CatalogPoint point, bool dryRun, bool force)
    {
        try
        {
            return await Failures.Guard(() => author
                ? StarmapSession.Catalog.History.RestoreAuthorAsync(id, point, dryRun, force)
                : StarmapSession.Catalog.History.RestoreProviderAsync(id, point, dryRun, force), "InvalidPoint", id);
        }
        catch (StarmapException refused) when (refused.GetType() == typeof(StarmapException))
        {
            // The service's own refusal (e.g. it did not exist then and -Force was not given): its message says why.
            throw new StarmapCommandException(FailureKind.Conflict, "RestoreRefused", refused.Message, id, refused);
        }
    }

    /// <summary>One model as it was at <paramref name="point"/>, or null when it did not exist then.</summary>
    public static async Task<StarmapModel?> FindModelAtAsync(string providerId, string modelId, CatalogPoint point)
    {
        var model = await Failures.Guard(() => StarmapSession.Catalog.History.FindModelAsync(providerId, modelId, point), "InvalidPoint");
        return model is null ? null : StarmapModel.From(model);
    }

    /// <summary>
    /// A point from a cmdlet argument: a whole number is a generation, a <see cref="DateTime"/> or
    /// <see cref="DateTimeOffset"/> a time (a DateTime without a kind is local, as PowerShell reads it), text either.
    /// </summary>
    public static CatalogPoint ToPoint(object? value, string parameter) => value switch
    {
        int i when i >= 0 => CatalogPoint.OfGeneration(i),
        long l when l >= 0 => CatalogPoint.OfGeneration(l),
        DateTimeOffset o => CatalogPoint.OfTime(o),
        DateTime d => CatalogPoint.OfTime(d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d.ToUniversalTime()) : new DateTimeOffset(d)),
        string s when CatalogPoint.Parse(s) is { } point => point,
        _ => throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidPoint",
            $"-{parameter} must be a generation number (0 or more) or a time such as 2026-06-01T12:00:00Z, not '{value}'", value),
    };
}

/// <summary>One entry of an offering's price history (Get-StarmapPriceHistory): the pricing from one generation on.</summary>
public sealed class StarmapPricePoint
{
    /// <summary>Provider ID.</summary>
    public string ProviderId { get; init; } = "";

    /// <summary>The provider's model ID.</summary>
    public string ModelId { get; init; } = "";

    /// <summary>The generation that set this pricing (the first entry: the oldest readable generation).</summary>
    public long Generation { get; init; }

    /// <summary>When it was published (null for the pricing already in force when the change log starts).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>What kind of write changed it: sync, powershell, http, client, import, restore.</summary>
    public string? Origin { get; init; }

    /// <summary>The source of the new price, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Price per 1M input tokens from then on (null: unknown).</summary>
    public decimal? InputPrice { get; init; }

    /// <summary>Price per 1M output tokens from then on (null: unknown).</summary>
    public decimal? OutputPrice { get; init; }

    /// <summary>True when this generation removed the offering.</summary>
    public bool Removed { get; init; }

    /// <summary>The whole pricing from then on.</summary>
    public ModelPricing? Pricing { get; init; }

    /// <summary>The components this generation changed, as <c>path: old -> new</c>.</summary>
    public string[] Changes { get; init; } = [];

    internal static StarmapPricePoint From(PriceHistory history, PriceHistoryEntry entry) => new()
    {
        ProviderId = history.Provider,
        ModelId = history.Model,
        Generation = entry.Generation,
        At = entry.At,
        Origin = entry.Origin,
        Source = entry.Source,
        InputPrice = entry.Pricing?.Tokens?.Input,
        OutputPrice = entry.Pricing?.Tokens?.Output,
        Removed = entry.Removed,
        Pricing = entry.Pricing,
        Changes = [.. entry.Changes.Select(c => $"{c.Path}: {c.Old ?? "unknown"} -> {c.New ?? "unknown"}")],
    };
}
