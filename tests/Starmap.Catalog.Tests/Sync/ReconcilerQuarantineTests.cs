using Starmap.Catalog.Validation;
using Starmap.Sync;
using static Starmap.Catalog.Tests.Sync.SyncData;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>A quarantine note describes the current refusal: it follows the source, not history.</summary>
public sealed class ReconcilerQuarantineTests
{
    private static ReconcileResult Run(ProviderDetails? baseline, params SourceObservation[] observations) =>
        Reconciler.Reconcile(baseline, [], observations.Select(o => RecordSanitizer.Sanitize(o, new List<string>())).ToList(), AuthorityTable.Default, Now);

    private static ObservedModel Limits(long context, long output) =>
        Model("gpt-4o", o => o with { Limits = new ModelLimits { ContextWindow = context, OutputTokens = output } });

    [Fact]
    public void A_refused_field_arrives_with_its_note_and_the_rest_of_the_record()
    {
        var after = Run(null, Dev(Limits(8_000, 16_000))).Single("gpt-4o");

        Assert.Equal(new ModelLimits { ContextWindow = 8_000 }, after.Limits);
        var note = Assert.Single(after.Quarantine);
        Assert.Equal(("limits.output_tokens", "16000", SourceIds.ModelsDev), (note.Path, note.Value, note.Source));
    }

    [Fact]
    public void A_note_is_dropped_when_a_later_sync_gives_a_valid_value_for_the_field()
    {
        var first = Run(null, Dev(Limits(8_000, 16_000))).Single("gpt-4o");

        var second = Run(Baseline(first), Dev(Limits(8_000, 4_000))).Single("gpt-4o");

        Assert.Equal(4_000, second.Limits!.OutputTokens);
        Assert.Empty(second.Quarantine);
        var changes = Differ.Diff(Baseline(first), Baseline(second));
        Assert.Equal("limits.output_tokens", Assert.Single(changes.Released).Path);
        Assert.Empty(changes.Quarantined);
    }

    [Fact]
    public void A_note_stays_while_its_source_refuses_again_and_keeps_its_first_sighting()
    {
        var first = Run(null, Dev(Limits(8_000, 16_000))).Single("gpt-4o");

        var second = Run(Baseline(first), Dev(Limits(8_000, 16_000))).Single("gpt-4o");

        Assert.Equal(first.Quarantine, second.Quarantine);
        Assert.True(Differ.Diff(Baseline(first), Baseline(second)).IsEmpty);
    }

    [Fact]
    public void A_note_stays_through_a_sync_of_other_sources_that_leaves_the_field_unknown()
    {
        var first = Run(null, Dev(Limits(8_000, 16_000))).Single("gpt-4o");

        var second = Run(Baseline(first), Api(Model("gpt-4o", o => o with { Name = "GPT-4o" }))).Single("gpt-4o");

        Assert.Equal(first.Quarantine, second.Quarantine);
    }

    [Fact]
    public void The_changeset_lists_the_notes_a_run_adds_with_model_field_value_reason_and_source()
    {
        var before = Baseline(Offering("gpt-4o") with { Name = "GPT-4o" });
        var after = Run(before, Dev(Model("gpt-4o", o => o with { Name = "GPT-4o\t", Pricing = Price(-1m, 10m) })));

        var changes = Differ.Diff(before, Baseline([.. after.Offerings]));

        Assert.Equal(["name", "pricing.tokens.input"], changes.Quarantined.Select(q => q.Path));
        var price = changes.Quarantined[1];
        Assert.Equal((QuarantineKinds.Offering, "openai", "gpt-4o", "-1", "must not be negative", SourceIds.ModelsDev),
            (price.Kind, price.ProviderId, price.ModelId, price.Value, price.Reason, price.Source));
        // The known name is kept: unknown never overwrites known, and the note says why the source's was refused.
        Assert.Equal("GPT-4o", after.Single("gpt-4o").Name);
    }

    [Fact]
    public void A_definitions_refused_name_does_not_overwrite_a_known_name_and_keeps_its_note()
    {
        var known = new ModelDefinition { Id = "openai/gpt-4o", Name = "GPT-4o" };
        var observed = Model("gpt-4o", definition: new ModelDefinition { Id = "openai/gpt-4o", Name = "GPT\u202E-4o", Description = "Omni" });
        var observation = RecordSanitizer.Sanitize(Dev(observed), new List<string>());

        var result = Reconciler.Reconcile(Baseline(), [known], [observation], AuthorityTable.Default, Now);

        var definition = Assert.Single(result.Definitions);
        Assert.Equal("GPT-4o", definition.Name);
        Assert.Equal("Omni", definition.Description);
        Assert.Equal("name", Assert.Single(definition.Quarantine).Path);
    }
}
