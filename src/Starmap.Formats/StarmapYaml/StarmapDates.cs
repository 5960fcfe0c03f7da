using System.Globalization;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Dates and timestamps as Starmap writes them. Dates accept <c>YYYY-MM-DD</c>, <c>YYYY-MM</c>,
/// <c>YYYY</c> and RFC 3339 timestamps (Starmap stored some release dates with a time); timestamps are
/// kept in UTC. Written dates carry no time; timestamps keep up to 7 fraction digits, so they round-trip.
/// </summary>
internal static class StarmapDates
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];

    public static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        if (TryParseTimestamp(text, out var timestamp))
        {
            date = DateOnly.FromDateTime(timestamp.UtcDateTime);
            return true;
        }
        return false;
    }

    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out timestamp);
        timestamp = timestamp.ToUniversalTime();
        return parsed;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
