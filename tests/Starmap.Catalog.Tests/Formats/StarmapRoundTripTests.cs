using System.Text.Json.Nodes;
using Starmap.Formats;
using Starmap.Testing;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>
/// Import → export of a Starmap catalog folder gives back every value: both folders are parsed into
/// trees and compared scalar by scalar (<see cref="CatalogTreeDiff"/>), and the only differences allowed
/// are the normalizations docs/starmap-roundtrip.md lists, with their counts. Over the Go project's real
/// catalog where ../shared/fixtures is present, and over a small invented catalog shipped here.
/// </summary>
public sealed class StarmapRoundTripTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The invented catalog that holds one of every value the round trip must keep.</summary>
    public static string ShippedCatalog => Path.Combine(AppContext.BaseDirectory, "Formats", "Fixtures", "roundtrip-catalog");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_real_Starmap_catalog_comes_back_value_for_value_but_for_the_documented_normalizations() =>
        AssertRoundTrip(FormatFixtures.StarmapCatalog(), "starmap-catalog");

    [Fact]
    public void The_shipped_catalog_comes_back_value_for_value_but_for_the_documented_normalizations() =>
        AssertRoundTrip(ShippedCatalog, "roundtrip-catalog");

    [Fact]
    public void Offering_facts_modes_and_definition_times_reach_the_records()
    {
        var catalog = StarmapFiles.Import(ShippedCatalog);
        var nimbus = catalog.Providers.Single(p => p.Provider.Id == "skyhost").Offerings.Single(o => o.ModelId == "nimbus-2");

        Assert.Equal("Nimbus second generation, as Sky Host serves it", nimbus.Description);
        Assert.Equal(new DateOnly(2025, 11, 2), nimbus.Metadata!.ReleaseDate);
        Assert.Equal(new DateOnly(2025, 6, 30), nimbus.Metadata.KnowledgeCutoff);
        Assert.True(nimbus.Metadata.OpenWeights);
        Assert.Equal(new ModelLineage { Family = "nimbus", Root = "nimbus-1", Parent = "nimbus-1.5" }, nimbus.Lineage);
        Assert.Equal(new FloatRange { Min = 0, Max = 1.5, Default = 0.7 }, nimbus.Generation!.Temperature);
        Assert.Equal(new ControlLevels { Levels = [ControlLevel.Low, ControlLevel.Medium, ControlLevel.High], Default = ControlLevel.Medium }, nimbus.Reasoning);
        Assert.Equal(new IntRange { Min = 1024, Max = 32768, Default = 4096 }, nimbus.ReasoningTokens);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(8910110), nimbus.UpdatedAt);

        Assert.Equal(["fast", "pro"], nimbus.Modes.Select(m => m.Name));
        var fast = nimbus.Modes[0];
        Assert.Equal(new TokenPrices { Input = 3.0m, Output = 15.0m, CacheRead = 0.3m }, fast.Pricing!.Tokens);
        Assert.Equal([new HeaderValue { Name = "x-sky-mode", Value = "fast" }, new HeaderValue { Name = "x-sky-beta", Value = "fast-2026-01" }], fast.Headers);
        var body = JsonNode.Parse(fast.Body!)!;
        Assert.Equal("priority", (string?)body["service_tier"]);
        Assert.Equal(2, (int?)body["speed"]);
        Assert.True((bool?)body["options"]!["burst"]);
        Assert.Equal("pro", (string?)JsonNode.Parse(nimbus.Modes[1].Body!)!["reasoning"]!["mode"]);

        var definition = catalog.Authors.Single(a => a.Author.Id == "nimbus-labs").Definitions.Single();
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 10, 0, 0, TimeSpan.Zero), definition.CreatedAt);
        Assert.Equal(nimbus.UpdatedAt, definition.UpdatedAt);

        // What no field holds is kept on its record, as written.
        Assert.Contains(nimbus.Unmodelled, v => v.Path == ["extensions"] && v.Written!.Contains("count_tokens", StringComparison.Ordinal));
        Assert.Contains(definition.Unmodelled, v => v.Path == ["extensions"]);
        Assert.Equal(["authors/README.md", "endpoints.yaml", "generation.json"], catalog.Documents.Select(d => d.Path));
    }

    [Fact]
    public void A_value_changed_after_the_import_is_exported_as_it_is_now_not_as_the_file_spelled_it()
    {
        var catalog = StarmapFiles.Import(ShippedCatalog);
        var providers = catalog.Providers.Select(p => p with
        {
            Offerings = p.Offerings.Select(o => o.ModelId == "nimbus-2"
                ? o with { Limits = o.Limits! with { InputTokens = 200_000 }, Metadata = o.Metadata! with { Tags = [ModelTag.Coding] } }
                : o).ToEquatableArray(),
        });
        var authors = catalog.Authors.Select(a => a.Author.Id == "nimbus-labs" ? a with { Author = a.Author with { Name = "Nimbus" } } : a);
        StarmapFiles.Export(_temp.Combine("out"), providers, authors, documents: catalog.Documents);

        var differences = CatalogTreeDiff.Compare(ShippedCatalog, _temp.Combine("out"));
        Report(differences);
        var offering = differences.Where(d => d.File == "providers/skyhost/models/nimbus-2.yaml").ToList();
        Assert.Contains(offering, d => d is { Path: "limits.input_tokens", Before: "0", After: "200000" });
        Assert.Contains(offering, d => d is { Path: "metadata.tags[0]", Before: "chat", After: "coding" });
        Assert.Contains(offering, d => d is { Path: "metadata.tags[1]", Change: "dropped" });
        // The file credited "nimbus"; the author is renamed since, so the credits (one list value) are written as they are now.
        Assert.Contains(offering, d => d is { Path: "authors[nimbus-labs].name", Change: "added", After: "Nimbus" });
        Assert.Contains(offering, d => d is { Path: "authors[nimbus.labs].name", Change: "dropped", Before: "nimbus" });
        // Everything else still comes back: the extensions, the modes, the other files.
        Assert.DoesNotContain(differences, d => d.Path.StartsWith("extensions", StringComparison.Ordinal) || d.Path.StartsWith("modes", StringComparison.Ordinal));
        Assert.All(differences, d => Assert.Contains(d.File, new[] { "providers/skyhost/models/nimbus-2.yaml", "authors.yaml", "authors/nimbus.labs/models/nimbus-2.yaml" }));
    }

    [Fact]
    public void Catalog_documents_are_catalog_files_that_an_overwrite_replaces_while_the_folder_readme_stays()
    {
        var catalog = StarmapFiles.Import(ShippedCatalog);
        var root = _temp.Combine("out");
        StarmapFiles.Export(root, catalog);
        File.WriteAllText(Path.Combine(root, "README.md"), "# mine");
        Assert.Equal(File.ReadAllText(Path.Combine(ShippedCatalog, "endpoints.yaml")), File.ReadAllText(Path.Combine(root, "endpoints.yaml")));

        StarmapFiles.Export(root, catalog.Providers, catalog.Authors, overwrite: true); // no documents this time
        Assert.False(File.Exists(Path.Combine(root, "endpoints.yaml")));
        Assert.False(File.Exists(Path.Combine(root, "generation.json")));
        Assert.False(File.Exists(Path.Combine(root, "authors", "README.md")));
        Assert.Equal("# mine", File.ReadAllText(Path.Combine(root, "README.md")));
    }

    [Fact]
    public void A_catalog_document_that_does_not_parse_is_refused_naming_the_file()
    {
        var root = _temp.Combine("bad");
        StarmapFiles.Export(root, StarmapFiles.Import(ShippedCatalog));
        File.WriteAllText(Path.Combine(root, "generation.json"), "{ \"manifest_version\": ");

        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(root));
        Assert.StartsWith("generation.json", error.Message, StringComparison.Ordinal);
    }

    private void AssertRoundTrip(string source, string fixture)
    {
        var out1 = _temp.Combine("export");
        StarmapFiles.Export(out1, StarmapFiles.Import(source));
        var differences = CatalogTreeDiff.Compare(source, out1);
        Report(differences);
        var problem = RoundTripAllowList.Check(CatalogTreeDiff.Summarize(differences), RoundTripAllowList.For(fixture));
        Assert.True(problem is null, problem);
        output.WriteLine($"{fixture}: {CatalogTreeDiff.CountValues(source)} values, {differences.Count} differences");
    }

    private void Report(IReadOnlyList<TreeDifference> differences)
    {
        foreach (var (key, count) in CatalogTreeDiff.Summarize(differences))
        {
            output.WriteLine($"{count}\t{key}");
        }
        foreach (var d in differences.Take(40))
        {
            output.WriteLine($"{d.File}: {d.Path} {d.Change} '{d.Before}' → '{d.After}'");
        }
    }
}
