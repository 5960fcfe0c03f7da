using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Starmap.Sources;
using Starmap.Sources.Keys;
using Starmap.Sources.ModelsDev;
using Starmap.Sources.Providers;
using Starmap.Testing;

namespace Starmap.Sources.Tests.Support;

/// <summary>
/// A loopback <see cref="ReplayServer"/> plus the sources wired by <c>AddStarmapSources</c>, with a
/// private environment (keys never touch the process environment) and captured logs.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Harness(ReplayServer server, ServiceProvider services, ConcurrentDictionary<string, string> environment, LogCapture logs)
    {
        Server = server;
        _services = services;
        Environment = environment;
        Logs = logs;
    }

    public ReplayServer Server { get; }

    /// <summary>Environment variables the key resolver sees.</summary>
    public ConcurrentDictionary<string, string> Environment { get; }

    public LogCapture Logs { get; }

    public ProviderApiSource Api => _services.GetRequiredService<ProviderApiSource>();

    public ModelsDevSource ModelsDev => _services.GetRequiredService<ModelsDevSource>();

    public SourceFetcher Fetcher => _services.GetRequiredService<SourceFetcher>();

    public ApiKeyResolver Keys => _services.GetRequiredService<ApiKeyResolver>();

    public static async Task<Harness> StartAsync(Action<SourceOptions>? configure = null, TimeProvider? time = null)
    {
        var server = await ReplayServer.StartAsync(TestContext.Current.CancellationToken);
        var environment = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddStarmapSources(o =>
        {
            o.ReadEnvironment = name => environment.TryGetValue(name, out var value) ? value : null;
            // Fast retries so resilience tests take milliseconds, not the production seconds.
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            o.ModelsDevUrl = new Uri(server.BaseUri, "models.dev/api.json");
            configure?.Invoke(o);
        });
        return new Harness(server, services.BuildServiceProvider(), environment, logs);
    }

    public async Task<SourceObservation> ObserveAsync(Provider provider)
    {
        var outcome = await Api.FetchAsync(provider, TestContext.Current.CancellationToken);
        Assert.Null(outcome.SkipReason);
        return outcome.Observation!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>Collects every formatted log message (and exception text) for secret checks.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._messages.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
