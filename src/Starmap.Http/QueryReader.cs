using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Starmap.Http;

/// <summary>
/// Reads query parameters strictly: a parameter the route does not know, a repeated single value or a
/// malformed value throws <see cref="HttpParameterException"/> naming it, so typos never pass silently.
/// </summary>
internal sealed class QueryReader
{
    private readonly IQueryCollection _query;

    public QueryReader(IQueryCollection query, IReadOnlySet<string> allowed, Func<string, bool>? alsoAllowed = null)
    {
        _query = query;
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key) && alsoAllowed?.Invoke(key) != true)
            {
                throw new HttpParameterException(key, allowed.Count == 0
                    ? "unknown parameter; this route takes no query parameters"
                    : $"unknown parameter; this route takes: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}", "unknown_parameter");
            }
        }
    }

    public IEnumerable<string> Keys => _query.Keys;

    public string? String(string name)
    {
        var values = _query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new HttpParameterException(name, "must be given once"),
        };
    }

    /// <summary>
    /// Comma-separated and/or repeated values, trimmed, empty entries dropped. A parameter given with no value
    /// at all (<c>?source=</c>) is an error: read as "no filter" it would widen the request to everything.
    /// </summary>
    public List<string> List(string name)
    {
        var values = _query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        return values.Count > 0 || _query[name].Count == 0
            ? values
            : throw new HttpParameterException(name, "is empty; name at least one value, or leave the parameter out");
    }

    public long? Long(string name) => Parse(name, $"a whole number (at most {long.MaxValue})", s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (long?)null);

    public int? Int(string name) => Parse(name, $"a whole number (at most {int.MaxValue})", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null);

    public decimal? Decimal(string name) => Parse(name, "a decimal number such as 2.5", s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null);

    public bool? Bool(string name) => Parse(name, "true or false", s => bool.TryParse(s, out var v) ? v : (bool?)null);

    public DateOnly? Date(string name) => Parse(name, "an ISO date such as 2025-01-31", s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : (DateOnly?)null);

    public T? Enum<T>(string name) where T : struct, Enum =>
        String(name) is { } text ? ParseEnum<T>(name, text) : null;

    public List<T> Enums<T>(string name) where T : struct, Enum => List(name).Select(v => ParseEnum<T>(name, v)).ToList();

    /// <summary>Enum values by their snake_case JSON name (case-insensitive; '-' and '_' alike).</summary>
    public static T ParseEnum<T>(string parameter, string text) where T : struct, Enum
    {
        var wanted = Normalize(text);
        foreach (var value in System.Enum.GetValues<T>())
        {
            if (Normalize(JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString())) == wanted)
            {
                return value;
            }
        }
        var names = string.Join(", ", System.Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())));
        throw new HttpParameterException(parameter, $"'{Printable(text)}' is not one of: {names}");
    }

    public static string Printable(string text) => StarmapValidationException.Printable(text);

    private T? Parse<T>(string name, string expected, Func<string, T?> parse) where T : struct
    {
        if (String(name) is not { } text)
        {
            return null;
        }
        return parse(text.Trim()) ?? throw new HttpParameterException(name, $"'{Printable(text)}' is not {expected}");
    }

    private static string Normalize(string text) => text.Trim().ToLowerInvariant().Replace('-', '_');
}
