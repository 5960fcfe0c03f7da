using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;
using Orleans.TestingHost;
using Starmap.Grains.Sync;
using Starmap.Silo;
using Starmap.Sources;
using Starmap.Testing;

namespace Starmap.Grains.Tests.Sync;

/// <summary>
/// A cluster whose sources read from a loopback replay server: provider APIs at paths the tests
/// script, models.dev at <c>/models.dev/api.json</c>. Keys come from <see cref="Environment"/>, a
/// stand-in for process variables. Reminders may fire every second.
/// </summary>
public sealed class SyncClusterFixture : IAsyncLifetime
{
    public ReplayServer Server { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ConcurrentDictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public FaultHooks Hooks { get; } = new();

    public string DataDirectory { get; } = TestData.NewDirectory("sync");

    public StarmapCatalog Catalog { get; private set; } = null!;

    public ObservedChangeLog ChangeLog { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await ReplayServer.StartAsync();
        Server.Map("/models.dev/api.json", ReplayResponse.Json("{}"));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddStarmapStorageAndGrains(DataDirectory);
            // The real change log, noting where each append ran (SyncWorkTests).
            var store = (IChangeLogStore)silo.Services.Single(d => d.ServiceType == typeof(IChangeLogStore)).ImplementationInstance!;
            silo.Services.RemoveAll<IChangeLogStore>();
            silo.Services.AddSingleton<IChangeLogStore>(ChangeLog = new ObservedChangeLog(store));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.Configure<SourceOptions>(o =>
            {
                o.ModelsDevUrl = new Uri(Server.Url("/models.dev/api.json"));
                o.ModelsDevCacheDuration = TimeSpan.Zero;
                o.ModelsDevRetryAfterFailure = TimeSpan.Zero; // each test scripts models.dev afresh
                o.RequestTimeout = TimeSpan.FromSeconds(2);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetries = 2;
                o.ReadEnvironment = name => Environment.TryGetValue(name, out var value) ? value : null;
            });
            silo.Services.AddSingleton<SyncHooks>(Hooks);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Catalog = new StarmapCatalog(Cluster.Client);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Server.DisposeAsync();
        TestData.Delete(DataDirectory);
    }
}

/// <summary>Fails the apply step for providers a test names, like a crash between fetch and apply.</summary>
public sealed class FaultHooks : SyncHooks
{
    private readonly ConcurrentDictionary<string, bool> _crashBeforeApply = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<Task>> _beforeApply = new(StringComparer.Ordinal);

    public void CrashBeforeApply(string providerId) => _crashBeforeApply[providerId] = true;

    /// <summary>Runs <paramref name="meanwhile"/> once, between a sync's read and its write (a concurrent edit).</summary>
    public void BeforeApply(string providerId, Func<Task> meanwhile) => _beforeApply[providerId] = meanwhile;

    private readonly ConcurrentDictionary<string, Func<Task>> _beforeAuthorWrite = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="meanwhile"/> once, between a sync's read of an author and its write of that author.</summary>
    public void BeforeAuthorWrite(string authorId, Func<Task> meanwhile) => _beforeAuthorWrite[authorId] = meanwhile;

    public override Task BeforeAuthorWriteAsync(string authorId) =>
        _beforeAuthorWrite.TryRemove(authorId, out var meanwhile) ? meanwhile() : Task.CompletedTask;

    public override Task BeforeApplyAsync(string providerId) =>
        _crashBeforeApply.ContainsKey(providerId)
            ? throw new InvalidOperationException($"injected crash before applying {providerId}")
            : _beforeApply.TryRemove(providerId, out var meanwhile) ? meanwhile() : Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class SyncCluster : ICollectionFixture<SyncClusterFixture>
{
    public const string Name = "sync cluster";
}
