using Microsoft.Data.Sqlite;

namespace Starmap.EndToEnd.Tests;

/// <summary>
/// The copies of one seeded store that tests needing "a seeded store" start from (SeededStore): a silo on a
/// copy serves what a first start seeds, without seeding again, and the template is a whole SQLite file.
/// </summary>
public sealed class SeededStoreTests(SharedSilo shared)
{
    [Fact]
    public async Task A_silo_on_a_copy_of_the_seeded_store_starts_without_seeding_at_the_generation_and_counts_a_first_start_seeds()
    {
        var data = await SeededStore.NewFolderAsync("seeded-copy");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data);

            Assert.DoesNotContain("Seeded the built-in catalog", silo.Output, StringComparison.Ordinal);
            // The shared silo's ready line is from its first start on an empty folder (FirstStartTests says so).
            Assert.Equal(GenerationAndCounts(shared.Silo.Output), GenerationAndCounts(silo.Output));
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task The_template_is_one_whole_sqlite_file_named_by_the_hash_of_the_built_silo()
    {
        var template = await SeededStore.TemplateAsync();

        Assert.Equal($"{SeededStore.BuildKey()}.db", Path.GetFileName(template));
        Assert.False(File.Exists(template + "-wal"), "the template has a write-ahead log beside it");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = template, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", check.ExecuteScalar() as string);
    }

    // "generation 7 (175 providers, 5912 models)" from the ready line.
    private static string GenerationAndCounts(string output)
    {
        var ready = output.Split(Environment.NewLine).Single(l => l.Contains("Starmap silo ready", StringComparison.Ordinal));
        return ready[ready.IndexOf("generation ", StringComparison.Ordinal)..];
    }
}
