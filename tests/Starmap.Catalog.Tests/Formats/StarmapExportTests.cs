using Starmap.Catalog.Seed;
using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>Export writes Starmap's layout deterministically, reads back to the same records, and never half-writes.</summary>
public sealed class StarmapExportTests : IDisposable
{
    private static readonly ImportedCatalog Small = StarmapFiles.Import(FormatFixtures.SmallCatalog);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_of_an_export_equals_the_catalog_exported()
    {
        StarmapFiles.Export(_temp.Combine("out"), Small);
        var again = StarmapFiles.Import(_temp.Combine("out"));

        Assert.True(Small.Providers == again.Providers, "providers differ");
        Assert.True(Small.Authors == again.Authors, "authors differ");
        // The export writes back what the files held beyond the records, so a re-import notes the same kinds.
        Assert.Equal(FormatFixtures.WarningKinds(Small), FormatFixtures.WarningKinds(again));
    }

    [Fact]
    public void The_built_in_catalog_survives_export_and_import()
    {
        var seed = BuiltInCatalog.Load();
        StarmapFiles.Export(_temp.Combine("seed"), seed.Providers, seed.Authors);
        var again = StarmapFiles.Import(_temp.Combine("seed"));

        // Starmap's layout has no place for quarantine notes (values a source gave that the catalog refused);
        // every value the catalog holds comes back.
        static ProviderDetails Held(ProviderDetails p) => p with { Offerings = [.. p.Offerings.Select(o => o with { Quarantine = default })] };
        Assert.Contains(seed.Providers, p => p.Offerings.Any(o => !o.Quarantine.IsEmpty));
        var expected = seed.Providers.Select(Held).ToEquatableArray();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Provider, again.Providers[i].Provider);
            Assert.Equal(expected[i].Offerings, again.Providers[i].Offerings);
        }
        static AuthorDetails HeldAuthor(AuthorDetails a) => a with { Definitions = [.. a.Definitions.Select(d => d with { Quarantine = default })] };
        var authors = seed.Authors.Select(HeldAuthor).ToEquatableArray();
        for (var i = 0; i < authors.Count; i++)
        {
            Assert.Equal(authors[i].Author, again.Authors[i].Author);
            Assert.Equal(authors[i].Definitions, again.Authors[i].Definitions);
        }
        Assert.True(expected == again.Providers && authors == again.Authors);
    }

    [Fact]
    public void Exporting_twice_gives_byte_identical_trees_and_re_exporting_an_import_changes_nothing()
    {
        StarmapFiles.Export(_temp.Combine("a"), Small);
        StarmapFiles.Export(_temp.Combine("b"), Small.Providers.Reverse(), Small.Authors.Reverse());
        StarmapFiles.Export(_temp.Combine("c"), StarmapFiles.Import(_temp.Combine("a")));

        var a = MalformedCatalogTests.Snapshot(_temp.Combine("a"));
        Assert.Equal(a, MalformedCatalogTests.Snapshot(_temp.Combine("b")));
        Assert.Equal(a, MalformedCatalogTests.Snapshot(_temp.Combine("c")));
    }

    [Fact]
    public void The_layout_uses_folders_for_slashes_keeps_at_signs_and_writes_dates_without_time()
    {
        // Records as the service holds them without any file behind them: how records themselves are written.
        var root = _temp.Combine("out");
        var (bareProviders, bareAuthors) = FormatFixtures.WithoutFileValues(Small);
        StarmapFiles.Export(root, bareProviders, bareAuthors);

        Assert.Equal(
            [
                "authors.yaml",
                "authors/acme-ai/models/acme-1.yaml",
                "authors/meta/models/llama-4-scout.yaml",
                "authors/meta/models/llama/3.3-70b.yaml",
                "providers.yaml",
                "providers/cloudhost/models/llama-3.3-70b@001.yaml",
                "providers/fastinfer/models/acme-1.yaml",
                "providers/fastinfer/models/meta-llama/llama-4-scout.yaml",
            ],
            MalformedCatalogTests.Snapshot(root).Keys);

        var offering = File.ReadAllText(Path.Combine(root, "providers/fastinfer/models/acme-1.yaml"));
        Assert.StartsWith("id: acme-1\nmodel: acme-ai/acme-1\nname: Acme One\n", offering, StringComparison.Ordinal);
        Assert.Contains("deprecated_at: 2026-01-15\nretires_at: 2026-06-30\n", offering, StringComparison.Ordinal);
        Assert.Contains("    output:\n      per_1m: 10\n", offering, StringComparison.Ordinal); // 10.00 in the source
        Assert.DoesNotContain("extensions", offering, StringComparison.Ordinal);

        var definition = File.ReadAllText(Path.Combine(root, "authors/meta/models/llama/3.3-70b.yaml"));
        Assert.Contains("  release_date: 2024-12-06\n", definition, StringComparison.Ordinal);   // a timestamp in the source

        var hosted = File.ReadAllText(Path.Combine(root, "providers/cloudhost/models/llama-3.3-70b@001.yaml"));
        Assert.Contains("updated_at: 2026-02-01T08:00:00Z\n", hosted, StringComparison.Ordinal);
        Assert.Contains("    input:\n      per_1m: 0\n", hosted, StringComparison.Ordinal);        // free stays written
        Assert.DoesNotContain("created_at", hosted, StringComparison.Ordinal);                     // unknown stays out

        var providers = File.ReadAllText(Path.Combine(root, "providers.yaml"));
        Assert.StartsWith("# Cloud Host\n- id: cloudhost\n", providers, StringComparison.Ordinal);
        Assert.Contains("\n\n# Fast Infer\n- id: fastinfer\n", providers, StringComparison.Ordinal);
        Assert.Contains("      version: \"2023-06-01\"\n", providers, StringComparison.Ordinal);
        Assert.Contains("    duration: 720h0m0s\n", providers, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_record_is_refused_before_anything_is_written()
    {
        var root = _temp.Combine("out");
        StarmapFiles.Export(root, Small);
        var before = MalformedCatalogTests.Snapshot(root);
        var broken = Small.Providers.Select(p => p.Provider.Id == "cloudhost" ? p with { Provider = p.Provider with { Id = "Cloud Host" } } : p);

        Assert.Throws<StarmapValidationException>(() => StarmapFiles.Export(root, broken, Small.Authors, overwrite: true));
        Assert.Equal(before, MalformedCatalogTests.Snapshot(root));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_write_failure_leaves_the_previous_export_whole_and_no_staging_folder()
    {
        var root = _temp.Combine("out");
        StarmapFiles.Export(root, Small);
        var before = MalformedCatalogTests.Snapshot(root);
        // A valid 252-character model ID makes a 257-byte file name, which the file system refuses mid-export.
        var longId = new string('m', 252);
        var providers = Small.Providers.Select(p => p.Provider.Id == "fastinfer"
            ? p with { Offerings = p.Offerings.Add(new Offering { ProviderId = "fastinfer", ModelId = longId }) }
            : p);

        Assert.ThrowsAny<IOException>(() => StarmapFiles.Export(root, providers, Small.Authors, overwrite: true));
        Assert.Equal(before, MalformedCatalogTests.Snapshot(root));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_that_holds_something_other_than_a_catalog_is_not_replaced()
    {
        var root = _temp.Combine("documents");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "notes.txt"), "keep me");

        Assert.Throws<IOException>(() => StarmapFiles.Export(root, Small));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(root, "notes.txt")));
    }

    [Fact]
    public void A_non_empty_folder_is_refused_without_overwrite_even_when_it_holds_a_previous_export()
    {
        var root = _temp.Combine("out");
        StarmapFiles.Export(root, Small);
        var before = MalformedCatalogTests.Snapshot(root);

        var error = Assert.Throws<IOException>(() => StarmapFiles.Export(root, Small.Providers.Take(1), Small.Authors));
        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, MalformedCatalogTests.Snapshot(root));
    }

    [Fact]
    public void Overwriting_a_catalog_in_a_git_repository_replaces_only_catalog_files_and_keeps_everything_else()
    {
        var root = _temp.Combine("repo");
        StarmapFiles.Export(root, Small);
        // What a catalog checked into git holds besides the catalog: none of it was written by the export.
        Directory.CreateDirectory(Path.Combine(root, ".git", "objects"));
        File.WriteAllText(Path.Combine(root, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(root, ".git", "objects", "ab12"), "blob");
        File.WriteAllText(Path.Combine(root, "README.md"), "# my catalog");
        File.WriteAllText(Path.Combine(root, "providers", "fastinfer", "logo.svg"), "<svg/>");
        File.WriteAllText(Path.Combine(root, "providers", "fastinfer", "models", "notes.txt"), "not yaml");
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        File.WriteAllText(Path.Combine(root, "scripts", "check.yaml"), "a yaml file outside the layout");

        var onlyMeta = Small.Authors.Where(a => a.Author.Id == "meta");
        var noOfferings = Small.Providers.Select(p => p with { Offerings = [] });
        StarmapFiles.Export(root, noOfferings, onlyMeta, overwrite: true);

        var after = MalformedCatalogTests.Snapshot(root);
        string Text(string relative) => File.ReadAllText(Path.Combine(root, relative));
        Assert.Equal("ref: refs/heads/main\n", Text(".git/HEAD"));
        Assert.Equal("blob", Text(".git/objects/ab12"));
        Assert.Equal("# my catalog", Text("README.md"));
        Assert.Equal("<svg/>", Text("providers/fastinfer/logo.svg"));
        Assert.Equal("not yaml", Text("providers/fastinfer/models/notes.txt"));
        Assert.Equal("a yaml file outside the layout", Text("scripts/check.yaml"));
        // The catalog part is exactly the new catalog: model files it no longer holds are gone.
        Assert.Equal(["authors.yaml", "authors/meta/models/llama-4-scout.yaml", "authors/meta/models/llama/3.3-70b.yaml", "providers.yaml"],
            after.Keys.Where(k => k is "providers.yaml" or "authors.yaml" || k.EndsWith(".yaml", StringComparison.Ordinal) && k.Contains("/models/", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(root, "authors", "acme.ai")));
        Assert.False(Directory.Exists(Path.Combine(root, "providers", "cloudhost")));
        var again = StarmapFiles.Import(root);
        Assert.True(again.Authors == onlyMeta.ToEquatableArray(), "the folder imports as what was exported");
        Assert.Equal(["repo"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_overwrite_puts_every_catalog_file_back_and_keeps_the_other_files()
    {
        var root = _temp.Combine("repo");
        StarmapFiles.Export(root, Small);
        File.WriteAllText(Path.Combine(root, "README.md"), "# mine");
        var before = MalformedCatalogTests.Snapshot(root);
        var longId = new string('m', 252);
        var providers = Small.Providers.Select(p => p.Provider.Id == "fastinfer"
            ? p with { Offerings = p.Offerings.Add(new Offering { ProviderId = "fastinfer", ModelId = longId }) }
            : p);

        Assert.ThrowsAny<IOException>(() => StarmapFiles.Export(root, providers, Small.Authors, overwrite: true));
        Assert.Equal(before, MalformedCatalogTests.Snapshot(root));
        Assert.Equal(["repo"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_parent_folder_is_an_error_and_nothing_is_created()
    {
        var root = Path.Combine(_temp.Combine("no-such-parent"), "catalog");

        Assert.Throws<DirectoryNotFoundException>(() => StarmapFiles.Export(root, Small));
        Assert.False(Directory.Exists(_temp.Combine("no-such-parent")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void An_empty_existing_folder_is_written_into_without_overwrite()
    {
        var root = _temp.Combine("empty");
        Directory.CreateDirectory(root);

        StarmapFiles.Export(root, Small);
        Assert.Contains("providers.yaml", MalformedCatalogTests.Snapshot(root).Keys);
    }

    [Fact]
    public void Overwrite_never_writes_through_a_linked_owner_folder()
    {
        var root = _temp.Combine("repo");
        StarmapFiles.Export(root, Small);
        var outside = _temp.Combine("outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "precious.yaml"), "keep");
        Directory.Delete(Path.Combine(root, "providers", "cloudhost"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(root, "providers", "cloudhost"), outside);

        Assert.Throws<IOException>(() => StarmapFiles.Export(root, Small, overwrite: true));
        Assert.Equal(["precious.yaml"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName));
    }

    [Fact]
    public void Exporting_over_a_previous_export_replaces_it_whole()
    {
        var root = _temp.Combine("out");
        StarmapFiles.Export(root, Small);
        var onlyMeta = Small.Authors.Where(a => a.Author.Id == "meta");
        var noOfferings = Small.Providers.Select(p => p with { Offerings = [] });
        StarmapFiles.Export(root, noOfferings, onlyMeta, overwrite: true);

        Assert.Equal(["authors.yaml", "authors/meta/models/llama-4-scout.yaml", "authors/meta/models/llama/3.3-70b.yaml", "providers.yaml"],
            MalformedCatalogTests.Snapshot(root).Keys);
    }
}
