using Starmap.Catalog.Snapshot;
using Starmap.Sync;

namespace Starmap.Grains;

/// <summary>
/// The difference between two snapshots, provider by provider. Snapshots built from one another share
/// every provider a change did not touch, so those are skipped by reference and the cost is what changed.
/// </summary>
internal static class CatalogComparer
{
    public static CatalogComparison Compare(CatalogSnapshot from, CatalogSnapshot to)
    {
        var ids = from.Providers.Select(p => p.Id).Union(to.Providers.Select(p => p.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var providers = new List<ProviderComparison>();
        foreach (var id in ids)
        {
            var before = from.FindProvider(id);
            var after = to.FindProvider(id);
            if (ReferenceEquals(before, after) || (before is not null && after is not null && before.Version == after.Version))
            {
                continue; // one version of an entity is one state
            }
            if (Provider(id, before, after) is { } difference)
            {
                providers.Add(difference);
            }
        }
        return new CatalogComparison { From = from.Generation, To = to.Generation, Providers = [.. providers] };
    }

    private static ProviderComparison? Provider(string id, ProviderDetails? before, ProviderDetails? after)
    {
        var old = (before?.Offerings ?? []).DistinctBy(o => o.ModelId, StringComparer.Ordinal).ToDictionary(o => o.ModelId, StringComparer.Ordinal);
        var now = (after?.Offerings ?? []).DistinctBy(o => o.ModelId, StringComparer.Ordinal).ToDictionary(o => o.ModelId, StringComparer.Ordinal);
        var models = new List<ModelComparison>();
        foreach (var model in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(model);
            var @is = now.GetValueOrDefault(model);
            if (ReferenceEquals(was, @is))
            {
                continue;
            }
            var fields = Differ.Compare(was, @is);
            var kind = was is null ? "added" : @is is null ? "removed" : "changed";
            if (kind != "changed" || !fields.IsEmpty)
            {
                models.Add(new ModelComparison { Model = model, Kind = kind, Fields = fields });
            }
        }
        var record = Differ.Compare(before?.Provider, after?.Provider);
        if (models.Count == 0 && record.IsEmpty)
        {
            return null;
        }
        return new ProviderComparison
        {
            Provider = id,
            Kind = before is null ? "added" : after is null ? "removed" : "changed",
            Added = models.Count(m => m.Kind == "added"),
            Removed = models.Count(m => m.Kind == "removed"),
            Changed = models.Count(m => m.Kind == "changed"),
            Fields = record,
            Models = [.. models],
        };
    }
}
