using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Starmap.Storage.Sqlite;
using Xunit;

namespace Starmap.Storage.Tests;

public sealed class RegistrationTests : StorageTestBase
{
    private sealed class TestSiloBuilder : ISiloBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }

    private static ServiceProvider Build(Action<ISiloBuilder> configure)
    {
        var builder = new TestSiloBuilder();
        builder.Services.AddLogging().AddSerializer();
        configure(builder);
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public async Task Named_registration_resolves_a_keyed_storage_that_works()
    {
        await using var services = Build(b => b.AddSqliteGrainStorage("catalog", o => o.DataDirectory = DataDirectory));

        var storage = Assert.IsType<SqliteGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("catalog"));
        Assert.Equal("catalog", storage.Name);
        Assert.Equal(DatabasePath, storage.DatabasePath);
        Assert.Null(services.GetService<IGrainStorage>());
        Assert.Contains(services.GetServices<ILifecycleParticipant<ISiloLifecycle>>(), p => ReferenceEquals(p, storage));

        await storage.WriteStateAsync(StateName, OpenAi, NewState("registered"), Ct);
        Assert.Equal("registered", (await ReadAsync(storage, OpenAi)).Value().Name);
    }

    [Fact]
    public async Task Default_registration_is_also_the_unkeyed_storage()
    {
        await using var services = Build(b => b.AddSqliteGrainStorageAsDefault(o => o.DataDirectory = DataDirectory));

        var keyed = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        Assert.Same(keyed, services.GetRequiredService<IGrainStorage>());
    }

    [Fact]
    public async Task Missing_data_directory_is_a_configuration_error()
    {
        await using var services = Build(b => b.AddSqliteGrainStorage("broken", _ => { }));

        var ex = Assert.Throws<OrleansConfigurationException>(() => services.GetRequiredKeyedService<IGrainStorage>("broken"));
        Assert.Contains("'broken'", ex.Message, StringComparison.Ordinal);
    }
}
