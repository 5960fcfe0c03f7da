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

    private sealed record State(StarmapConnection Connection, StarmapConnectionInfo Info);

    /// <summary>The connection, or null when not connected.</summary>
    public static StarmapConnectionInfo? Current => _state?.Info;

    internal static StarmapCatalog Catalog => (_state ?? throw Failures.NotConnected()).Connection.Catalog;

    /// <summary>Connects, replacing any previous connection. Throws <see cref="StarmapCommandException"/> (ConnectionFailed) when no silo answers.</summary>
    public static async Task<StarmapConnectionInfo> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = Options(request);
        await Gate.WaitAsync(cancellationToken);
        try
        {
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
                throw new StarmapCommandException(FailureKind.Connection, "ConnectionFailed", ex.Message, options.Describe(), ex);
            }
            var info = new StarmapConnectionInfo
            {
                Gateways = [.. options.Gateways.Count == 0 ? ["127.0.0.1:30000"] : options.Gateways],
                ClusterId = options.ClusterId,
                ServiceId = options.ServiceId,
                Tls = options.Tls.Enabled,
                ConnectedAt = DateTimeOffset.Now,
            };
            // Swap only after the new connection works: a failed Connect-Starmap keeps the old one.
            await DisconnectCoreAsync();
            _state = new State(connection, info);
            return info;
        }
        finally
        {
            Gate.Release();
        }
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

    /// <summary>Disconnects; true when there was a connection.</summary>
    public static async Task<bool> DisconnectAsync()
    {
        await Gate.WaitAsync();
        try
        {
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

    private static StarmapClientOptions Options(ConnectRequest request)
    {
        // Same configuration keys as any .NET client (Starmap__Client__Gateways__0, ...); parameters win.
        var options = new StarmapClientOptions();
        try
        {
            new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(StarmapClientOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidConfiguration",
                $"The Starmap__Client__* environment variables hold a value Connect-Starmap cannot use: {ex.Message}", StarmapClientOptions.Section, ex);
        }
        if (request.Gateways.Count > 0)
        {
            options.Gateways.Clear();
            foreach (var gateway in request.Gateways)
            {
                options.Gateways.Add(gateway);
            }
        }
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
        return options;
    }
}
