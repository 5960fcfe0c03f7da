using CsCheck;
using Starmap.Catalog.Query;
using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests.Properties;

/// <summary>The query index answers exactly as the engine does, whatever the models and the query.</summary>
public sealed class ModelIndexProperties
{
    [Fact]
    public void The_index_answers_every_query_with_the_engines_page_and_total() =>
        Gen.Select(CatalogGen.Models, CatalogGen.Query).Sample((models, query) =>
        {
            var expected = ModelQueryEngine.Execute(models, query, 7);
            var index = new ModelIndex(models);
            // Twice: the second answer reads the sorted order the first one built.
            foreach (var page in new[] { index.Execute(query, 7), index.Execute(query, 7) })
            {
                Assert.Equal(expected.Total, page.Total);
                Assert.Equal(expected.Offset, page.Offset);
                Assert.Equal(expected.Limit, page.Limit);
                Assert.Equal(7, page.Generation);
                Assert.Equal(expected.Items.Count, page.Items.Count);
                Assert.True(expected.Items.Zip(page.Items).All(p => ReferenceEquals(p.First, p.Second)));
            }
        }, iter: 2000);

    [Fact]
    public void Deep_pages_from_the_index_equal_the_engines() =>
        Gen.Select(CatalogGen.Models, CatalogGen.Query, Gen.Int[0, 40]).Sample((models, query, offset) =>
        {
            var deep = query with { Offset = offset, Limit = ModelQuery.MaxLimit };
            var expected = ModelQueryEngine.Execute(models, deep, 1);
            var page = new ModelIndex(models).Execute(deep, 1);
            Assert.Equal(expected.Total, page.Total);
            Assert.True(expected.Items.Count == page.Items.Count && expected.Items.Zip(page.Items).All(p => ReferenceEquals(p.First, p.Second)));
        }, iter: 500);

    [Fact]
    public void A_snapshot_query_rejects_a_bad_query_as_the_engine_does()
    {
        var snapshot = CatalogSnapshot.Build(1, [], []);
        Assert.Throws<StarmapValidationException>(() => snapshot.Query(new ModelQuery { Limit = -1 }));
    }
}
