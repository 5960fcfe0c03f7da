using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Starmap.Client;

/// <summary>
/// A connected Starmap client for programs without a host of their own (console tools, the
/// PowerShell module). Dispose it to disconnect.
/// </summary>
public sealed class StarmapConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private StarmapConnection(IHost host, StarmapClientOptions options)
    {
        _host = host;
        Options = options;
        Client = host.Services.GetRequiredService<IClusterClient>();
        Catalog = new StarmapCatalog(Client);
    }

    /// <summary>The Orleans client, for direct grain calls.</summary>
    public IClusterClient Client { get; }

    /// <summary>Starmap-style catalog calls.</summary>
    public StarmapCatalog Catalog { get; }

    /// <summary>What it connected to.</summary>
    public StarmapClientOptions Options { get; }

    /// <summary>
    /// Connects to the cluster <paramref name="options"/> describes (the local silo by default). Throws
    /// <see cref="StarmapConnectionException"/> within the connect timeout when no silo answers.
    /// </summary>
    public static async Task<StarmapConnection> ConnectAsync(StarmapClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StarmapClientOptions();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.ConfigureStarmap(options));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansException or TimeoutException or System.Net.Sockets.SocketException)
        {
            host.Dispose();
            throw StarmapClientExtensions.Explain(options, ex);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new StarmapConnection(host, options);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
