using Orleans.TestingHost;
using Starmap.Silo;
using Starmap.Storage.Sqlite;

[assembly: AssemblyFixture(typeof(Starmap.Grains.Tests.ClusterFixture))]

namespace Starmap.Grains.Tests;

/// <summary>
/// One in-process cluster of two silos on a real SQLite file, shared by every test in the assembly.
/// Tests use distinct provider and author keys so they never see each other's writes.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string DataDirectory { get; } = TestData.NewDirectory("cluster");

    public IClusterClient Client => Cluster.Client;

    /// <summary>One facade for the whole run, so its read-your-writes session spans the tests.</summary>
    public StarmapCatalog Catalog { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cluster = TestClusters.Create(DataDirectory, silos: 2);
        await Cluster.DeployAsync();
        Catalog = new StarmapCatalog(Cluster.Client);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        TestData.Delete(DataDirectory);
    }
}

/// <summary>Builds test clusters configured like the real silo (SQLite storage, the Starmap grains).</summary>
public static class TestClusters
{
    public static InProcessTestCluster Create(string dataDirectory, int silos, Action<SqliteGrainStorageOptions>? storage = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo.AddStarmapStorageAndGrains(dataDirectory, storage));
        return builder.Build();
    }
}

/// <summary>Temporary folders and unique keys.</summary>
public static class TestData
{
    private static int _counter;

    public static string NewDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "starmap-tests", $"{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A silo may still hold the file briefly; temp folders are cleaned by the OS anyway.
        }
    }

    /// <summary>A provider or author ID no other test uses.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";
}
