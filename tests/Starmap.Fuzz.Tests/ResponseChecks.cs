using System.Text.Json;
using System.Text.RegularExpressions;

namespace Starmap.Fuzz.Tests;

/// <summary>
/// What every answer must satisfy, whatever was sent: no 5xx and no hang; every error (non-2xx, non-304,
/// not HEAD) carries the documented body <c>{"error":{"code","message"[,"parameter"]}}</c> as JSON, with a
/// message free of raw control characters and never ending in an empty list; the key never echoed;
/// HEAD accepted where GET is. Bytes that are not HTTP at all (<see cref="FuzzKind.Malformed"/>) only
/// owe "no 5xx, no hang", and a shaped body if they get one.
/// </summary>
internal static partial class ResponseChecks
{
    public static IEnumerable<string> Faults(FuzzRequest request, RawResponse response, string apiKey)
    {
        if (response.Failure is not null)
        {
            yield return "no answer: " + response.Failure;
            yield break;
        }
        // 505 is HTTP's own answer to a protocol version it does not speak ("HTTP/9.9"), not a server fault.
        if (response.Status >= 500 && !(response.Status == 505 && request.Kind == FuzzKind.Malformed))
        {
            yield return $"{response.Status}";
            yield break;
        }
        if (response.Status is < 100 or > 599)
        {
            yield return $"status {response.Status} is not an HTTP status";
        }
        if (Contains(response, apiKey))
        {
            yield return "the API key is echoed in the answer";
        }
        // A '.' or '..' segment (a generated ID like "..") is removed before routing, so the request may reach
        // another route (.../sync/runs/.. is .../sync, which takes only POST): 405 is then right.
        if (request.Method == "HEAD" && request.Operation is { Method: "GET" } && request.Kind == FuzzKind.Route && response.Status == 405
            && !HasDotSegment(request.Target))
        {
            yield return "HEAD refused on a GET route";
        }
        var isError = response.Status >= 400;
        if (!isError)
        {
            if (response.Status is >= 200 and < 300 && request.Method != "HEAD" && response.Body.Length > 0 && IsJson(response) && !ParsesAsJson(response.Body))
            {
                yield return "a success whose JSON body does not parse";
            }
            yield break;
        }
        if (request.Method == "HEAD" || (response.Body.Length == 0 && request.Kind == FuzzKind.Malformed))
        {
            yield break;
        }
        if (ShapeFault(response) is { } shape)
        {
            yield return shape;
        }
    }

    /// <summary>Null when the body is the documented error shape; else what is wrong with it.</summary>
    public static string? ShapeFault(RawResponse response)
    {
        if (response.Body.Length == 0)
        {
            return "error without a body (not the documented shape)";
        }
        if (!IsJson(response))
        {
            return $"error body is not JSON (Content-Type '{response.Header("content-type")}')";
        }
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(response.Body);
        }
        catch (JsonException)
        {
            return "error body does not parse as JSON";
        }
        if (body?["error"] is not JsonObject error)
        {
            return "error body has no \"error\" object";
        }
        var code = error["code"] is JsonValue c && c.TryGetValue<string>(out var codeText) ? codeText : null;
        var message = error["message"] is JsonValue m && m.TryGetValue<string>(out var messageText) ? messageText : null;
        if (code is null || !CodePattern().IsMatch(code))
        {
            return "error.code missing or not snake_case";
        }
        if (string.IsNullOrWhiteSpace(message))
        {
            return "error.message missing or empty";
        }
        if (error["parameter"] is { } parameter && (parameter is not JsonValue p || !p.TryGetValue<string>(out _)))
        {
            return "error.parameter is not a string";
        }
        if (code is "invalid_parameter" or "unknown_parameter" && error["parameter"] is null)
        {
            return $"{code} without error.parameter";
        }
        if (message.Any(ch => char.IsControl(ch) || ch is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069'))
        {
            return "error.message holds raw control or bidi characters";
        }
        if (message.TrimEnd().EndsWith(':'))
        {
            return "error.message ends in an empty list";
        }
        if (code == "internal")
        {
            return "error code 'internal' (a bug) answered to an input";
        }
        return null;
    }

    private static bool IsJson(RawResponse response) =>
        response.Header("content-type") is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static bool ParsesAsJson(byte[] body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Contains(RawResponse response, string secret) =>
        response.BodyText.Contains(secret, StringComparison.Ordinal) || response.Headers.Values.Any(v => v.Contains(secret, StringComparison.Ordinal));

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex CodePattern();

    /// <summary>True when a path segment, percent-decoded, is '.' or '..' (servers and clients remove them).</summary>
    private static bool HasDotSegment(string target) =>
        target.Split('?', 2)[0].Split('/').Any(segment => Uri.UnescapeDataString(segment) is "." or "..");
}
