using Starmap.Catalog.Snapshot;
using Starmap.Sync;

namespace Starmap.Grains.History;

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

    private static AuthorComparison? Author(string id, AuthorDetails? before, AuthorDetails? after) =>
        Difference.Of(before is not null, after is not null, Differ.Compare(before?.Author, after?.Author),
            Items(before?.Definitions ?? [], after?.Definitions ?? [], d => d.Id, (a, b) => Differ.Compare(a, b))) is { } d
            ? new AuthorComparison { Author = id, Kind = d.Kind, Added = d.Added, Removed = d.Removed, Changed = d.Changed, Fields = d.Fields, Definitions = d.Items }
            : null;

    private static ProviderComparison? Provider(string id, ProviderDetails? before, ProviderDetails? after) =>
        Difference.Of(before is not null, after is not null, Differ.Compare(before?.Provider, after?.Provider),
            Items(before?.Offerings ?? [], after?.Offerings ?? [], o => o.ModelId, (a, b) => Differ.Compare(a, b))) is { } d
            ? new ProviderComparison { Provider = id, Kind = d.Kind, Added = d.Added, Removed = d.Removed, Changed = d.Changed, Fields = d.Fields, Models = d.Items }
            : null;

    // What a provider's or an author's comparison says, worked out once for both: its kind, its record's changed
    // fields, and its items (offerings, definitions) that differ with their counts by kind.
    private readonly record struct Difference(string Kind, int Added, int Removed, int Changed, EquatableArray<FieldChange> Fields, EquatableArray<ModelComparison> Items)
    {
        // Null when neither the record nor any item differs.
        public static Difference? Of(bool existed, bool exists, EquatableArray<FieldChange> record, List<ModelComparison> items) =>
            items.Count == 0 && record.IsEmpty
                ? null
                : new Difference(KindOf(existed, exists), Count(items, "added"), Count(items, "removed"), Count(items, "changed"), record, [.. items]);

        private static int Count(List<ModelComparison> items, string kind) => items.Count(i => i.Kind == kind);
    }

    private static string KindOf(bool existed, bool exists) => !existed ? "added" : !exists ? "removed" : "changed";

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
            var kind = KindOf(was is not null, @is is not null);
            if (kind != "changed" || !fields.IsEmpty)
            {
                items.Add(new ModelComparison { Model = id, Kind = kind, Fields = fields });
            }
        }
        return items;
    }
}
