using CsCheck;
using Starmap.Catalog.Query;

namespace Starmap.Catalog.Tests.Properties;

public sealed class ModelQueryProperties
{
    private static readonly Gen<(CatalogModel[] Models, ModelQuery Query)> Cases = Gen.Select(CatalogGen.Models, CatalogGen.Query);

    [Fact]
    public void The_engine_agrees_with_the_reference_implementation() =>
        Cases.Sample((models, query) =>
        {
            var page = ModelQueryEngine.Execute(models, query, 9);
            var (total, items) = ReferenceQuery.Run(models, query);
            Assert.Equal(total, page.Total);
            Assert.Equal(items.Select(m => m.Offering.Key), page.Items.Select(m => m.Offering.Key));
            Assert.Equal(9, page.Generation);
            Assert.Equal(query.Offset, page.Offset);
            Assert.Equal(query.Limit ?? ModelQuery.DefaultLimit, page.Limit);
        }, iter: 2000);

    [Fact]
    public void Executing_never_changes_the_input() =>
        Cases.Sample((models, query) =>
        {
            var before = models.ToArray();
            var queryBefore = query with { };
            var page = ModelQueryEngine.Execute(models, query, 1);
            Assert.Equal(before, models);
            Assert.True(before.Zip(models).All(p => ReferenceEquals(p.First, p.Second)));
            Assert.Equal(queryBefore, query);
            // Items are the input records themselves, not altered copies.
            Assert.All(page.Items, item => Assert.Contains(models, m => ReferenceEquals(m, item)));
        }, iter: 300);

    [Fact]
    public void Concatenated_pages_equal_the_unpaged_result() =>
        Gen.Select(CatalogGen.Models, CatalogGen.Query, Gen.Int[1, 6]).Sample((models, query, pageSize) =>
        {
            var whole = ModelQueryEngine.Execute(models, query with { Offset = 0, Limit = ModelQuery.MaxLimit }, 1);
            var pages = new List<CatalogModel>();
            for (var offset = 0; offset < whole.Total; offset += pageSize)
            {
                var page = ModelQueryEngine.Execute(models, query with { Offset = offset, Limit = pageSize }, 1);
                Assert.Equal(whole.Total, page.Total);
                Assert.InRange(page.Items.Count, 1, pageSize);
                pages.AddRange(page.Items);
            }
            Assert.Equal(whole.Items, pages);
        }, iter: 300);

    [Fact]
    public void Results_are_sorted_with_unknowns_last() =>
        Cases.Sample((models, query) =>
        {
            var items = ModelQueryEngine.Execute(models, query with { Offset = 0, Limit = ModelQuery.MaxLimit }, 1).Items;
            decimal? Key(CatalogModel m) => query.Sort switch
            {
                ModelSort.Context => m.ContextWindow,
                ModelSort.InputPrice => m.InputPrice,
                ModelSort.OutputPrice => m.OutputPrice,
                ModelSort.ReleaseDate => m.ReleaseDate?.DayNumber,
                _ => 0,
            };
            var keys = items.Select(Key).ToList();
            var firstUnknown = keys.FindIndex(k => k is null);
            if (firstUnknown >= 0)
            {
                Assert.All(keys.Skip(firstUnknown), k => Assert.Null(k));
            }
        }, iter: 300);
}
