using Starmap.Sync;

namespace Starmap.Catalog.Tests.Sync;

/// <summary>The published table is the one that runs: docs/authority-table.md must equal the default table's rendering.</summary>
public sealed class AuthorityTableDocsTests
{
    [Fact]
    public void Docs_authority_table_matches_the_default_table()
    {
        var path = Path.Combine(RepoRoot(), "docs", "authority-table.md");
        var expected = AuthorityTable.Default.ToMarkdown();
        if (Environment.GetEnvironmentVariable("STARMAP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with STARMAP_UPDATE_DOCS=1 to write it");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(actual == expected,
            "docs/authority-table.md differs from AuthorityTable.Default.ToMarkdown(); run the tests with STARMAP_UPDATE_DOCS=1 to rewrite it");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Starmap.Orleans.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Starmap.Orleans.sln not found above " + AppContext.BaseDirectory);
    }
}
