using Starmap.Client;

namespace Starmap.EndToEnd.Tests;

/// <summary>
/// The embedded store is one silo's (or one cluster's, joined on purpose) and a damaged database stops a
/// start with one line: real silo processes on real folders.
/// </summary>
public sealed class DataFolderTests
{
    // A refused start does no Orleans work; this bounds the dotnet start-up on a loaded machine.
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_independent_silo_on_a_folder_in_use_exits_with_one_line_naming_the_folder_and_the_holder()
    {
        var data = await SeededStore.NewFolderAsync("in-use");
        try
        {
            await using var first = await SiloProcess.StartAsync(data);

            var second = await SiloRun.ToExitAsync(data, RefusedWithin);

            Assert.True(second.ExitCode == 1, $"exit code {second.ExitCode}:\n{second.Output}");
            var line = Assert.Single(second.Lines);
            Assert.Contains($"'{Path.GetFullPath(data)}'", line, StringComparison.Ordinal);
            Assert.Contains($"process {first.ProcessId}", line, StringComparison.Ordinal);
            Assert.Contains("--primary-silo-port", line, StringComparison.Ordinal);

            // The first silo still serves, and a silo joining it on purpose shares the folder.
            await using var joined = await SiloProcess.StartAsync(data, "starmap", "--primary-silo-port", $"{first.SiloPort}", "--seed", "false");
            await using var connection = await StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { joined.Gateway } }, Cancel);
            Assert.NotEmpty((await connection.Catalog.Providers.ListAsync()).Items);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task A_silo_killed_with_sigkill_leaves_no_lock_and_the_next_start_takes_the_folder()
    {
        var data = await SeededStore.NewFolderAsync("killed");
        try
        {
            await using (var killed = await SiloProcess.StartAsync(data))
            {
                await killed.KillAsync();
            }
            var lockFile = Path.Combine(data, "starmap.lock");
            Assert.True(File.Exists(lockFile)); // the file stays behind; its lock did not

            await using var next = await SiloProcess.StartAsync(data);
            Assert.Equal($"{next.ProcessId}", (await File.ReadAllTextAsync(lockFile, Cancel)).Trim());
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task A_garbage_database_file_stops_the_start_with_one_line_naming_it_and_what_sqlite_said()
    {
        var data = TestFolders.New("garbage-db");
        try
        {
            var database = Path.Combine(data, "starmap.db");
            var garbage = new byte[64 * 1024];
            new Random(9).NextBytes(garbage);
            await File.WriteAllBytesAsync(database, garbage, Cancel);

            var run = await SiloRun.ToExitAsync(data, RefusedWithin);

            AssertRefusedDatabase(run, database);
            Assert.Contains("file is not a database", run.Lines[0], StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    [Fact]
    public async Task A_truncated_database_file_stops_the_start_with_one_line_naming_it_and_how_to_recover()
    {
        var data = await SeededStore.NewFolderAsync("truncated-db");
        try
        {
            await using (var silo = await SiloProcess.StartAsync(data))
            {
                Assert.Equal(0, await silo.StopAsync());
            }
            var database = Path.Combine(data, "starmap.db");
            foreach (var sidecar in new[] { database + "-wal", database + "-shm" }.Where(File.Exists))
            {
                File.Delete(sidecar); // what was cut off is the database itself, not a journal SQLite could replay
            }
            var length = new FileInfo(database).Length;
            Assert.True(length > 16 * 4096, $"the seeded database is only {length} bytes");
            await using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
            {
                file.SetLength(length / 3);
            }

            var run = await SiloRun.ToExitAsync(data, RefusedWithin);

            AssertRefusedDatabase(run, database);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static void AssertRefusedDatabase(SiloRun.Outcome run, string database)
    {
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}:\n{run.Output}");
        var line = Assert.Single(run.Lines);
        Assert.Contains($"'{Path.GetFullPath(database)}'", line, StringComparison.Ordinal);
        Assert.Contains("SQLite says:", line, StringComparison.Ordinal);
        Assert.Contains("--data-dir", line, StringComparison.Ordinal);
        Assert.Contains("Import-StarmapCatalog", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }
}
