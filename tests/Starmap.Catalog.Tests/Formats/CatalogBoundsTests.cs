using System.Text;
using Starmap.Catalog.Json;
using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>
/// A catalog folder is read within caps (file size, files, records) and never through a symbolic link:
/// past either, the import names the file and the cap or link, and nothing is imported.
/// </summary>
public sealed class CatalogBoundsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public CatalogBoundsTests() => MalformedCatalogTests.CopyTree(FormatFixtures.SmallCatalog, Root);

    private string Root => _temp.Combine("catalog");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_small_catalog_imports_within_the_default_caps()
    {
        var catalog = StarmapFiles.Import(Root);
        Assert.NotEmpty(catalog.Providers);
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_naming_the_file_and_the_cap()
    {
        const string file = "providers/fastinfer/models/acme-1.yaml";
        var padded = File.ReadAllText(Path.Combine(Root, file)) + new string('#', 5_000) + "\n";
        File.WriteAllText(Path.Combine(Root, file), padded);

        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root, new CatalogLimits { MaxFileBytes = 4_096 }));

        Assert.Equal(file, error.File);
        Assert.Contains($"the file is {Encoding.UTF8.GetByteCount(padded)} bytes, over the 4096-byte cap per file", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_file_of_millions_of_bytes_is_refused_by_the_default_cap_before_it_is_parsed()
    {
        using (var writer = new StreamWriter(Path.Combine(Root, "authors.yaml")))
        {
            for (var i = 0; i < 1_100_000; i++)
            {
                writer.Write("- 1\n"); // 4.4 MB of a list Starmap would otherwise build node by node
            }
        }

        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root));

        Assert.Equal("authors.yaml", error.File);
        Assert.Contains($"-byte cap per file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_files_than_the_cap_are_refused()
    {
        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root, new CatalogLimits { MaxFiles = 3 }));

        Assert.Contains("more than 3 YAML files, the cap per catalog (CatalogLimits.MaxFiles)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_records_than_the_cap_are_refused_naming_the_file_that_passed_it()
    {
        var providers = File.ReadAllText(Path.Combine(Root, "providers.yaml"));
        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root, new CatalogLimits { MaxItems = 4 }));

        Assert.Contains("more than 4 records", error.Message, StringComparison.Ordinal);
        Assert.Contains("CatalogLimits.MaxItems", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.File));
        Assert.Equal(providers, File.ReadAllText(Path.Combine(Root, "providers.yaml")));
    }

    [Fact]
    public void A_symlinked_folder_inside_models_is_refused_and_the_file_outside_is_not_read()
    {
        var outside = _temp.Combine("outside");
        Directory.CreateDirectory(outside);
        File.Copy(Path.Combine(Root, "providers/fastinfer/models/acme-1.yaml"), Path.Combine(outside, "stolen.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "providers/fastinfer/models/linked"), outside);

        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root));

        Assert.Equal("providers/fastinfer/models/linked", error.File);
        Assert.Contains($"is a symbolic link (to '{outside}')", error.Message, StringComparison.Ordinal);
        Assert.Contains("not followed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_model_file_is_refused()
    {
        var outside = _temp.Combine("secret.yaml");
        File.Copy(Path.Combine(Root, "providers/fastinfer/models/acme-1.yaml"), outside);
        File.CreateSymbolicLink(Path.Combine(Root, "providers/fastinfer/models/acme-2.yaml"), outside);

        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root));

        Assert.Equal("providers/fastinfer/models/acme-2.yaml", error.File);
    }

    [Fact]
    public void A_symlinked_list_file_is_refused()
    {
        var outside = _temp.Combine("providers.yaml");
        File.Move(Path.Combine(Root, "providers.yaml"), outside);
        File.CreateSymbolicLink(Path.Combine(Root, "providers.yaml"), outside);

        var error = Assert.Throws<CatalogFileException>(() => StarmapFiles.Import(Root));

        Assert.Equal("providers.yaml", error.File);
    }

    [Fact]
    public void A_json_catalog_over_its_size_cap_is_refused_before_it_is_read()
    {
        var path = _temp.Combine("catalog.json");
        File.WriteAllText(path, "{\"providers\": [" + new string(' ', 10_000) + "]}");

        var error = Assert.Throws<CatalogFileException>(() => CatalogJsonFile.Read(path, new CatalogLimits { MaxJsonFileBytes = 1_000 }));

        Assert.Equal(path, error.File);
        Assert.Contains("over the 1000-byte cap for a JSON catalog (CatalogLimits.MaxJsonFileBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_catalog_with_more_records_than_the_cap_is_refused_and_one_within_it_reads()
    {
        var imported = StarmapFiles.Import(Root);
        var path = _temp.Combine("catalog.json");
        File.WriteAllText(path, StarmapJson.Serialize(new CatalogContent { Providers = imported.Providers, Authors = imported.Authors }));

        var error = Assert.Throws<CatalogFileException>(() => CatalogJsonFile.Read(path, new CatalogLimits { MaxItems = 4 }));
        var read = CatalogJsonFile.Read(path);

        Assert.Contains("over the cap of 4 (CatalogLimits.MaxItems)", error.Message, StringComparison.Ordinal);
        Assert.Equal(imported.Providers, read.Providers);
    }
}
