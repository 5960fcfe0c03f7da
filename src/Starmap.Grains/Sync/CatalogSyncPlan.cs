using Starmap.Sources.ModelsDev;

namespace Starmap.Grains.Sync;

/// <summary>One provider sync a catalog-wide run will start.</summary>
/// <param name="ProviderId">The provider.</param>
/// <param name="NewProvider">The record to create when the catalog lacks the provider (discovered).</param>
/// <param name="ModelsDevId">The models.dev entry it was matched to or created from.</param>
/// <param name="Document">The models.dev text to sync from instead of downloading it (an import).</param>
internal sealed record PlannedSync(string ProviderId, Provider? NewProvider, string? ModelsDevId, string? Document);

/// <summary>
/// Which providers a catalog-wide run syncs: every provider of the catalog, plus (when discovering) one
/// new provider per models.dev entry no catalog provider matches by ID or alias. An import syncs only the
/// providers its file lists. An entry whose ID cannot become a provider ID, or whose ID another provider
/// already has, is reported and left out; it never stops the others.
/// </summary>
internal static class CatalogSyncPlan
{
    public static List<PlannedSync> Build(
        IReadOnlyCollection<Provider> existing,
        ModelsDevSnapshot? snapshot,
        IReadOnlyDictionary<string, string>? documents,
        List<string> warnings)
    {
        var plans = new List<PlannedSync>();
        var matched = new Dictionary<string, Provider>(StringComparer.Ordinal);
        if (snapshot is not null)
        {
            foreach (var provider in existing)
            {
                if (snapshot.FindProvider([provider.Id, .. provider.Aliases]) is { } entry)
                {
                    matched.TryAdd(entry.Id, provider);
                }
            }
        }
        if (documents is null)
        {
            plans.AddRange(existing.Select(p => new PlannedSync(p.Id, null, null, null)));
        }
        else
        {
            plans.AddRange(matched.Select(m => new PlannedSync(m.Value.Id, null, m.Key, documents[m.Key])));
        }
        if (snapshot is null)
        {
            return Sorted(plans);
        }

        var taken = existing.SelectMany(p => p.Aliases.Prepend(p.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in snapshot.Providers.Values.Where(e => !matched.ContainsKey(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            Provider created;
            try
            {
                created = ModelsDevProviderMapping.ToProvider(entry, warnings);
            }
            catch (StarmapValidationException ex)
            {
                warnings.Add($"models.dev provider '{StarmapValidationException.Printable(entry.Id)}' was not created: {ex.Message}");
                continue;
            }
            if (!taken.Add(created.Id))
            {
                warnings.Add($"models.dev provider '{StarmapValidationException.Printable(entry.Id)}' was not created: its provider ID '{created.Id}' is already taken by another provider");
                continue;
            }
            plans.Add(new PlannedSync(created.Id, created, entry.Id, documents?[entry.Id]));
        }
        return Sorted(plans);
    }

    private static List<PlannedSync> Sorted(List<PlannedSync> plans) => [.. plans.OrderBy(p => p.ProviderId, StringComparer.Ordinal)];
}
