using CsCheck;
using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>A sync moves a lifecycle only forward: live, deprecated, retired.</summary>
public sealed class ReconcilerLifecycleTests
{
    private static readonly DateOnly Passed = DateOnly.FromDateTime(Earlier.UtcDateTime);

    private static Offering WithStatus(string id, LifecycleStatus status, DateOnly? retiresAt = null) =>
        Offering(id) with { Lifecycle = new OfferingLifecycle { Status = status, RetiresAt = retiresAt } };

    [Fact]
    public void A_retired_model_whose_retirement_date_has_passed_stays_retired_when_models_dev_says_deprecated()
    {
        var retired = WithStatus("gpt-3.5-turbo", LifecycleStatus.Retired, Passed);
        var result = Reconciler.Reconcile(Baseline(retired), [], [Dev(Model("gpt-3.5-turbo", o => o with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated } }))],
            AuthorityTable.Default, Now);
        var after = result.Single("gpt-3.5-turbo");
        Assert.Equal(LifecycleStatus.Retired, after.Lifecycle!.Status);
        Assert.Equal(Passed, after.Lifecycle.RetiresAt);
        Assert.Equal(retired, after); // nothing changed, not even provenance or UpdatedAt
    }

    [Theory]
    [InlineData(SourceIds.ProviderApi)]
    [InlineData(SourceIds.ModelsDev)]
    [InlineData(SourceIds.Local)]
    public void No_source_moves_a_deprecated_model_back_to_active(string source)
    {
        var deprecated = WithStatus("gpt-4", LifecycleStatus.Deprecated);
        var said = Observe(source, complete: source == SourceIds.ProviderApi,
            Model("gpt-4", o => o with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Active } }));
        var after = Reconciler.Reconcile(Baseline(deprecated), [], [said], AuthorityTable.Default, Now).Single("gpt-4");
        Assert.Equal(LifecycleStatus.Deprecated, after.Lifecycle!.Status);
        Assert.Null(after.SourceOf("lifecycle.status"));
    }

    [Fact]
    public void A_later_stage_from_a_source_still_wins()
    {
        var active = WithStatus("gpt-4", LifecycleStatus.Active);
        var after = Reconciler.Reconcile(Baseline(active), [], [Dev(Model("gpt-4", o => o with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated } }))],
            AuthorityTable.Default, Now).Single("gpt-4");
        Assert.Equal(LifecycleStatus.Deprecated, after.Lifecycle!.Status);
        Assert.Equal(SourceIds.ModelsDev, after.SourceOf("lifecycle.status"));
    }

    [Fact]
    public void Other_lifecycle_fields_still_merge_when_the_status_is_kept()
    {
        var retired = WithStatus("gpt-4", LifecycleStatus.Retired);
        var later = new DateOnly(2026, 3, 1);
        var after = Reconciler.Reconcile(Baseline(retired), [],
            [Api(Model("gpt-4", o => o with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated, RetiresAt = later } }))],
            AuthorityTable.Default, Now).Single("gpt-4");
        Assert.Equal(LifecycleStatus.Retired, after.Lifecycle!.Status);
        Assert.Equal(later, after.Lifecycle.RetiresAt);
        Assert.Equal(SourceIds.ProviderApi, after.SourceOf("lifecycle.retires_at"));
    }

    [Fact]
    public void The_lifecycle_status_never_moves_to_an_earlier_stage() =>
        SyncGen.Case.Sample(c =>
        {
            var result = Reconciler.Reconcile(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);
            foreach (var before in (c.Baseline?.Offerings ?? []).DistinctBy(o => o.ModelId, StringComparer.Ordinal))
            {
                var after = result.Offerings.Single(o => o.ModelId == before.ModelId);
                var rankBefore = LifecycleStages.Rank(before.Lifecycle?.Status ?? LifecycleStatus.Unknown);
                Assert.True(LifecycleStages.Rank(after.Lifecycle?.Status ?? LifecycleStatus.Unknown) >= rankBefore,
                    $"{before.ModelId}: {before.Lifecycle?.Status} became {after.Lifecycle?.Status}");
            }
        }, iter: 500);
}
