using Starmap.Catalog.Query;

namespace Starmap.Catalog.Tests.Query;

public sealed class ModelQuerySortTests
{
    private static CatalogModel Priced(string provider, string id, decimal? input, long? context = null, DateOnly? released = null) =>
        TestData.Model(
            TestData.Offering(provider, id) with { Pricing = TestData.Price(input), Limits = new ModelLimits { ContextWindow = context } },
            released is null ? null : TestData.Definition("a/" + id) with { Metadata = new ModelMetadata { ReleaseDate = released } });

    private static readonly CatalogModel Cheap = Priced("groq", "cheap", 0.1m, 8_000, new DateOnly(2024, 1, 1));
    private static readonly CatalogModel Dear = Priced("openai", "dear", 15m, 200_000, new DateOnly(2025, 1, 1));
    private static readonly CatalogModel UnknownB = Priced("b", "unknown", null);
    private static readonly CatalogModel UnknownA = Priced("a", "unknown", null);
    private static readonly CatalogModel TieZ = Priced("z", "tie", 1m, 8_000);
    private static readonly CatalogModel TieA = Priced("a", "tie", 1m, 8_000);

    private static readonly CatalogModel[] All = [UnknownB, Dear, TieZ, Cheap, UnknownA, TieA];

    [Fact]
    public void Unknown_prices_sort_last_in_both_orders_with_ties_by_provider_then_id()
    {
        Assert.Equal([Cheap, TieA, TieZ, Dear, UnknownA, UnknownB], Sorted(ModelSort.InputPrice, SortOrder.Ascending));
        Assert.Equal([Dear, TieA, TieZ, Cheap, UnknownA, UnknownB], Sorted(ModelSort.InputPrice, SortOrder.Descending));
    }

    [Fact]
    public void Unknown_context_sorts_last_in_both_orders()
    {
        // Three models share 8,000 tokens; they stay in provider order (a, groq, z) in both directions.
        Assert.Equal([TieA, Cheap, TieZ, Dear, UnknownA, UnknownB], Sorted(ModelSort.Context, SortOrder.Ascending));
        Assert.Equal([Dear, TieA, Cheap, TieZ, UnknownA, UnknownB], Sorted(ModelSort.Context, SortOrder.Descending));
    }

    [Fact]
    public void Unknown_release_dates_sort_last_in_both_orders()
    {
        Assert.Equal([Cheap, Dear, TieA, UnknownA, UnknownB, TieZ], Sorted(ModelSort.ReleaseDate, SortOrder.Ascending));
        Assert.Equal([Dear, Cheap, TieA, UnknownA, UnknownB, TieZ], Sorted(ModelSort.ReleaseDate, SortOrder.Descending));
    }

    [Fact]
    public void Output_price_unknown_everywhere_falls_back_to_the_key() =>
        Assert.Equal([TieA, UnknownA, UnknownB, Cheap, Dear, TieZ], Sorted(ModelSort.OutputPrice, SortOrder.Descending));

    [Fact]
    public void Id_sort_orders_by_provider_then_model_id_in_either_direction()
    {
        Assert.Equal([TieA, UnknownA, UnknownB, Cheap, Dear, TieZ], Sorted(ModelSort.Id, SortOrder.Ascending));
        Assert.Equal([TieZ, Dear, Cheap, UnknownB, UnknownA, TieA], Sorted(ModelSort.Id, SortOrder.Descending));
    }

    [Fact]
    public void Name_sort_ignores_case()
    {
        var upper = TestData.Model(TestData.Offering("p", "x") with { Name = "Beta" });
        var lower = TestData.Model(TestData.Offering("p", "y") with { Name = "alpha" });
        var page = ModelQueryEngine.Execute([upper, lower], new ModelQuery { Sort = ModelSort.Name }, 1);
        Assert.Equal([lower, upper], page.Items);
    }

    [Fact]
    public void Offset_and_limit_page_through_the_sorted_matches()
    {
        var query = new ModelQuery { Sort = ModelSort.InputPrice, Offset = 1, Limit = 2 };
        var page = ModelQueryEngine.Execute(All, query, 7);
        Assert.Equal([TieA, TieZ], page.Items);
        Assert.Equal(6, page.Total);
        Assert.Equal(1, page.Offset);
        Assert.Equal(2, page.Limit);
    }

    [Fact]
    public void An_offset_past_the_end_gives_an_empty_page_with_the_total()
    {
        var page = ModelQueryEngine.Execute(All, new ModelQuery { Offset = 50 }, 1);
        Assert.Empty(page.Items);
        Assert.Equal(6, page.Total);
    }

    [Fact]
    public void Total_counts_matches_not_the_whole_input()
    {
        var page = ModelQueryEngine.Execute(All, new ModelQuery { MaxInputPrice = 1m, Limit = 1 }, 1);
        Assert.Equal(3, page.Total);
        Assert.Single(page.Items);
    }

    [Fact]
    public void The_input_list_is_left_in_its_order()
    {
        CatalogModel[] input = [.. All];
        ModelQueryEngine.Execute(input, new ModelQuery { Sort = ModelSort.InputPrice }, 1);
        Assert.Equal(All, input);
    }

    private static EquatableArray<CatalogModel> Sorted(ModelSort sort, SortOrder order) =>
        ModelQueryEngine.Execute(All, new ModelQuery { Sort = sort, Order = order }, 1).Items;
}
