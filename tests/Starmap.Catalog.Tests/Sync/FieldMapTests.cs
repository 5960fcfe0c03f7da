using Starmap.Catalog.Seed;
using Starmap.Sync;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>
/// A record flattened with some top-level properties excluded writes only the others to JSON nodes: over every
/// offering and definition of the built-in catalog, and several exclusions, it must give exactly the fields the
/// whole record written to nodes gives.
/// </summary>
public sealed class FieldMapTests
{
    private static readonly BuiltInCatalog Seed = BuiltInCatalog.Load();

    private static readonly string[] OfferingNames = [.. Names(Seed.Providers.SelectMany(p => p.Offerings))];

    private static readonly string[] DefinitionNames = [.. Names(Seed.Authors.SelectMany(a => a.Definitions))];

    // Every top-level name any record writes.
    private static SortedSet<string> Names<T>(IEnumerable<T> records) =>
        new(records.SelectMany(r => FieldMap.OfWholeRecord(r, new HashSet<string>()).Fields.Keys.Select(k => k.Split('.', '[')[0])), StringComparer.Ordinal);

    // None, the merge's bookkeeping, each name alone, all but each name, and every other name.
    private static IEnumerable<HashSet<string>> Exclusions(string[] names)
    {
        yield return [];
        yield return ["provider_id", "model_id", "created_at", "updated_at", "provenance", "quarantine"];
        foreach (var name in names)
        {
            yield return [name];
            yield return [.. names.Where(n => n != name)];
        }
        yield return [.. names.Where((_, i) => i % 2 == 0)];
        yield return [.. names.Where((_, i) => i % 2 == 1)];
    }

    private static void AssertSame<T>(IEnumerable<T> records, string[] names)
    {
        var exclusions = Exclusions(names).ToList();
        var compared = 0;
        foreach (var (record, i) in records.Select((r, i) => (r, i)))
        {
            // Every record against a few exclusions in turn, and the first records against all of them.
            foreach (var excluded in i < 20 ? exclusions : exclusions.Where((_, j) => j % 37 == i % 37))
            {
                var partial = FieldMap.Of(record, excluded, IsUnit).Fields;
                var whole = FieldMap.OfWholeRecord(record, excluded, IsUnit).Fields;
                Assert.Equal(whole.Keys, partial.Keys);
                foreach (var (path, field) in whole)
                {
                    var other = partial[path];
                    Assert.True(field.Value.ToJsonString() == other.Value.ToJsonString() && field.Type == other.Type && field.IsUnit == other.IsUnit,
                        $"{typeof(T).Name} #{i}, {path} without {string.Join(",", excluded)}: {field} against {other}");
                }
                compared++;
            }
        }
        Assert.True(compared > 1000, $"{compared} comparisons");
    }

    // Some paths kept whole, as the merge's authority table keeps price tiers.
    private static bool IsUnit(string path) => path.EndsWith(".tiers", StringComparison.Ordinal) || path == "features";

    [Fact]
    public void Offerings_flattened_without_some_properties_equal_the_whole_record_flattened_so() =>
        AssertSame(Seed.Providers.SelectMany(p => p.Offerings), OfferingNames);

    [Fact]
    public void Definitions_flattened_without_some_properties_equal_the_whole_record_flattened_so() =>
        AssertSame(Seed.Authors.SelectMany(a => a.Definitions), DefinitionNames);
}
