using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Starmap.Grains;
using Starmap.Grains.Sync;
using Starmap.Sources;
using Starmap.Silo.Clustering;
using Starmap.Storage.Sqlite;
using Starmap.Sync;

namespace Starmap.Silo;

/// <summary>Wires a Starmap silo into a .NET host.</summary>
public static class StarmapSiloExtensions
{
    /// <summary>
    /// Adds the Starmap silo to the host: clustering and storage by <see cref="StarmapSiloOptions.Clustering"/>
    /// (embedded: localhost clustering and SQLite in the data folder; Redis; Kubernetes + Redis), optional
    /// TLS, the grains, seeding of an empty store, and a log line when ready.
    /// </summary>
    public static IHostApplicationBuilder AddStarmapSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        // Clustering, ports and the reminder minimum shape the silo itself, so they are read now, by the
        // same validator the host runs at start.
        var options = StarmapSiloOptionsValidator.Read(builder.Configuration);
        builder.Services.AddStarmapSiloOptions();

        builder.UseOrleans(silo =>
        {
            silo.UseStarmapClustering(options, builder.Configuration);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = options.MinimumSyncInterval);
            // Advanced: Orleans' messaging (ResponseTimeout: how long a grain call waits) from Starmap:Messaging.
            silo.Services.Configure<SiloMessagingOptions>(builder.Configuration.GetSection(StarmapSiloOptions.Section + ":Messaging"));
            // Counted from the silo's start, so Orleans' watchdog does not report the machine's uptime as a stall.
            silo.Services.AddKeyedSingleton<TimeProvider>(Orleans.Runtime.TimeProviderNames.Membership, (_, _) => new SiloEpochTimeProvider());
            configure?.Invoke(silo);
        });
        builder.Services.AddOptions<SourceOptions>().BindConfiguration(SourceOptions.Section).ValidateOnStart();

        // Registered after the silo, so it starts once the silo accepts calls.
        builder.Services.AddHostedService<SiloStartup>();
        // Retention of the change log, on every silo (the store is the mode's: SQLite or Redis).
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<History.ChangeLogPruner>(sp));
        // A dry run of a sync once the silo is ready (Starmap:Sync:Rehearse), so the first real one runs compiled code.
        builder.Services.AddHostedService<SyncRehearsalStartup>();
        return builder;
    }

    /// <summary>SQLite storage in <paramref name="dataDirectory"/> plus the grains' services; shared with tests.</summary>
    public static ISiloBuilder AddStarmapStorageAndGrains(this ISiloBuilder silo, string dataDirectory, Action<SqliteGrainStorageOptions>? storage = null)
    {
        void Configure(SqliteGrainStorageOptions o)
        {
            o.DataDirectory = dataDirectory;
            // A sync's writes run on its low-priority threads, beside its computing (SyncWork).
            o.WriteScheduler = SyncWork.SchedulerForCurrentCall;
            storage?.Invoke(o);
        }
        silo.AddSqliteGrainStorage(StorageNames.Catalog, Configure);
        silo.UseSqliteReminderService(Configure);
        // The change log lives in the same file as the state it records.
        var changeLog = new SqliteGrainStorageOptions();
        Configure(changeLog);
        silo.Services.AddSingleton<IChangeLogStore>(new SqliteChangeLogStore(changeLog));
        silo.Services.AddStarmapGrains();
        return silo;
    }
}
