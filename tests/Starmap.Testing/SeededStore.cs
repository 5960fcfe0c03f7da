using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Starmap.Testing;

/// <summary>
/// Data folders that already hold the built-in catalog, for tests that need "a seeded store" but do not test
/// seeding. Seeding 5,900 offerings is most of a first start's CPU; a test run seeds once per build of the
/// silo and each test gets a copy, so its silo starts as a restart of a seeded store. Tests of seeding itself
/// (a first start, <c>--seed false</c>) use <see cref="TestFolders.New"/> and seed on their own.
/// </summary>
/// <remarks>
/// The template is made by a real silo process seeding an empty folder, stopped (SIGTERM), then copied
/// with SQLite's backup API into one file, so it never is a copy of a live WAL database. It lives in
/// <c>$TMPDIR/starmap-e2e/seeded/&lt;key&gt;.db</c>, shared by the test processes of a run: the key is a hash
/// of the built silo's own assemblies (the seed is embedded there), so a template from an older build is
/// never reused. A lock file keeps concurrent test processes from seeding the same key twice. A template
/// older than 12 hours is seeded again (so the stored times stay recent), and old ones of other builds are removed.
/// </remarks>
public static class SeededStore
{
    /// <summary>The store's file name in a data folder (SqliteGrainStorageOptions.FileName's default).</summary>
    public const string DatabaseFile = "starmap.db";

    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(12);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    /// <summary>Folder of the shared templates.</summary>
    public static string TemplateFolder => Path.Combine(Path.GetTempPath(), "starmap-e2e", "seeded");

    /// <summary>A new temporary folder (as <see cref="TestFolders.New"/>) holding a copy of the seeded store.</summary>
    public static async Task<string> NewFolderAsync(string purpose)
    {
        var template = await TemplateAsync();
        var folder = TestFolders.New(purpose);
        File.Copy(template, Path.Combine(folder, DatabaseFile));
        return folder;
    }

    /// <summary>The path of this build's template, made when missing.</summary>
    public static async Task<string> TemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is not null && File.Exists(_template))
            {
                return _template;
            }
            Directory.CreateDirectory(TemplateFolder);
            var key = BuildKey();
            var path = Path.Combine(TemplateFolder, $"{key}.db");
            using (await LockAsync(Path.Combine(TemplateFolder, $"{key}.lock"), TimeSpan.FromMinutes(10)))
            {
                // Seeded within the last hours: the seed's own times (when each offering was first seen) stay recent.
                if (!File.Exists(path) || DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleAfter)
                {
                    await SeedAsync(path);
                }
            }
            RemoveStale(path);
            _template = path;
            return path;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A hash of the built silo's Starmap assemblies: the seed, the grain states' shapes and the store's schema
    /// all live in them, and builds are deterministic, so the same sources give the same key.
    /// </summary>
    public static string BuildKey()
    {
        var bin = Path.GetDirectoryName(SiloProcess.SiloDll())!;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(bin, "Starmap.*.dll").Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    // A real silo seeds an empty folder and stops; the backup API then writes its store, WAL included, as one file.
    private static async Task SeedAsync(string path)
    {
        var folder = TestFolders.New("seed-template");
        try
        {
            var environment = new Dictionary<string, string?>
            {
                // Nothing but the seed: no provider keys, and models.dev on a closed loopback port.
                ["OPENAI_API_KEY"] = null,
                ["Starmap__Sources__ModelsDevUrl"] = $"http://127.0.0.1:{SiloProcess.FreePort()}/api.json",
                ["Starmap__Sources__MaxRetries"] = "0",
            };
            await using (var silo = await SiloProcess.StartAsync(folder, environment))
            {
                if (!silo.Output.Contains("Seeded the built-in catalog", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"the template silo did not seed:\n{silo.Output}");
                }
                var code = await silo.StopAsync();
                if (code != 0)
                {
                    throw new InvalidOperationException($"the template silo exited with code {code}:\n{silo.Output}");
                }
            }
            var temporary = Path.Combine(TemplateFolder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, DatabaseFile), Pooling = false }.ToString()))
                using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
                {
                    source.Open();
                    target.Open();
                    source.BackupDatabase(target);
                }
                // A rename: a test copying the older template at this moment still reads it whole.
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    // Another test process seeding the same key holds this lock (an OS lock: it dies with its process).
    private static async Task<FileStream> LockAsync(string path, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    // Templates (and lock files) of other builds seeded more than 12 hours ago; a test run lasts far less.
    private static void RemoveStale(string current)
    {
        foreach (var file in Directory.EnumerateFiles(TemplateFolder))
        {
            if (file != current && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleAfter)
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
