using Microsoft.Extensions.Configuration;
using Starmap.Client;

namespace Starmap.PowerShell;

/// <summary>What Connect-Starmap was asked for; null members fall back to <c>Starmap:Client</c> configuration, then defaults.</summary>
public sealed class ConnectRequest
{
    /// <summary>Gateways as <c>host:port</c>.</summary>
    public IReadOnlyList<string> Gateways { get; init; } = [];

    /// <summary>The silo's cluster ID.</summary>
    public string? ClusterId { get; init; }

    /// <summary>The silo's service ID.</summary>
    public string? ServiceId { get; init; }

    /// <summary>How long to keep trying.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>Connect with TLS (the silos run with Starmap:Tls).</summary>
    public bool UseTls { get; init; }

    /// <summary>Silo certificate thumbprints to trust without a trusted chain (self-signed certificates).</summary>
    public IReadOnlyList<string> TlsThumbprints { get; init; } = [];

    /// <summary>Also save what it connected to as the default for later sessions (<see cref="ConnectionDefaults"/>).</summary>
    public bool Save { get; init; }
}

/// <summary>
/// The one connection of this PowerShell process. Static on purpose: every cmdlet, every runspace and
/// every thread job of the process shares it, so a session connects once. Guarded by a gate so two
/// runspaces connecting at once cannot leak a client.
/// </summary>
public static class StarmapSession
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static volatile State? _state;

    // Disconnect-Starmap means "stay disconnected": cmdlets connect on first use again only after Connect-Starmap.
    private static volatile bool _disconnectedByUser;

    private sealed record State(StarmapConnection Connection, StarmapConnectionInfo Info);

    /// <summary>The connection, or null when not connected.</summary>
    public static StarmapConnectionInfo? Current => _state?.Info;

    /// <summary>The NotConnected failure, which says how to connect.</summary>
    public static StarmapCommandException NotConnected() => Failures.NotConnected();

    internal static StarmapCatalog Catalog => (_state ?? throw Failures.NotConnected()).Connection.Catalog;

    /// <summary>Connects, replacing any previous connection. Throws <see cref="StarmapCommandException"/> (ConnectionFailed) when no silo answers.</summary>
    public static async Task<StarmapConnectionInfo> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return await ConnectCoreAsync(request, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Connects on a cmdlet's first use when there is no connection yet, from <c>$env:STARMAP_GATEWAY</c>,
    /// <c>Starmap__Client__Gateways__n</c> or the saved default; does nothing when none of them is set or after
    /// Disconnect-Starmap (the cmdlet then fails with NotConnected saying how to connect).
    /// </summary>
    public static async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_state is not null || _disconnectedByUser || !HasConfiguredGateway() && !File.Exists(ConnectionDefaults.FilePath))
        {
            return;
        }
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_state is null)
            {
                await ConnectCoreAsync(new ConnectRequest(), cancellationToken);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<StarmapConnectionInfo> ConnectCoreAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        var (options, source) = Options(request);
        StarmapConnection connection;
        try
        {
            connection = await StarmapConnection.ConnectAsync(options, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidGateway", ex.Message, string.Join(", ", options.Gateways), ex);
        }
        catch (StarmapConnectionException ex)
        {
            throw new StarmapCommandException(FailureKind.Connection, "ConnectionFailed", Failures.NoSiloAnswered(options, source), options.Describe(), ex);
        }
        var info = new StarmapConnectionInfo
        {
            Gateways = [.. options.Gateways.Count == 0 ? ["127.0.0.1:30000"] : options.Gateways],
            ClusterId = options.ClusterId,
            ServiceId = options.ServiceId,
            Tls = options.Tls.Enabled,
            ConnectedAt = DateTimeOffset.Now,
            Source = source,
        };
        if (request.Save)
        {
            var defaults = new ConnectionDefaults
            {
                Gateways = info.Gateways,
                ClusterId = options.ClusterId,
                ServiceId = options.ServiceId,
                TimeoutSec = request.ConnectTimeout is { } timeout ? (int)timeout.TotalSeconds : null,
                UseTls = options.Tls.Enabled,
                TlsThumbprints = [.. options.Tls.ServerThumbprints],
            };
            try
            {
                defaults.Save();
            }
            catch (StarmapCommandException)
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        // Swap only after the new connection works: a failed Connect-Starmap keeps the old one.
        await DisconnectCoreAsync();
        _state = new State(connection, info);
        _disconnectedByUser = false;
        return info;
    }

    /// <summary>The connection with the catalog's current generation and counts.</summary>
    public static async Task<StarmapConnectionInfo?> GetStatusAsync()
    {
        if (_state is not { } state)
        {
            return null;
        }
        var status = await Failures.Guard(() => state.Connection.Catalog.GetStatusAsync());
        return state.Info.WithStatus(status.Generation, status.Providers, status.Authors, status.Offerings, status.Definitions);
    }

    /// <summary>
    /// Disconnects; true when there was a connection. <paramref name="byUser"/> (Disconnect-Starmap) also stops
    /// cmdlets from connecting on first use until the next Connect-Starmap; a module unload does not.
    /// </summary>
    public static async Task<bool> DisconnectAsync(bool byUser = true)
    {
        await Gate.WaitAsync();
        try
        {
            _disconnectedByUser |= byUser;
            return await DisconnectCoreAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> DisconnectCoreAsync()
    {
        if (_state is not { } state)
        {
            return false;
        }
        _state = null;
        try
        {
            await state.Connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or Orleans.Runtime.OrleansException)
        {
            // A silo that is already gone cannot say goodbye; the local client is disposed regardless.
        }
        return true;
    }

    private static void RequireId(string? value, bool fromParameter, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            var source = fromParameter ? "-" + name : $"{StarmapClientOptions.Section.Replace(":", "__", StringComparison.Ordinal)}__{name}";
            throw new StarmapCommandException(FailureKind.InvalidArgument, "Invalid" + name,
                $"{source} is blank; give the silo's {name} (default 'starmap')", name);
        }
    }

    // Gateways named by the environment: the module's own variable, or the .NET client's section.
    private static bool HasConfiguredGateway() =>
        ConnectionDefaults.FromEnvironment().Count > 0 || ClientGatewayVariables().Any();

    private static IEnumerable<string> ClientGatewayVariables() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("Starmap__Client__Gateways__", StringComparison.OrdinalIgnoreCase)
                || k.StartsWith("Starmap:Client:Gateways:", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The options to connect with and where the gateways came from. Layers, last wins: the defaults, the saved
    /// default (Connect-Starmap -Save), the .NET client's <c>Starmap__Client__*</c> variables, <c>$env:STARMAP_GATEWAY</c>,
    /// the parameters.
    /// </summary>
    private static (StarmapClientOptions Options, string Source) Options(ConnectRequest request)
    {
        var saved = ConnectionDefaults.Load();
        var environmentGateways = ConnectionDefaults.FromEnvironment();
        var clientGateways = ClientGatewayVariables().Any();
        var layers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (saved is not null)
        {
            const string section = StarmapClientOptions.Section;
            // Saved gateways only when the environment names none: lists from two layers would mix.
            if (!clientGateways)
            {
                for (var i = 0; i < saved.Gateways.Count; i++)
                {
                    layers[$"{section}:Gateways:{i}"] = saved.Gateways[i];
                }
            }
            layers[$"{section}:ClusterId"] = saved.ClusterId;
            layers[$"{section}:ServiceId"] = saved.ServiceId;
            layers[$"{section}:ConnectTimeout"] = saved.TimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds).ToString() : null;
            layers[$"{section}:Tls:Enabled"] = saved.UseTls ? "true" : null;
            for (var i = 0; i < saved.TlsThumbprints.Count; i++)
            {
                layers[$"{section}:Tls:ServerThumbprints:{i}"] = saved.TlsThumbprints[i];
            }
        }
        // Same configuration keys as any .NET client (Starmap__Client__Gateways__0, ...); parameters win.
        var options = new StarmapClientOptions();
        try
        {
            new ConfigurationBuilder()
                .AddInMemoryCollection(layers.Where(l => l.Value is not null))
                .AddEnvironmentVariables()
                .Build().GetSection(StarmapClientOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidConfiguration",
                $"The Starmap__Client__* environment variables{(saved is null ? "" : " or the saved connection " + ConnectionDefaults.FilePath)} hold a value Connect-Starmap cannot use: {ex.Message}", StarmapClientOptions.Section, ex);
        }
        var gateways = request.Gateways.Count > 0 ? request.Gateways : environmentGateways.Count > 0 ? environmentGateways : null;
        if (gateways is not null)
        {
            options.Gateways.Clear();
            foreach (var gateway in gateways)
            {
                options.Gateways.Add(gateway);
            }
        }
        var source =
            request.Gateways.Count > 0 ? "-Gateway"
            : environmentGateways.Count > 0 ? "$env:" + ConnectionDefaults.GatewayVariable
            : clientGateways ? "$env:Starmap__Client__Gateways__*"
            : saved is { Gateways.Count: > 0 } ? $"the saved connection ({ConnectionDefaults.FilePath})"
            : "the default gateway";
        options.ClusterId = request.ClusterId ?? options.ClusterId;
        options.ServiceId = request.ServiceId ?? options.ServiceId;
        options.ConnectTimeout = request.ConnectTimeout ?? options.ConnectTimeout;
        // The change log records the module's writes as powershell.
        options.Origin = ChangeOrigins.PowerShell;
        // Orleans refuses blank IDs deep inside the client build with its own configuration exception.
        RequireId(options.ClusterId, request.ClusterId is not null, "ClusterId");
        RequireId(options.ServiceId, request.ServiceId is not null, "ServiceId");
        if (request.UseTls || request.TlsThumbprints.Count > 0)
        {
            options.Tls.Enabled = true;
        }
        foreach (var thumbprint in request.TlsThumbprints)
        {
            options.Tls.ServerThumbprints.Add(thumbprint);
        }
        return (options, source);
    }
}
