using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>
/// A bad file stops the import with an error naming the file, the line and what was wrong, and
/// nothing is imported: Import builds everything in memory and returns only a whole catalog.
/// </summary>
public sealed class MalformedCatalogTests : IDisposable
{
    private const string Offering = "providers/fastinfer/models/acme-1.yaml";
    private readonly TempFolder _temp = new();

    public MalformedCatalogTests() => CopyTree(FormatFixtures.SmallCatalog, Root);

    private string Root => _temp.Combine("catalog");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_folder_with_neither_providers_yaml_nor_authors_yaml_is_not_a_catalog_not_an_empty_one()
    {
        var elsewhere = _temp.Combine("not-a-catalog");
        Directory.CreateDirectory(Path.Combine(elsewhere, "notes"));
        File.WriteAllText(Path.Combine(elsewhere, "README.md"), "# notes");

        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(elsewhere));

        Assert.Contains("is not a Starmap catalog folder: it has neither providers.yaml nor authors.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_yaml_syntax_names_the_file_and_line()
    {
        Write(Offering, "id: acme-1\nmodel: acme.ai/acme-1\nname: Acme: One\npricing: {}\n");

        var error = ImportFails();
        Assert.Equal(Offering, error.File);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("providers/fastinfer/models/acme-1.yaml:3: invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_list_is_reported_at_its_file_and_line()
    {
        Write(Offering, "id: acme-1\nregions: [us-east1, eu\nname: Acme One\n");

        var error = ImportFails();
        Assert.Equal(Offering, error.File);
        Assert.InRange(error.Line!.Value, 2, 4);
    }

    [Fact]
    public void An_invalid_provider_id_names_the_file_line_and_field()
    {
        Edit("providers.yaml", text => text.Replace("- id: cloudhost", "- id: Cloud_Host", StringComparison.Ordinal));

        var error = ImportFails();
        var line = LineOf("providers.yaml", "- id: Cloud_Host");
        Assert.Equal(("providers.yaml", line, "provider.id"), (error.File, error.Line!.Value, error.Field));
        Assert.Equal($"providers.yaml:{line}: provider.id: 'Cloud_Host': must be lower-case kebab-case like 'google-ai-studio'", error.Message);
        Assert.IsType<StarmapValidationException>(error.InnerException);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key_path_and_line()
    {
        Edit(Offering, text => text.Replace("context_window: 262144", "context_window: lots", StringComparison.Ordinal));

        var error = ImportFails();
        Assert.Equal((Offering, LineOf(Offering, "context_window: lots"), "limits.context_window"), (error.File, error.Line!.Value, error.Field));
        Assert.Contains("expected a whole number, got 'lots'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("per_1m: 2.5", "per_1m: \"2.5\"", "pricing.tokens.input.per_1m", "expected a number, got quoted text '2.5'")]
    [InlineData("  currency: USD", "  currency: [USD]", "pricing.currency", "expected text, got a list")]
    public void Model_file_values_are_checked_where_they_are_written(string find, string replace, string field, string reason)
    {
        Edit(Offering, text => text.Replace(find, replace, StringComparison.Ordinal));

        var error = ImportFails();
        Assert.Equal((Offering, LineOf(Offering, replace), field), (error.File, error.Line!.Value, error.Field));
        Assert.EndsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_flag_must_be_true_false_or_null()
    {
        Edit("providers/cloudhost/models/llama-3.3-70b@001.yaml", text => text.Replace("tool_calls: false", "tool_calls: yes", StringComparison.Ordinal));

        var error = ImportFails();
        Assert.Equal(("providers/cloudhost/models/llama-3.3-70b@001.yaml", 6L, "features.tool_calls"), (error.File, error.Line!.Value, error.Field));
    }

    [Fact]
    public void Model_files_of_a_provider_missing_from_providers_yaml_are_refused()
    {
        Write("providers/ghost/models/x.yaml", "id: x\n");

        var error = ImportFails();
        Assert.Equal("providers/ghost/models/x.yaml", error.File);
        Assert.Contains("'ghost' is not defined in providers.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_key_that_contradicts_the_file_path_is_refused()
    {
        Edit(Offering, text => text.Replace("id: acme-1", "id: acme-2", StringComparison.Ordinal));

        var error = ImportFails();
        Assert.Equal((Offering, 1L, "id"), (error.File, error.Line!.Value, error.Field));
    }

    [Fact]
    public void A_provider_listed_twice_is_refused()
    {
        Edit("providers.yaml", text => text + "\n- id: cloudhost\n  name: Again\n");

        var error = ImportFails();
        Assert.Equal(("providers.yaml", "[2].id"), (error.File, error.Field));
        Assert.Contains("provider 'cloudhost' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_in_the_last_file_read_imports_nothing_and_changes_nothing()
    {
        // Definitions are read last, and llama/3.3-70b sorts after llama-4-scout: everything else was already mapped.
        const string last = "authors/meta/models/llama/3.3-70b.yaml";
        var good = File.ReadAllText(Path.Combine(Root, last));
        Write(last, good.Replace("open_weights: true", "open_weights: [true]", StringComparison.Ordinal));
        var before = Snapshot(Root);

        var error = ImportFails();
        Assert.Equal(last, error.File);
        Assert.Equal(before, Snapshot(Root));

        Write(last, good);
        Assert.Equal(3, StarmapFiles.Import(Root).DefinitionCount);
    }

    [Fact]
    public void Files_that_are_not_model_files_are_reported_and_not_read()
    {
        Write("authors/meta/llama-4-scout.yaml", "this: [is not read");   // Starmap's old denormalized copies
        Write("providers/fastinfer/models/notes.txt", "not a model");
        Write("providers/fastinfer/logo.svg", "<svg/>");

        var catalog = StarmapFiles.Import(Root);
        Assert.Equal(3, catalog.OfferingCount);
        Assert.Contains("YAML files outside a models/ folder are not read (1 time, first at authors/meta/llama-4-scout.yaml:1)", catalog.Warnings);
        Assert.Contains("files in a models/ folder that are not .yaml are not read (1 time, first at providers/fastinfer/models/notes.txt:1)", catalog.Warnings);
    }

    [Fact]
    public void A_missing_folder_is_an_error_not_an_empty_catalog()
    {
        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(_temp.Combine("nowhere")));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    private CatalogFileException ImportFails() => Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root));

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

    private long LineOf(string relative, string text) =>
        File.ReadAllLines(Path.Combine(Root, relative)).Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;

    internal static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    internal static SortedDictionary<string, string> Snapshot(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => Convert.ToHexString(File.ReadAllBytes(f))),
        StringComparer.Ordinal);
}
