using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>The guard refuses a complete list that would mark most of the catalog gone.</summary>
public sealed class PlausibilityGuardTests
{
    private static ProviderDetails Catalog(int count) =>
        Baseline([.. Enumerable.Range(0, count).Select(i => Offering($"m{i:000}"))]);

    private static SourceObservation Listing(int count, int from = 0) =>
        Api([.. Enumerable.Range(from, count).Select(i => Model($"m{i:000}"))]);

    [Fact]
    public void A_list_that_lost_most_models_is_refused_with_the_counts()
    {
        var reason = PlausibilityGuard.Check(Catalog(118), Listing(3));
        Assert.Equal("openai: provider-api listed 3 models where the catalog has 118 (115 gone, more than 50%); force the sync to apply it anyway (-Force, force=true, SyncRequest.Force)", reason);
    }

    [Theory]
    [InlineData(10, 5, true)]    // exactly half gone: allowed
    [InlineData(10, 4, false)]   // six of ten gone
    [InlineData(4, 1, false)]    // at the minimum size the check applies
    [InlineData(3, 1, true)]     // below it small lists may shrink freely
    [InlineData(10, 10, true)]
    public void Shrinking_beyond_the_fraction_is_refused(int catalog, int listed, bool allowed) =>
        Assert.Equal(allowed, PlausibilityGuard.Check(Catalog(catalog), Listing(listed)) is null);

    [Fact]
    public void A_list_of_new_models_counts_the_old_ones_as_gone() =>
        Assert.NotNull(PlausibilityGuard.Check(Catalog(10), Listing(10, from: 100)));

    [Fact]
    public void An_empty_list_is_refused_whenever_the_catalog_has_models()
    {
        Assert.Equal("openai: provider-api listed no models where the catalog has 1; force the sync to apply it anyway (-Force, force=true, SyncRequest.Force)",
            PlausibilityGuard.Check(Catalog(1), Listing(0)));
        Assert.Null(PlausibilityGuard.Check(Catalog(0), Listing(0)));
        Assert.Null(PlausibilityGuard.Check(null, Listing(0)));
    }

    [Fact]
    public void Models_already_gone_do_not_count()
    {
        var baseline = Baseline([.. Enumerable.Range(0, 10).Select(i => Offering($"m{i:000}") with
        {
            Availability = i < 6 ? Availability.Unavailable : Availability.Available,
        })]);
        Assert.Null(PlausibilityGuard.Check(baseline, Listing(4, from: 6)));
        var retired = baseline with { Offerings = [.. baseline.Offerings.Select(o => o with { Availability = Availability.Unknown, Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Retired } })] };
        Assert.Null(PlausibilityGuard.Check(retired, Listing(0)));
    }

    [Fact]
    public void Partial_lists_are_not_checked() =>
        Assert.Null(PlausibilityGuard.Check(Catalog(100), Dev(Model("m000"))));

    [Fact]
    public void Thresholds_are_options()
    {
        var strict = new GuardOptions { MaxShrinkFraction = 0.1, MinBaselineForShrinkCheck = 1 };
        Assert.NotNull(PlausibilityGuard.Check(Catalog(10), Listing(8), strict));
        Assert.Null(PlausibilityGuard.Check(Catalog(10), Listing(9), strict));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlausibilityGuard.Check(Catalog(1), Listing(1), new GuardOptions { MaxShrinkFraction = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlausibilityGuard.Check(Catalog(1), Listing(1), new GuardOptions { MinBaselineForShrinkCheck = -1 }));
    }
}
