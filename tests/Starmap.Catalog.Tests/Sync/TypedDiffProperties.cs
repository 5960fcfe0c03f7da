using CsCheck;
using Starmap.Sync;
using Starmap.Sync.History;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>
/// The diffs skip every property that is equal on both sides by a typed comparison (no JSON) before they
/// flatten anything: over random baselines and reconcile results they must give exactly what flattening
/// both whole records to JSON fields gives.
/// </summary>
public sealed class TypedDiffProperties
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // Pairs the sync meets: each baseline offering against its reconciled self, and random pairs of the
    // generated offerings (sharing some properties, not others).
    private static IEnumerable<(Offering Before, Offering After)> Pairs(SyncCase c)
    {
        var result = Reconciler.Reconcile(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);
        var before = (c.Baseline?.Offerings ?? []).ToList();
        var all = before.Concat(result.Offerings).Concat(c.Observations.SelectMany(o => o.Models).Select(m => m.Offering)).ToList();
        foreach (var offering in result.Offerings)
        {
            if (before.FirstOrDefault(o => o.ModelId == offering.ModelId) is { } old)
            {
                yield return (old, offering);
            }
        }
        for (var i = 0; i + 1 < all.Count; i++)
        {
            yield return (all[i], all[i + 1]);
            yield return (all[i], all[i] with { CreatedAt = all[i].CreatedAt?.ToOffset(TimeSpan.FromHours(2)) });
        }
    }

    [Fact]
    public void The_typed_offering_diff_equals_the_diff_of_the_whole_records_as_json() =>
        SyncGen.Case.Sample(c =>
        {
            foreach (var (before, after) in Pairs(c))
            {
                Assert.Equal(Differ.ChangesByJson(before, after, Differ.OfferingBookkeeping, after.Provenance), Differ.Compare(before, after));
            }
        }, iter: 500);

    [Fact]
    public void The_typed_definition_diff_equals_the_diff_of_the_whole_records_as_json() =>
        SyncGen.Case.Sample(c =>
        {
            var result = Reconciler.Reconcile(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);
            var all = c.Known.Concat(result.Definitions).Concat(c.Observations.SelectMany(o => o.Models).Select(m => m.Definition).OfType<ModelDefinition>()).ToList();
            for (var i = 0; i + 1 < all.Count; i++)
            {
                Assert.Equal(Differ.ChangesByJson(all[i], all[i + 1], Differ.DefinitionBookkeeping, []), Differ.Compare(all[i], all[i + 1]));
            }
        }, iter: 500);

    [Fact]
    public void The_typed_change_log_diff_equals_the_change_log_diff_of_the_whole_records_as_json() =>
        SyncGen.Case.Sample(c =>
        {
            var result = Reconciler.Reconcile(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);
            var before = c.Baseline ?? TestData.Details(TestData.Provider("openai", "OpenAI"));
            var after = before with { Offerings = result.Offerings, Version = before.Version + 1 };
            Assert.Equal(EntityChanges.OfByJson(before, after), EntityChanges.Of(before, after));
            // Copies that are equal but not the same instances go through the typed comparison too.
            var copy = before with { Offerings = [.. before.Offerings.Select(o => o with { })] };
            Assert.Equal(EntityChanges.OfByJson(before, copy), EntityChanges.Of(before, copy));
        }, iter: 500);

    [Fact]
    public void A_time_moved_to_another_offset_at_the_same_instant_is_a_change_as_its_json_is() =>
        Assert.Equal(
            ["created_at"],
            EntityChanges.Of(
                TestData.Details(TestData.Provider("openai", "OpenAI"), [Offering(Now)]),
                TestData.Details(TestData.Provider("openai", "OpenAI"), [Offering(Now.ToOffset(TimeSpan.FromHours(2)))]))
            .Select(c => c.Path));

    [Fact]
    public void Records_equal_but_for_one_price_show_just_that_price() =>
        Assert.Equal(
            [("pricing.tokens.input", "1.0", "2")],
            Differ.Compare(Offering(Now), Offering(Now) with { Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 2m, Output = 4m } } })
                .Select(c => (c.Path, c.Old, c.New)));

    private static Offering Offering(DateTimeOffset created) => new()
    {
        ProviderId = "openai",
        ModelId = "gpt-4o",
        Name = "GPT-4o",
        CreatedAt = created,
        Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1.0m, Output = 4m } },
        Availability = Availability.Available,
    };
}
