using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Starmap.Storage.Sqlite;

namespace Orleans.Hosting;

public static class SqliteGrainStorageSiloBuilderExtensions
{
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configureOptions)
        => builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);

        var services = builder.Services;
        services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configureOptions);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SqliteGrainStorage(
            name,
            sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name),
            sp.GetRequiredService<Serializer>(),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetRequiredService<ILogger<SqliteGrainStorage>>()));

        // Grains without an explicit storage name resolve the unkeyed IGrainStorage.
        if (string.Equals(name, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, StringComparison.Ordinal))
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        }

        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(
            sp => (SqliteGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>(name));
        return builder;
    }
}

public static class SqliteReminderSiloBuilderExtensions
{
    /// <summary>Keeps Orleans reminders in the SQLite file <paramref name="configureOptions"/> names.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        var options = new SqliteGrainStorageOptions();
        configureOptions(options);
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(
            sp.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>(),
            options,
            sp.GetRequiredService<ILogger<SqliteReminderTable>>()));
        return builder;
    }
}
