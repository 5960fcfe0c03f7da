using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Starmap.Storage.Sqlite;
using Xunit;

namespace Starmap.Storage.Tests;

/// Each test gets its own temp folder and a real SQLite file inside it.
public abstract class StorageTestBase : IAsyncLifetime
{
    // Building the serializer scans assemblies; one per test run is enough and it is thread-safe.
    private static readonly ServiceProvider SerializerServices = new ServiceCollection().AddSerializer().BuildServiceProvider();

    protected const string StateName = "provider";

    protected static readonly GrainId OpenAi = GrainId.Create("provider", "openai");

    protected string RootDirectory { get; } = Path.Combine(Path.GetTempPath(), "starmap-storage-tests", Guid.NewGuid().ToString("N"));

    // A nested, not-yet-existing folder proves the provider creates it.
    protected string DataDirectory => Path.Combine(RootDirectory, "data", "nested");

    protected string DatabasePath => Path.Combine(DataDirectory, "starmap.db");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before removing the folder.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(RootDirectory))
        {
            Directory.Delete(RootDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected SqliteGrainStorage CreateStorage(string name = "store", Func<TaskScheduler?>? writeScheduler = null) => new(
        name,
        new SqliteGrainStorageOptions { DataDirectory = DataDirectory, WriteScheduler = writeScheduler },
        SerializerServices.GetRequiredService<Serializer>(),
        SerializerServices.GetRequiredService<IActivatorProvider>(),
        NullLogger<SqliteGrainStorage>.Instance);

    protected static GrainState<ProviderTestState> NewState(string name = "", int count = 0, string? etag = null)
        => new(new ProviderTestState { Name = name, Count = count, Tags = [name] }, etag);

    protected static async Task<GrainState<ProviderTestState>> ReadAsync(SqliteGrainStorage storage, GrainId grainId, string stateName = StateName)
    {
        var state = new GrainState<ProviderTestState>();
        await storage.ReadStateAsync(stateName, grainId, state, Ct);
        return state;
    }

    protected async Task<object?> QueryScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(Ct);
    }
}
