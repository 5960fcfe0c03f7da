using CsCheck;
using Starmap.Catalog.Json;
using Starmap.Sync;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>Properties of reconciliation over random baselines and observations from three sources.</summary>
public sealed class ReconcilerProperties
{
    private static ReconcileResult Run(SyncCase c) =>
        Reconciler.Reconcile(c.Baseline, c.Known, c.Observations, AuthorityTable.Default, c.Now);

    private static ProviderDetails After(SyncCase c, ReconcileResult result) =>
        (c.Baseline ?? TestData.Details(TestData.Provider("openai", "OpenAI"))) with { Offerings = result.Offerings };

    private static ModelDefinition[] Known(SyncCase c, ReconcileResult result) =>
        [.. c.Known.Where(k => !result.Definitions.Any(d => d.Id == k.Id)).Concat(result.Definitions).OrderBy(d => d.Id, StringComparer.Ordinal)];

    [Fact]
    public void The_order_of_observations_and_definitions_does_not_matter() =>
        SyncGen.Case.SelectMany(c => Gen.Select(Gen.Shuffle(c.Observations.ToArray()), Gen.Shuffle(c.Known.ToArray()), (o, k) => (c, o, k)))
            .Sample((c, observations, known) =>
            {
                var shuffled = Run(c with { Observations = observations, Known = known });
                Assert.Equal(Run(c), shuffled);
            }, iter: 500);

    [Fact]
    public void Inputs_are_never_changed() =>
        SyncGen.Case.Sample(c =>
        {
            var before = (StarmapJson.Serialize(c.Baseline), StarmapJson.Serialize(c.Known), StarmapJson.Serialize(c.Observations));
            var table = AuthorityTable.Default.ToMarkdown();
            Run(c);
            Assert.Equal(before, (StarmapJson.Serialize(c.Baseline), StarmapJson.Serialize(c.Known), StarmapJson.Serialize(c.Observations)));
            Assert.Equal(table, AuthorityTable.Default.ToMarkdown());
        }, iter: 300);

    [Fact]
    public void Reconciling_the_result_again_changes_nothing() =>
        SyncGen.Case.Sample(c =>
        {
            var first = Run(c);
            var again = c with { Baseline = After(c, first), Known = Known(c, first) };
            var second = Run(again);
            Assert.True(Differ.Diff(again.Baseline, After(again, second), again.Known, second.Definitions).IsEmpty);
            Assert.Equal(first.Offerings, second.Offerings); // identical records, provenance and timestamps too
            Assert.Empty(second.Definitions);
        }, iter: 500);

    [Fact]
    public void Every_price_component_is_one_a_source_or_the_baseline_stated() =>
        SyncGen.Case.Sample(c =>
        {
            foreach (var offering in Run(c).Offerings.Where(o => o.Pricing is not null))
            {
                var stated = c.Observations.SelectMany(o => o.Models).Where(m => m.ModelId == offering.ModelId).Select(m => m.Offering.Pricing)
                    .Append(c.Baseline?.Offerings.FirstOrDefault(o => o.ModelId == offering.ModelId)?.Pricing)
                    .OfType<ModelPricing>().Select(PriceComponents).ToList();
                foreach (var (path, value) in PriceComponents(offering.Pricing!))
                {
                    Assert.Contains(stated, s => s.TryGetValue(path, out var v) && v == value);
                }
            }
        }, iter: 500);

    private static Dictionary<string, string> PriceComponents(ModelPricing pricing) =>
        Differ.Compare(null, new Offering { ProviderId = "p", ModelId = "m", Pricing = pricing })
            .Where(c => c.Path.StartsWith("pricing.", StringComparison.Ordinal) && c.New is not null)
            .ToDictionary(c => c.Path, c => c.New!, StringComparer.Ordinal);

    [Fact]
    public void Nothing_known_becomes_unknown_and_nothing_is_deleted() =>
        SyncGen.Case.Sample(c =>
        {
            var result = Run(c);
            foreach (var old in c.Baseline?.Offerings ?? [])
            {
                var now = result.Offerings.SingleOrDefault(o => o.ModelId == old.ModelId);
                Assert.NotNull(now);
                // Price components too: a source that omits one never makes it unknown.
                Assert.DoesNotContain(Differ.Compare(old, now), change => change.New is null);
                Assert.False(old.Pricing is not null && now.Pricing is null);
            }
            foreach (var definition in result.Definitions)
            {
                var known = c.Known.FirstOrDefault(k => k.Id == definition.Id);
                Assert.DoesNotContain(Differ.Compare(known, definition), change => change.New is null);
            }
        }, iter: 500);

    [Fact]
    public void A_complete_list_decides_membership() =>
        SyncGen.Case.Sample(c =>
        {
            var result = Run(c);
            var baseline = (c.Baseline?.Offerings ?? []).Select(o => o.ModelId);
            var complete = c.Observations.Where(o => o.IsCompleteList).ToList();
            var observed = (complete.Count > 0 ? complete : c.Observations.ToList()).SelectMany(o => o.Models).Select(m => m.ModelId);
            Assert.Equal(baseline.Union(observed).Order(StringComparer.Ordinal), result.Offerings.Select(o => o.ModelId));
            if (complete.Count > 0)
            {
                var listed = complete.SelectMany(o => o.Models).Select(m => m.ModelId).ToHashSet();
                Assert.All(result.Offerings.Where(o => !listed.Contains(o.ModelId)), o => Assert.Equal(Availability.Unavailable, o.Availability));
            }
        }, iter: 500);

    [Fact]
    public void Without_observations_the_baseline_comes_back_unchanged() =>
        SyncGen.Case.Sample(c =>
        {
            var result = Run(c with { Observations = [] });
            Assert.Equal(c.Baseline?.Offerings ?? [], result.Offerings);
            Assert.Empty(result.Definitions);
        }, iter: 200);

    [Fact]
    public void Provenance_is_sorted_unique_and_names_a_real_source() =>
        SyncGen.Case.Sample(c =>
        {
            var sources = c.Observations.Select(o => o.Source).Concat((c.Baseline?.Offerings ?? []).SelectMany(o => o.Provenance).Select(p => p.Source)).ToHashSet();
            foreach (var offering in Run(c).Offerings)
            {
                var paths = offering.Provenance.Select(p => p.Path).ToList();
                Assert.Equal(paths.Distinct().Order(StringComparer.Ordinal), paths);
                Assert.All(offering.Provenance, p => Assert.Contains(p.Source, sources));
            }
        }, iter: 300);
}
