using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests.Validation;

/// <summary>A source record keeps every valid field; each refused one is left unknown with a note.</summary>
public sealed class RecordSanitizerTests
{
    private static readonly DateTimeOffset Seen = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Offering Good = new()
    {
        ProviderId = "groq",
        ModelId = "openai/gpt-oss-120b",
        Name = "GPT OSS 120B",
        Description = "Open weights.\nTwo lines\tand a tab are fine in a description.",
        Pricing = new ModelPricing
        {
            Tokens = new TokenPrices { Input = 0.15m, Output = 0.75m, CacheRead = 0.075m },
            Tiers = [new PricingTier { ContextThreshold = 128_000, Tokens = new TokenPrices { Input = 0.3m, Output = 1.5m } }],
        },
        Limits = new ModelLimits { ContextWindow = 131_072, OutputTokens = 32_768 },
        Regions = ["us", "eu"],
        Availability = Availability.Available,
    };

    private static Sanitized<Offering> Clean(Offering offering) => RecordSanitizer.Sanitize(offering, SourceIds.ModelsDev, Seen, "groq");

    [Fact]
    public void A_valid_record_comes_back_unchanged_without_notes()
    {
        var result = Clean(Good);

        Assert.Same(Good, result.Record);
        Assert.Empty(result.Added);
        Assert.Null(result.Skipped);
    }

    [Fact]
    public void An_output_limit_above_the_context_window_is_left_unknown_and_the_other_limits_kept()
    {
        var result = Clean(Good with { Limits = new ModelLimits { ContextWindow = 8_192, InputTokens = 8_000, OutputTokens = 65_536 } });

        var record = Assert.IsType<Offering>(result.Record);
        Assert.Equal(new ModelLimits { ContextWindow = 8_192, InputTokens = 8_000 }, record.Limits);
        var note = Assert.Single(record.Quarantine);
        Assert.Equal("limits.output_tokens", note.Path);
        Assert.Equal("65536", note.Value);
        Assert.Equal("must not exceed context_window (8192)", note.Reason);
        Assert.Equal(SourceIds.ModelsDev, note.Source);
        Assert.Equal(Seen, note.ObservedAt);
        Assert.Equal(record with { Limits = Good.Limits, Quarantine = [] }, Good with { Limits = Good.Limits });
        CatalogValidator.Validate(record, "groq");
    }

    [Theory]
    [InlineData("L3 70B Euryale V2.1\t", "L3 70B Euryale V2.1\\u0009", "contains a control character")]
    [InlineData("Line\nbreak", "Line\\u000abreak", "contains a control character")]
    [InlineData("evil\u202Egnp.exe", "evil\\u202egnp.exe", "contains a bidirectional control character (U+202E)")]
    public void A_name_with_control_or_bidi_characters_is_left_unknown_with_the_value_escaped(string name, string escaped, string reason)
    {
        var result = Clean(Good with { Name = name });

        var record = Assert.IsType<Offering>(result.Record);
        Assert.Null(record.Name);
        var note = Assert.Single(record.Quarantine);
        Assert.Equal(("name", escaped, reason), (note.Path, note.Value, note.Reason));
        Assert.Equal(Good.Pricing, record.Pricing);
    }

    [Fact]
    public void A_description_with_a_bidi_override_or_an_escape_character_is_left_unknown()
    {
        var bidi = Clean(Good with { Description = "Fast\u2066 model" }).Record!;
        var escape = Clean(Good with { Description = "Fast \u001b[31mred" }).Record!;

        Assert.Null(bidi.Description);
        Assert.Equal("description", Assert.Single(bidi.Quarantine).Path);
        Assert.Null(escape.Description);
        Assert.Equal("contains a control character", Assert.Single(escape.Quarantine).Reason);
    }

    [Fact]
    public void A_negative_price_clears_that_component_only()
    {
        var pricing = Good.Pricing! with { Tokens = Good.Pricing.Tokens! with { CacheRead = -1m } };

        var record = Clean(Good with { Pricing = pricing }).Record!;

        Assert.Equal(new TokenPrices { Input = 0.15m, Output = 0.75m }, record.Pricing!.Tokens);
        Assert.Equal(Good.Pricing.Tiers, record.Pricing.Tiers);
        var note = Assert.Single(record.Quarantine);
        Assert.Equal(("pricing.tokens.cache_read", "-1", "must not be negative"), (note.Path, note.Value, note.Reason));
    }

    [Fact]
    public void A_refused_price_inside_a_tier_leaves_the_tier_and_the_other_prices()
    {
        var tier = Good.Pricing!.Tiers[0] with { Tokens = new TokenPrices { Input = 0.3m, Output = 2_000_000m } };

        var record = Clean(Good with { Pricing = Good.Pricing with { Tiers = [tier] } }).Record!;

        Assert.Equal(Good.Pricing.Tokens, record.Pricing!.Tokens);
        var kept = Assert.Single(record.Pricing.Tiers);
        Assert.Equal(new TokenPrices { Input = 0.3m }, kept.Tokens);
        Assert.Equal(128_000, kept.ContextThreshold);
        Assert.Equal("pricing.tiers[0].tokens.output", Assert.Single(record.Quarantine).Path);
    }

    [Fact]
    public void A_currency_that_is_not_one_clears_the_prices_it_qualifies_and_notes_the_currency()
    {
        var record = Clean(Good with { Pricing = Good.Pricing! with { Currency = "dollars" } }).Record!;

        Assert.Null(record.Pricing);
        Assert.Equal(new ModelLimits { ContextWindow = 131_072, OutputTokens = 32_768 }, record.Limits);
        var note = Assert.Single(record.Quarantine);
        Assert.Equal(("pricing.currency", "dollars"), (note.Path, note.Value));
    }

    [Fact]
    public void Several_refusals_in_one_record_each_get_a_note_sorted_by_path()
    {
        var bad = Good with
        {
            Name = "Tab\tname",
            Limits = new ModelLimits { ContextWindow = 1_000, OutputTokens = 2_000 },
            Pricing = Good.Pricing! with { Tokens = new TokenPrices { Input = -0.1m, Output = 0.75m } },
            Regions = ["us", "bad\tregion", "eu"],
        };

        var result = Clean(bad);

        var record = result.Record!;
        Assert.Equal(["limits.output_tokens", "name", "pricing.tokens.input", "regions[1]"], record.Quarantine.Select(n => n.Path));
        Assert.Equal(record.Quarantine, result.Added);
        Assert.Equal(["us", "eu"], record.Regions!.Value);
        Assert.Equal(0.75m, record.Pricing!.Tokens!.Output);
        CatalogValidator.Validate(record, "groq");
    }

    [Fact]
    public void A_cleared_field_loses_its_provenance_and_keeps_the_rest()
    {
        var offering = Good with
        {
            Limits = new ModelLimits { ContextWindow = 1_000, OutputTokens = 2_000 },
            Provenance =
            [
                new FieldProvenance { Path = "limits.context_window", Source = SourceIds.ProviderApi, ObservedAt = Seen },
                new FieldProvenance { Path = "limits.output_tokens", Source = SourceIds.ModelsDev, ObservedAt = Seen },
            ],
        };

        var record = RecordSanitizer.SanitizeReconciled(offering, null, SourceIds.Baseline, Seen).Record!;

        Assert.Equal("limits.context_window", Assert.Single(record.Provenance).Path);
        Assert.Equal(SourceIds.ModelsDev, Assert.Single(record.Quarantine).Source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gpt 4o")]
    [InlineData("../etc/passwd")]
    [InlineData("evil\u202Eid")]
    public void A_record_with_no_usable_id_is_skipped_and_named_by_its_escaped_raw_id(string id)
    {
        var result = Clean(Good with { ModelId = id });

        Assert.Null(result.Record);
        Assert.Contains($"'{StarmapValidationException.Printable(id)}'", result.Skipped, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", result.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observation_drops_models_with_no_usable_id_with_a_warning_and_keeps_the_others()
    {
        var observation = new SourceObservation
        {
            Source = SourceIds.ModelsDev,
            ProviderId = "groq",
            ObservedAt = Seen,
            Models =
            [
                new ObservedModel { ModelId = "bad\tid", Offering = Good with { ModelId = "bad\tid" } },
                new ObservedModel { ModelId = "good", Offering = Good with { ModelId = "good", Limits = new ModelLimits { ContextWindow = 10, OutputTokens = 20 } } },
            ],
        };
        var warnings = new List<string>();

        var clean = RecordSanitizer.Sanitize(observation, warnings);

        var model = Assert.Single(clean.Models);
        Assert.Equal("good", model.ModelId);
        Assert.Equal("limits.output_tokens", Assert.Single(model.Offering.Quarantine).Path);
        var warning = Assert.Single(warnings);
        Assert.Contains("'bad\\u0009id'", warning, StringComparison.Ordinal);
        Assert.Contains("no usable ID", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_whose_name_is_refused_falls_back_to_its_id_with_a_note()
    {
        var definition = new ModelDefinition { Id = "sao10k/l3-70b-euryale", Name = "L3 70B Euryale\t", Description = "Role-play tune" };

        var result = RecordSanitizer.Sanitize(definition, RecordSanitizer.ImportSource, Seen);

        var record = result.Record!;
        Assert.Equal("sao10k/l3-70b-euryale", record.Name);
        Assert.Equal("Role-play tune", record.Description);
        var note = Assert.Single(record.Quarantine);
        Assert.Equal(("name", "L3 70B Euryale\\u0009", RecordSanitizer.ImportSource), (note.Path, note.Value, note.Source));
    }

    [Fact]
    public void A_definition_of_another_author_is_skipped()
    {
        var result = RecordSanitizer.Sanitize(new ModelDefinition { Id = "meta/llama-4", Name = "Llama 4" }, "import", Seen, "openai");

        Assert.Null(result.Record);
        Assert.Contains("'meta/llama-4'", result.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_already_on_a_record_are_kept_and_a_repeated_refusal_replaces_its_own_note()
    {
        var earlier = RecordSanitizer.Note("metadata.release_date", "soon", "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", SourceIds.ModelsDev, Seen);
        var old = RecordSanitizer.Note("name", "x\ty", "contains a control character", SourceIds.ModelsDev, Seen.AddDays(-1));

        var record = Clean(Good with { Name = "x\ty", Quarantine = [old, earlier] }).Record!;

        Assert.Equal(["metadata.release_date", "name"], record.Quarantine.Select(n => n.Path));
        Assert.Equal(Seen, record.Quarantine[1].ObservedAt);
    }

    [Fact]
    public void A_long_refused_value_is_shortened_in_its_note()
    {
        var record = Clean(Good with { Name = new string('x', 300) }).Record!;

        var note = Assert.Single(record.Quarantine);
        Assert.Equal(81, note.Value!.Length);
        Assert.EndsWith("…", note.Value, StringComparison.Ordinal);
    }
}
