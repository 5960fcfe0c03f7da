using Orleans.Runtime;
using Starmap.Client;

namespace Starmap.PowerShell;

/// <summary>Turns contract and Orleans exceptions into <see cref="StarmapCommandException"/>s with stable IDs.</summary>
internal static class Failures
{
    public static StarmapCommandException NotConnected() =>
        new(FailureKind.NotConnected, "NotConnected", "Not connected to a Starmap cluster. Run Connect-Starmap first.");

    public static StarmapCommandException NotFound(string kind, string id) =>
        new(FailureKind.NotFound, Capitalize(kind) + "NotFound", $"{kind} '{id}' was not found", id);

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
        SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException =>
            new(FailureKind.Connection, "SiloUnavailable", $"The Starmap cluster did not answer: {ex.Message}", target, ex),
        OrleansException or InvalidOperationException when ex.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) =>
            new(FailureKind.Connection, "SiloUnavailable", $"The Starmap cluster did not answer: {ex.Message}", target, ex),
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
