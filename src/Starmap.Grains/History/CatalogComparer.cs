using Starmap.Catalog.Snapshot;
using Starmap.Sync;

namespace Starmap.Grains;

/// <summary>
/// The difference between two snapshots, provider by provider and author by author. Snapshots built from one
/// another share every provider and author a change did not touch, so those are skipped by reference and the
/// cost is what changed.
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
        var authorIds = from.Authors.Select(a => a.Id).Union(to.Authors.Select(a => a.Id), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var authors = new List<AuthorComparison>();
        foreach (var id in authorIds)
        {
            var before = from.FindAuthor(id);
            var after = to.FindAuthor(id);
            if (ReferenceEquals(before, after) || (before is not null && after is not null && before.Version == after.Version))
            {
                continue;
            }
            if (Author(id, before, after) is { } difference)
            {
                authors.Add(difference);
            }
        }
        return new CatalogComparison { From = from.Generation, To = to.Generation, Providers = [.. providers], Authors = [.. authors] };
    }

    private static AuthorComparison? Author(string id, AuthorDetails? before, AuthorDetails? after)
    {
        var definitions = Items(before?.Definitions ?? [], after?.Definitions ?? [], d => d.Id, (a, b) => Differ.Compare(a, b));
        var record = Differ.Compare(before?.Author, after?.Author);
        if (definitions.Count == 0 && record.IsEmpty)
        {
            return null;
        }
        return new AuthorComparison
        {
            Author = id,
            Kind = before is null ? "added" : after is null ? "removed" : "changed",
            Added = definitions.Count(m => m.Kind == "added"),
            Removed = definitions.Count(m => m.Kind == "removed"),
            Changed = definitions.Count(m => m.Kind == "changed"),
            Fields = record,
            Definitions = [.. definitions],
        };
    }

    private static ProviderComparison? Provider(string id, ProviderDetails? before, ProviderDetails? after)
    {
        var models = Items(before?.Offerings ?? [], after?.Offerings ?? [], o => o.ModelId, (a, b) => Differ.Compare(a, b));
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

    // The items (offerings, definitions) that differ by key, sorted; an item shared by both is unchanged.
    private static List<ModelComparison> Items<T>(
        EquatableArray<T> before, EquatableArray<T> after, Func<T, string> key, Func<T?, T?, EquatableArray<FieldChange>> compare) where T : class
    {
        var old = before.DistinctBy(key, StringComparer.Ordinal).ToDictionary(key, StringComparer.Ordinal);
        var now = after.DistinctBy(key, StringComparer.Ordinal).ToDictionary(key, StringComparer.Ordinal);
        var items = new List<ModelComparison>();
        foreach (var id in old.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = old.GetValueOrDefault(id);
            var @is = now.GetValueOrDefault(id);
            if (ReferenceEquals(was, @is))
            {
                continue;
            }
            var fields = compare(was, @is);
            var kind = was is null ? "added" : @is is null ? "removed" : "changed";
            if (kind != "changed" || !fields.IsEmpty)
            {
                items.Add(new ModelComparison { Model = id, Kind = kind, Fields = fields });
            }
        }
        return items;
    }
}
