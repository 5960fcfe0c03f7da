using Starmap.Catalog.Seed;
using Starmap.Catalog.Snapshot;
using Starmap.Catalog.Validation;
using Starmap.Sources.ModelsDev;

namespace Starmap.Benchmarks;

/// <summary>
/// The benchmark catalog: every provider of the real models.dev snapshot (../shared/fixtures, 5,898
/// models) as offerings, or the built-in catalog where the snapshot is absent; optionally ×N synthetic
/// copies with distinct model IDs.
/// </summary>
internal static class CatalogData
{
    public static (CatalogSnapshot Snapshot, string Source) Load(int scale)
    {
        var (providers, source) = FromModelsDev() is { } real ? (real, "models.dev snapshot") : (BuiltInCatalog.Load().Providers.ToList(), "built-in catalog");
        var scaled = providers.Select(p => p with
        {
            Offerings = Enumerable.Range(0, scale)
                .SelectMany(copy => p.Offerings.Select(o => copy == 0 ? o : o with { ModelId = $"{o.ModelId}~{copy}" }))
                .OrderBy(o => o.ModelId, StringComparer.Ordinal).ToEquatableArray(),
        });
        return (CatalogSnapshot.Build(1, scaled, []), source);
    }

    private static List<ProviderDetails>? FromModelsDev()
    {
        var path = FindSnapshot();
        if (path is null)
        {
            return null;
        }
        var snapshot = ModelsDevParser.Parse(File.ReadAllText(path));
        var now = DateTimeOffset.UtcNow;
        var providers = new List<ProviderDetails>();
        foreach (var id in snapshot.Providers.Keys.Order(StringComparer.Ordinal))
        {
            if (!IdRules.IsEntityId(id) || ModelsDevMapper.ToObservation(snapshot, id, [], now) is not { } observation)
            {
                continue;
            }
            providers.Add(new ProviderDetails
            {
                Provider = new Provider { Id = id, Name = snapshot.Providers[id].Name ?? id },
                Offerings = observation.Models.Select(m => m.Offering with { ProviderId = id })
                    .DistinctBy(o => o.ModelId).OrderBy(o => o.ModelId, StringComparer.Ordinal).ToEquatableArray(),
            });
        }
        return providers;
    }

    internal static string? FindSnapshot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "models.dev", "api.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
