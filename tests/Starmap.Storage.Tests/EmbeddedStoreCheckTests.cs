using Microsoft.Extensions.Configuration;
using Starmap.Silo;
using Starmap.Storage.Sqlite;
using Starmap.Testing;

namespace Starmap.Storage.Tests;

/// <summary>
/// The database check runs beside the host build (its verdict is asked for before the host starts): it still
/// refuses a file SQLite cannot read, naming it. The silo process's refusal is in
/// Starmap.EndToEnd.Tests' DataFolderTests.
/// </summary>
public sealed class EmbeddedStoreCheckTests
{
    [Fact]
    public async Task A_garbage_database_is_reported_naming_the_file_when_its_verdict_is_asked_for_before_the_host_starts()
    {
        var data = TestFolders.New("check-garbage");
        try
        {
            var database = Path.Combine(data, "starmap.db");
            var garbage = new byte[64 * 1024];
            new Random(11).NextBytes(garbage);
            await File.WriteAllBytesAsync(database, garbage, TestContext.Current.CancellationToken);

            Assert.True(EmbeddedStoreCheck.TryOpen(Settings(data), out var store, out var early), early);
            using (store)
            {
                var line = store!.FindDatabaseProblem();

                Assert.NotNull(line);
                Assert.Contains($"'{Path.GetFullPath(database)}'", line, StringComparison.Ordinal);
                Assert.Contains("SQLite says:", line, StringComparison.Ordinal);
                Assert.Contains("file is not a database", line, StringComparison.Ordinal);
                Assert.Contains("--data-dir", line, StringComparison.Ordinal);
            }
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public void A_new_folder_has_no_database_problem_and_its_lock_is_held_until_the_store_is_disposed()
    {
        var data = TestFolders.New("check-new");
        try
        {
            Assert.True(EmbeddedStoreCheck.TryOpen(Settings(data), out var store, out var early), early);
            using (store)
            {
                Assert.Null(store!.FindDatabaseProblem());
                Assert.Equal($"{Environment.ProcessId}", File.ReadAllText(Path.Combine(data, DataFolderLock.FileName)).Trim());
            }
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static IConfiguration Settings(string data) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Starmap:DataDirectory"] = data })
        .Build();
}
