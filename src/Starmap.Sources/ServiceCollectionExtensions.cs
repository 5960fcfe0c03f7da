using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Starmap.Sources;
using Starmap.Sources.Http;
using Starmap.Sources.Keys;
using Starmap.Sources.Local;
using Starmap.Sources.ModelsDev;
using Starmap.Sources.Providers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sources.</summary>
public static class StarmapSourcesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SourceFetcher"/>, <see cref="ProviderApiSource"/>, <see cref="ModelsDevSource"/>,
    /// <see cref="ApiKeyResolver"/> and the named HttpClient they share, configured by <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddStarmapSources(this IServiceCollection services, Action<SourceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SourceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        // Every rule in one validator; a host checks it at start, anything else at first use.
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SourceOptions>, SourceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var http = services.AddHttpClient(SourceHttp.ClientName, client =>
            {
                // Timeouts are per request and per fetch (SourceOptions), not the client's single one.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Starmap.Orleans/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect would carry custom key headers (x-api-key) to wherever it points.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        // Retries, Retry-After and attempt timeouts (SourceResilience); the attempt handler inside it
        // reads each body within its attempt, so a cut-off or slow body is retried too.
        http.AddResilienceHandler(SourceResilience.PipelineName, (pipeline, context) => SourceResilience.Configure(
            pipeline,
            context.ServiceProvider.GetRequiredService<IOptions<SourceOptions>>().Value,
            context.ServiceProvider.GetRequiredService<TimeProvider>(),
            context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<SourceHttp>()));
        http.AddHttpMessageHandler(() => new SourceAttemptHandler());
        // The factory's own loggers print request URLs; a query-parameter key would be in them.
        // SourceHttp logs instead, with URLs that never carry the key.
        http.RemoveAllLoggers();

        services.TryAddSingleton<SourceHttp>();
        services.TryAddSingleton<ApiKeyResolver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderApiClient, OpenAICompatibleClient>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderApiClient, AnthropicClient>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderApiClient, GoogleClient>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderApiClient, OpenRouterClient>());
        services.TryAddSingleton(sp => new ProviderApiSource(
            sp.GetServices<IProviderApiClient>(), sp.GetRequiredService<ApiKeyResolver>(),
            sp.GetRequiredService<IOptions<SourceOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ModelsDevSource(
            sp.GetRequiredService<SourceHttp>(), sp.GetRequiredService<IOptions<SourceOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ModelsDevSource>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IObservationSource, ProviderApiSource>(sp => sp.GetRequiredService<ProviderApiSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IObservationSource, ModelsDevSource>(sp => sp.GetRequiredService<ModelsDevSource>()));
        services.TryAddSingleton<LocalCatalogSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IObservationSource, LocalCatalogSource>(sp => sp.GetRequiredService<LocalCatalogSource>()));
        services.TryAddSingleton<SourceFetcher>();
        return services;
    }
}
