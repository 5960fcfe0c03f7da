using Starmap.Catalog.Validation;

namespace Starmap.Grains.Tests;

/// <summary>Bulk import and export through the grains.</summary>
public sealed class CatalogTransferTests(ClusterFixture fixture)
{
    private static CatalogContent Content(string providerId, string authorId, params string[] models) => new()
    {
        Authors = [new AuthorDetails
        {
            Author = Samples.Author(authorId),
            Definitions = [.. models.Select(m => Samples.Definition(authorId, m))],
        }],
        Providers = [new ProviderDetails
        {
            Provider = Samples.Provider(providerId),
            Offerings = [.. models.Order(StringComparer.Ordinal).Select(m => Samples.Offering(providerId, m) with { DefinitionId = $"{authorId}/{m}" })],
        }],
    };

    [Fact]
    public async Task A_dry_run_import_reports_changes_and_writes_nothing_then_the_import_applies_once()
    {
        var providerId = TestData.UniqueId("import");
        var authorId = TestData.UniqueId("import-author");
        var content = Content(providerId, authorId, "m-1", "m-2");

        var dry = await fixture.Catalog.ImportAsync(content, dryRun: true);
        Assert.True(dry.DryRun);
        Assert.Equal(["m-1", "m-2"], Assert.Single(dry.Providers).Changes.AddedOfferings.Select(c => c.Id));
        Assert.Equal(authorId, Assert.Single(dry.Authors).Id);
        Assert.Null(await fixture.Catalog.Providers.FindAsync(providerId));

        var applied = await fixture.Catalog.ImportAsync(content);
        Assert.False(applied.DryRun);
        var model = await fixture.Catalog.Models.GetAsync(providerId, "m-1");
        Assert.Equal($"{authorId}/m-1", model.Definition!.Id);
        Assert.True((await fixture.Catalog.GetStatusAsync()).Generation >= applied.Generation);

        var again = await fixture.Catalog.ImportAsync(content);
        Assert.Empty(again.Providers);
        Assert.Empty(again.Authors);
    }

    [Fact]
    public async Task An_invalid_provider_record_anywhere_in_an_import_writes_nothing()
    {
        var good = TestData.UniqueId("good");
        var bad = TestData.UniqueId("bad");
        var content = Content(good, TestData.UniqueId("author"), "m-1");
        var broken = new ProviderDetails
        {
            Provider = Samples.Provider(bad) with { DocsUrl = "not a url" },
            Offerings = [Samples.Offering(bad, "m")],
        };
        content = content with { Providers = content.Providers.Add(broken) };

        var error = await Assert.ThrowsAsync<StarmapValidationException>(() => fixture.Catalog.ImportAsync(content));
        Assert.Equal("provider.docs_url", error.Field);
        Assert.Null(await fixture.Catalog.Providers.FindAsync(good));
        Assert.Null(await fixture.Catalog.Providers.FindAsync(bad));
    }

    [Fact]
    public async Task An_imported_offering_with_a_bad_value_is_kept_with_a_note_and_one_with_no_usable_id_is_named()
    {
        var providerId = TestData.UniqueId("import-q");
        var content = Content(providerId, TestData.UniqueId("import-q-author"), "m-1");
        var provider = content.Providers[0];
        var overflowing = Samples.Offering(providerId, "m-2") with { Limits = new ModelLimits { ContextWindow = 8_192, OutputTokens = 65_536 } };
        var idless = Samples.Offering(providerId, "bad id");
        content = content with { Providers = [provider with { Offerings = [.. provider.Offerings, overflowing, idless] }] };

        var dry = await fixture.Catalog.ImportAsync(content, dryRun: true);
        var quarantined = Assert.Single(Assert.Single(dry.Providers).Changes.Quarantined);
        Assert.Equal(("m-2", "limits.output_tokens", "65536", RecordSanitizer.ImportSource),
            (quarantined.ModelId, quarantined.Path, quarantined.Value, quarantined.Source));
        Assert.Contains(dry.Warnings, w => w.Contains("'bad id'", StringComparison.Ordinal) && w.Contains("no usable ID", StringComparison.Ordinal));

        await fixture.Catalog.ImportAsync(content);
        var stored = await fixture.Catalog.Providers.GetModelAsync(providerId, "m-2");
        Assert.Equal(8_192, stored.Limits!.ContextWindow);
        Assert.Null(stored.Limits.OutputTokens);
        Assert.Equal("limits.output_tokens", Assert.Single(stored.Quarantine).Path);
        Assert.Equal(["m-1", "m-2"], (await fixture.Catalog.Providers.ListModelsAsync(providerId)).Select(o => o.ModelId));
    }

    [Fact]
    public async Task Export_returns_every_provider_and_author_at_one_generation()
    {
        var providerId = TestData.UniqueId("export");
        await fixture.Catalog.ImportAsync(Content(providerId, TestData.UniqueId("export-author"), "x"));
        var export = await fixture.Catalog.ExportAsync();
        var status = await fixture.Catalog.GetStatusAsync();

        Assert.True(status.Generation >= export.Generation);
        Assert.Contains(export.Providers, p => p.Provider.Id == providerId && p.Offerings.Count == 1);
        Assert.Equal(export.Providers.Select(p => p.Provider.Id).Order(StringComparer.Ordinal), export.Providers.Select(p => p.Provider.Id));
        Assert.Equal((await fixture.Catalog.Providers.GetAsync(providerId)), export.Providers.Single(p => p.Provider.Id == providerId));
    }
}
