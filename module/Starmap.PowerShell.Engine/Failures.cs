using Orleans.Runtime;
using Starmap.Client;

namespace Starmap.PowerShell;

/// <summary>Turns contract and Orleans exceptions into <see cref="StarmapCommandException"/>s with stable IDs.</summary>
internal static class Failures
{
    public static StarmapCommandException NotConnected() =>
        new(FailureKind.NotConnected, "NotConnected",
            "Not connected to a Starmap cluster. Run Connect-Starmap (-Gateway host:port), or set $env:STARMAP_GATEWAY, " +
            "or save a default with Connect-Starmap -Save, and cmdlets connect on first use.");

    /// <summary>
    /// Why a connect failed, in the user's terms: which gateways (and where they came from), which cluster, how
    /// long it tried, and what to check. Orleans' own retry text ("Unable to connect to S127.0.0.1:30000:0, will
    /// retry after 993 ms") stays on the inner exception.
    /// </summary>
    public static string NoSiloAnswered(StarmapClientOptions options, string source) =>
        $"No Starmap silo answered at {string.Join(", ", options.Gateways.Count == 0 ? ["127.0.0.1:30000"] : options.Gateways)} " +
        $"(from {source}) within {options.ConnectTimeout.TotalSeconds:0.#} s. Check that the silo is running and listens on that " +
        $"gateway port (Starmap:GatewayPort, default 30000), that the cluster and service IDs match the silo's (here " +
        $"'{options.ClusterId}' and '{options.ServiceId}'; -ClusterId, -ServiceId){(options.Tls.Enabled ? ", and that the silo uses TLS" : ", and whether the silo needs TLS (-UseTls)")}.";

    // A call on an open connection that no silo answered: say so plainly, keep Orleans' text on the inner exception.
    private static StarmapCommandException Unreachable(Exception ex, object? target)
    {
        var gateways = StarmapSession.Current is { } current ? string.Join(", ", current.Gateways) : "the gateway";
        return new(FailureKind.Connection, "SiloUnavailable", ex is TimeoutException
            ? $"The Starmap cluster at {gateways} did not answer within the response timeout (Starmap__Client__ResponseTimeout, 30 s by default); " +
              "the call may still complete in the cluster. Check that the silo is running, or raise the timeout (then Connect-Starmap) for long imports."
            : $"The Starmap cluster at {gateways} did not answer: no silo accepted the call. Check that the silo is running; the module reconnects on its own " +
              "once a silo is back, or run Connect-Starmap to connect elsewhere.", target, ex);
    }

    /// <summary>
    /// <c>ProviderNotFound</c> (<c>AuthorNotFound</c>, ...) for <paramref name="id"/>; for a provider or author ID
    /// no entity can have (not kebab-case), <c>InvalidProvider</c> (<c>InvalidAuthor</c>) saying why: a typo of
    /// that kind is not a missing entity.
    /// </summary>
    public static StarmapCommandException NotFound(string kind, string id) =>
        kind is "provider" or "author" && EntityIds.Problem(id) is { } problem
            ? new(FailureKind.InvalidArgument, "Invalid" + Capitalize(kind), $"'{StarmapValidationException.Printable(id)}' is not a {kind} ID: it {problem}", id)
            : new(FailureKind.NotFound, Capitalize(kind) + "NotFound", $"{kind} '{id}' was not found", id);

    /// <summary>Runs a call and translates what it throws; <paramref name="invalidId"/> names validation failures.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> call, string invalidId = "InvalidArgument", object? target = null)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Translate(ex, invalidId, target) is { } translated)
        {
            throw translated;
        }
    }

    public static StarmapCommandException? Translate(Exception ex, string invalidId, object? target) => ex switch
    {
        StarmapCommandException => null,
        StarmapNotFoundException nf => new(FailureKind.NotFound, Capitalize(nf.Kind.Length == 0 ? "Entity" : nf.Kind) + "NotFound", nf.Message, target ?? nf.Id, nf),
        // A provider or author ID no grain can have (blank, not kebab-case) is that ID's fault whatever the call.
        StarmapValidationException { Field: "provider key" } v => new(FailureKind.InvalidArgument, "InvalidProvider", v.Message, target ?? v.Value, v),
        StarmapValidationException { Field: "author key" } v => new(FailureKind.InvalidArgument, "InvalidAuthor", v.Message, target ?? v.Value, v),
        StarmapValidationException v => new(FailureKind.InvalidArgument, invalidId, v.Message, target ?? v.Field, v),
        StarmapConflictException c => VersionConflict(c, target),
        StarmapHistoryRangeException h => new(FailureKind.InvalidArgument, "HistoryOutOfRange", h.Message, target, h),
        StarmapAlreadyExistsException e => new(FailureKind.Conflict, Capitalize(e.Kind.Length == 0 ? "Entity" : e.Kind) + "AlreadyExists",
            $"{e.Message}; change it with Set-Starmap{Capitalize(e.Kind)}", target ?? e.Id, e),
        StarmapConnectionException c => new(FailureKind.Connection, "ConnectionFailed", c.Message, target, c),
        SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException => Unreachable(ex, target),
        OrleansException or InvalidOperationException when ex.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) => Unreachable(ex, target),
        _ => null,
    };

    /// <summary>The stable VersionConflict error: the entity changed since the object was read.</summary>
    public static StarmapCommandException VersionConflict(StarmapConflictException conflict, object? target) =>
        new(FailureKind.Conflict, "VersionConflict",
            $"{conflict.Message}. Nothing was written; read it again and repeat your change, or use -Force to write only the fields you changed over the newer values.",
            target ?? conflict.Id, conflict);

    private static string Capitalize(string kind) =>
        string.Concat(kind.Split(' ', '-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
