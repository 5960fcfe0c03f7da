using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Starmap.Client;

/// <summary>One call to connect a .NET host to a Starmap cluster.</summary>
public static class StarmapClientExtensions
{
    /// <summary>
    /// Adds an Orleans cluster client for Starmap, configured from <c>Starmap:Client</c> and then
    /// <paramref name="configure"/>, plus <see cref="StarmapCatalog"/> for Starmap-style calls. Host start
    /// fails within the connect timeout when no silo answers, and the log says what to check.
    /// </summary>
    public static IHostApplicationBuilder AddStarmapClient(this IHostApplicationBuilder builder, Action<StarmapClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Registered as options (checked again at start), and read now by the same rules: the Orleans
        // client below is configured from these values.
        var registered = builder.Services.AddOptions<StarmapClientOptions>().BindConfiguration(StarmapClientOptions.Section).ValidateOnStart();
        if (configure is not null)
        {
            registered.Configure(configure);
        }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StarmapClientOptions>, StarmapClientOptionsValidator>());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<StarmapClientOptions>>().Value);
        var options = new StarmapClientOptions();
        builder.Configuration.GetSection(StarmapClientOptions.Section).Bind(options);
        configure?.Invoke(options);
        StarmapClientOptionsValidator.ThrowIfInvalid(options);
        builder.UseOrleansClient(client => client.ConfigureStarmap(options));
        builder.Services.AddSingleton(sp => new StarmapCatalog(sp.GetRequiredService<IClusterClient>()));
        return builder;
    }

    /// <summary>Points an Orleans client builder at a Starmap cluster with fail-fast connection retries.</summary>
    public static IClientBuilder ConfigureStarmap(this IClientBuilder client, StarmapClientOptions options)
    {
        var gateways = options.ResolveGateways();
        client.UseStaticClustering(gateways.ToArray());
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        if (!string.IsNullOrEmpty(options.Origin))
        {
            client.AddOutgoingGrainCallFilter(new ChangeOriginFilter(options.Origin));
        }
        if (options.Tls.Enabled)
        {
            client.UseStarmapTls(options.Tls);
        }
        // Orleans' default retries for minutes (a wrong cluster ID looks like a silent hang); give up
        // after a few attempts within the timeout instead, and say what to check.
        client.Services.AddSingleton<IClientConnectionRetryFilter>(sp =>
            new FailFastRetryFilter(options, sp.GetService<ILoggerFactory>()?.CreateLogger("Starmap.Client")));
        return client;
    }

    /// <summary>Turns Orleans' connection failure into a message that says what to check.</summary>
    internal static StarmapConnectionException Explain(StarmapClientOptions options, Exception exception) =>
        new($"No Starmap silo answered at {options.Describe()}: {exception.Message} " +
            "Check that the silo is running, that the gateway address and port are right, and that the " +
            "cluster and service IDs match the silo's (Starmap:ClusterId / Starmap:ServiceId).", exception);
}
