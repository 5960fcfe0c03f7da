using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>Which models exist after a sync: a complete list decides; nothing is ever deleted.</summary>
public sealed class ReconcilerMembershipTests
{
    private static ReconcileResult Run(ProviderDetails? baseline, params SourceObservation[] observations) =>
        Reconciler.Reconcile(baseline, [], observations, AuthorityTable.Default, Now);

    private static readonly Offering Live = Offering("gpt-4") with { Availability = Availability.Available, CreatedAt = Earlier };

    [Fact]
    public void A_model_gone_from_the_complete_list_is_kept_and_marked_unavailable()
    {
        var result = Run(Baseline(Live, Offering("gpt-4o")), Api(Model("gpt-4o")));
        Assert.Equal(["gpt-4", "gpt-4o"], result.Offerings.Select(o => o.ModelId));
        var gone = result.Single("gpt-4");
        Assert.Equal(Availability.Unavailable, gone.Availability);
        Assert.Null(gone.Lifecycle); // no retirement date: not called retired
        Assert.Equal("provider-api", gone.SourceOf("availability"));
        Assert.Equal((Earlier, Now), (gone.CreatedAt!.Value, gone.UpdatedAt!.Value));
    }

    [Fact]
    public void A_gone_model_whose_retirement_date_has_come_is_retired()
    {
        var retiring = Live with { Lifecycle = new OfferingLifecycle { Status = LifecycleStatus.Deprecated, RetiresAt = DateOnly.FromDateTime(Now.UtcDateTime) } };
        var notYet = Offering("gpt-3.5") with { Lifecycle = new OfferingLifecycle { RetiresAt = new DateOnly(2027, 1, 1) } };
        var result = Run(Baseline(retiring, notYet), Api(Model("gpt-4o")));
        Assert.Equal(LifecycleStatus.Retired, result.Single("gpt-4").Lifecycle!.Status);
        Assert.Equal(LifecycleStatus.Unknown, result.Single("gpt-3.5").Lifecycle!.Status);
        Assert.All(result.Offerings.Where(o => o.ModelId != "gpt-4o"), o => Assert.Equal(Availability.Unavailable, o.Availability));
    }

    [Fact]
    public void A_model_only_models_dev_lists_is_not_added_when_a_complete_list_exists()
    {
        var result = Run(Baseline(Live),
            Api(Model("gpt-4")),
            Dev(Model("gpt-4", o => o with { Name = "GPT-4" }), Model("o1-pro"), Model("dall-e-2")));
        Assert.Equal(["gpt-4"], result.Offerings.Select(o => o.ModelId));
        Assert.Equal("GPT-4", result.Single("gpt-4").Name);
        Assert.Equal(["openai: models.dev listed 2 model(s) not in the complete list from provider-api; not added"], result.Warnings);
    }

    [Fact]
    public void Without_a_complete_list_other_sources_add_and_update_and_absent_models_stay()
    {
        var result = Run(Baseline(Live), Dev(Model("o1-pro", o => o with { Name = "o1 pro" })));
        Assert.Equal(["gpt-4", "o1-pro"], result.Offerings.Select(o => o.ModelId));
        Assert.Equal(Live, result.Single("gpt-4"));
        Assert.Equal(Availability.Unknown, result.Single("o1-pro").Availability); // only a complete list implies available
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_model_listed_again_is_available_again()
    {
        var gone = Live with { Availability = Availability.Unavailable };
        var back = Run(Baseline(gone), Api(Model("gpt-4"))).Single("gpt-4");
        Assert.Equal(Availability.Available, back.Availability);
    }

    [Fact]
    public void A_complete_list_may_still_say_a_listed_model_is_restricted()
    {
        var restricted = Run(Baseline(Live), Api(Model("gpt-4", o => o with { Availability = Availability.Restricted }))).Single("gpt-4");
        Assert.Equal(Availability.Restricted, restricted.Availability);
    }

    [Fact]
    public void Reconciling_a_gone_model_again_changes_nothing()
    {
        var first = Run(Baseline(Live, Offering("gpt-4o")), Api(Model("gpt-4o")));
        var second = Reconciler.Reconcile(Baseline([.. first.Offerings]), [], [Api(Model("gpt-4o"))], AuthorityTable.Default, Now.AddDays(1));
        Assert.Equal(first.Offerings, second.Offerings);
    }

    [Fact]
    public void No_baseline_and_no_observations_give_nothing()
    {
        var result = Run(null);
        Assert.Empty(result.Offerings);
        Assert.Empty(result.Definitions);
    }
}
