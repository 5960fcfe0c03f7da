using System.Text.Json;
using Starmap.Catalog.Json;
using Starmap.Grains.Catalog;
using Starmap.Sync.History;

namespace Starmap.Grains.History;

/// <summary>
/// One offering's prices over time from the change log: its pricing at the oldest readable generation,
/// then each generation that changed a price component (or added or removed the offering) with the
/// pricing after it, rebuilt by undoing the offering's newer changes.
/// </summary>
internal static class PriceHistories
{
    public static async Task<PriceHistory> ReadAsync(CatalogHistory history, CatalogReplica replica, string providerId, string modelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerId);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        var (oldest, newest, _) = await history.RangeAsync();
        var current = await replica.EnsureAsync(newest);
        var changes = (await history.Store.ReadEntityAsync(ChangeEntity.Provider, providerId, oldest))
            .Where(c => c.Generation <= current.Generation)
            // The offering's own changes, and the provider record appearing or going (which takes its offerings along).
            .Where(c => c.ModelId == modelId || c.Kind == ChangeKind.Unrecorded || (c.ModelId is null && c.Kind is ChangeKind.Added or ChangeKind.Removed))
            .ToList();
        if (changes.Where(c => c.Kind == ChangeKind.Unrecorded).Select(c => (long?)c.Generation).Max() is { } unrecorded)
        {
            // What it cost before an unrecorded change is not known: the history starts there.
            oldest = unrecorded;
            changes = changes.Where(c => c.Generation > unrecorded).ToList();
        }
        var now = current.FindProvider(providerId) is { } provider
            ? provider with { Offerings = provider.Offerings.Where(o => o.ModelId == modelId).ToEquatableArray() }
            : null;

        var items = new List<PriceHistoryEntry>();
        if (OfferingAt(now, changes, oldest, modelId) is { } initial)
        {
            items.Add(new PriceHistoryEntry { Generation = oldest, Pricing = initial.Pricing });
        }
        foreach (var step in changes.GroupBy(c => c.Generation).OrderBy(g => g.Key))
        {
            var prices = step.Where(c => c.ModelId == modelId && c.Kind == ChangeKind.Changed && IsPrice(c.Path)).ToList();
            var before = OfferingAt(now, changes, step.Key - 1, modelId);
            var after = OfferingAt(now, changes, step.Key, modelId);
            var appeared = before is null && after is not null;
            var went = before is not null && after is null;
            if (prices.Count == 0 && !appeared && !went)
            {
                continue;
            }
            var first = step.First();
            items.Add(new PriceHistoryEntry
            {
                Generation = step.Key,
                At = first.At,
                Origin = first.Origin,
                Source = prices.Select(c => c.Source).FirstOrDefault(s => s is not null) ?? (appeared ? step.Select(c => c.Source).FirstOrDefault(s => s is not null) : null),
                Pricing = after?.Pricing,
                Removed = went,
                Changes = prices.Count > 0
                    ? prices.Select(c => new PriceChange { Path = c.Path, Old = c.Old, New = c.New }).ToEquatableArray()
                    : [new PriceChange { Path = "pricing", Old = Json(before?.Pricing), New = Json(after?.Pricing) }],
            });
        }
        if (items.Count == 0)
        {
            throw new StarmapNotFoundException("model", providerId + "/" + modelId);
        }
        return new PriceHistory { Provider = providerId, Model = modelId, Generation = current.Generation, Items = [.. items] };
    }

    /// <summary>True for a path inside the pricing (<c>pricing</c>, <c>pricing.tokens.input</c>, <c>pricing.tiers[200000]...</c>).</summary>
    public static bool IsPrice(string path) =>
        path == "pricing" || path.StartsWith("pricing.", StringComparison.Ordinal) || path.StartsWith("pricing[", StringComparison.Ordinal);

    private static Offering? OfferingAt(ProviderDetails? now, List<CatalogChange> changes, long generation, string modelId) =>
        EntityChanges.Revert(now, changes.Where(c => c.Generation > generation))?.Offerings.FirstOrDefault(o => o.ModelId == modelId);

    private static string? Json(ModelPricing? pricing) =>
        pricing is null ? null : JsonSerializer.Serialize(pricing, StarmapJson.Options);
}
