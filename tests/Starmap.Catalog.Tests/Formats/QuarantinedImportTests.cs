using Starmap.Catalog.Validation;
using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>
/// A model file whose values break a rule does not fail the import: the record is kept with those
/// fields unknown and a quarantine note each; only a file with no usable ID is left out, and both are
/// named in the warnings.
/// </summary>
public sealed class QuarantinedImportTests : IDisposable
{
    private const string Offering = "providers/fastinfer/models/acme-1.yaml";
    private readonly TempFolder _temp = new();

    public QuarantinedImportTests() => MalformedCatalogTests.CopyTree(FormatFixtures.SmallCatalog, Root);

    private string Root => _temp.Combine("catalog");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_bad_price_is_kept_as_unknown_with_a_note_and_the_rest_of_the_catalog_imports()
    {
        var good = StarmapFiles.Import(Root);
        Edit(Offering, text => text.Replace("per_1m: 2.5", "per_1m: -2.5", StringComparison.Ordinal));

        var imported = StarmapFiles.Import(Root);

        Assert.Equal(good.OfferingCount, imported.OfferingCount);
        var before = good.Providers.Single(p => p.Provider.Id == "fastinfer").Offerings.Single(o => o.ModelId == "acme-1");
        var after = imported.Providers.Single(p => p.Provider.Id == "fastinfer").Offerings.Single(o => o.ModelId == "acme-1");
        Assert.Null(after.Pricing!.Tokens!.Input);
        Assert.Equal(before.Pricing!.Tokens!.Output, after.Pricing.Tokens.Output);
        Assert.Equal(before.Pricing.Tiers, after.Pricing.Tiers);
        var note = Assert.Single(after.Quarantine);
        Assert.Equal(("pricing.tokens.input", "-2.5", "must not be negative", RecordSanitizer.ImportSource),
            (note.Path, note.Value, note.Reason, note.Source));
        Assert.Contains(imported.Warnings, w => w.StartsWith("quarantined 'pricing.tokens.input'", StringComparison.Ordinal)
            && w.Contains($"{Offering}:{LineOf(Offering, "per_1m: -2.5")}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tabbed_name_and_a_negative_tier_price_are_each_noted_and_the_rest_kept()
    {
        Edit(Offering, text => text
            .Replace("per_1m: 20", "per_1m: -20", StringComparison.Ordinal)
            .Replace("name: Acme One", "name: \"Acme\\tOne\"", StringComparison.Ordinal));

        var after = StarmapFiles.Import(Root).Providers.Single(p => p.Provider.Id == "fastinfer").Offerings.Single(o => o.ModelId == "acme-1");

        Assert.Equal(["name", "pricing.tiers[1].tokens.output"], after.Quarantine.Select(n => n.Path));
        Assert.Equal("Acme\\u0009One", after.Quarantine[0].Value);
        Assert.Null(after.Name);
        Assert.Equal(new TokenPrices { Input = 5m }, after.Pricing!.Tiers[1].Tokens);
        Assert.Equal(new TokenPrices { Input = 4m, Output = 15m }, after.Pricing.Tiers[0].Tokens);
        Assert.Equal(262_144, after.Limits!.ContextWindow);
    }

    [Fact]
    public void A_date_that_is_not_one_is_left_unknown_with_a_note_and_the_other_dates_kept()
    {
        Edit(Offering, text => text.Replace("deprecated_at: 2026-01-15", "deprecated_at: soon", StringComparison.Ordinal));

        var imported = StarmapFiles.Import(Root);

        var after = imported.Providers.Single(p => p.Provider.Id == "fastinfer").Offerings.Single(o => o.ModelId == "acme-1");
        Assert.Null(after.Lifecycle!.DeprecatedAt);
        Assert.Equal(new DateOnly(2026, 6, 30), after.Lifecycle.RetiresAt);
        var note = Assert.Single(after.Quarantine);
        Assert.Equal(("deprecated_at", "soon", "is not a date (YYYY-MM-DD)"), (note.Path, note.Value, note.Reason));
        Assert.Contains(imported.Warnings, w => w.StartsWith("quarantined 'deprecated_at'", StringComparison.Ordinal)
            && w.Contains($"{Offering}:{LineOf(Offering, "deprecated_at: soon")}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_that_is_none_of_an_enums_is_left_unknown_with_a_note_as_the_sync_does()
    {
        Edit(Offering, text => text.Replace("status: deprecated", "status: sunset", StringComparison.Ordinal));

        var imported = StarmapFiles.Import(Root);

        var after = imported.Providers.Single(p => p.Provider.Id == "fastinfer").Offerings.Single(o => o.ModelId == "acme-1");
        Assert.Equal(LifecycleStatus.Unknown, after.Lifecycle!.Status);
        Assert.Equal(new DateOnly(2026, 1, 15), after.Lifecycle.DeprecatedAt);
        var note = Assert.Single(after.Quarantine);
        Assert.Equal(("status", "sunset", "is not one of unknown, active, beta, preview, deprecated, retired"), (note.Path, note.Value, note.Reason));
        Assert.Contains(imported.Warnings, w => w.StartsWith("quarantined 'status'", StringComparison.Ordinal)
            && w.Contains($"{Offering}:{LineOf(Offering, "status: sunset")}", StringComparison.Ordinal));
    }

    [Fact]
    public void One_unknown_modality_leaves_that_list_unknown_and_keeps_the_other()
    {
        const string Scout = "providers/fastinfer/models/meta-llama/llama-4-scout.yaml";
        var good = StarmapFiles.Import(Root).Providers.Single(p => p.Provider.Id == "fastinfer").Offerings.Single(o => o.ModelId == "meta-llama/llama-4-scout");
        Assert.NotNull(good.Features?.InputModalities);
        Assert.NotNull(good.Features?.OutputModalities);
        Edit(Scout, text => ReplaceFirstListEntryAfter(text, "input:", "- hologram"));

        var after = StarmapFiles.Import(Root).Providers.Single(p => p.Provider.Id == "fastinfer").Offerings.Single(o => o.ModelId == "meta-llama/llama-4-scout");

        Assert.Null(after.Features!.InputModalities);
        Assert.Equal(good.Features!.OutputModalities, after.Features.OutputModalities);
        var note = Assert.Single(after.Quarantine);
        Assert.Equal(("features.modalities.input", "hologram"), (note.Path, note.Value));
        Assert.StartsWith("is not one of text, ", note.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_that_is_not_one_is_left_unknown_with_a_note_but_a_provenance_time_is_still_required()
    {
        Write("authors/meta/models/llama-9.yaml", "name: Llama 9\ncreated_at: yesterday\nupdated_at: 2025-03-01T00:00:00Z\n");

        var definition = StarmapFiles.Import(Root).Authors.Single(a => a.Author.Id == "meta").Definitions.Single(d => d.Id == "meta/llama-9");

        Assert.Null(definition.CreatedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), definition.UpdatedAt);
        Assert.Equal(("created_at", "yesterday", "is not an RFC 3339 timestamp"), (definition.Quarantine.Single().Path, definition.Quarantine.Single().Value, definition.Quarantine.Single().Reason));

        Edit(Offering, text => text.TrimEnd() + "\nprovenance:\n- path: name\n  source: local\n  observed_at: yesterday\n");
        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root));
        Assert.Equal((Offering, "provenance.observed_at"), (error.File, error.Field));
    }

    [Fact]
    public void A_model_file_with_no_usable_id_is_left_out_and_named_by_its_raw_id()
    {
        Write("authors/meta/models/llama 5.yaml", "name: Llama 5\n");

        var imported = StarmapFiles.Import(Root);

        Assert.DoesNotContain(imported.Authors.SelectMany(a => a.Definitions), d => d.Id.Contains("llama 5", StringComparison.Ordinal));
        Assert.Contains(imported.Warnings, w => w.StartsWith("skipped, no usable ID", StringComparison.Ordinal)
            && w.Contains("'meta/llama 5'", StringComparison.Ordinal) && w.Contains("contains whitespace", StringComparison.Ordinal));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Edit(string relative, Func<string, string> edit)
    {
        var before = File.ReadAllText(Path.Combine(Root, relative));
        var after = edit(before);
        Assert.NotEqual(before, after);
        Write(relative, after);
    }

    /// <summary>Replaces the first "- x" entry of the YAML list under <paramref name="key"/>.</summary>
    private static string ReplaceFirstListEntryAfter(string text, string key, string entry)
    {
        var lines = text.Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no '{key}' in the file");
        var item = Array.FindIndex(lines, at + 1, l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
        lines[item] = lines[item][..lines[item].IndexOf('-', StringComparison.Ordinal)] + entry;
        return string.Join('\n', lines);
    }

    private long LineOf(string relative, string text) =>
        File.ReadAllLines(Path.Combine(Root, relative)).Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;
}
