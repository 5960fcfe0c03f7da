using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>Go's duration text (<c>720h0m0s</c>, <c>1.5s</c>, <c>0s</c>), which Starmap uses for retention.</summary>
internal static partial class GoDuration
{
    private static readonly Dictionary<string, decimal> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 0.01m,
        ["us"] = 10m,
        ["µs"] = 10m,
        ["μs"] = 10m,
        ["ms"] = TimeSpan.TicksPerMillisecond,
        ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute,
        ["h"] = TimeSpan.TicksPerHour,
    };

    [GeneratedRegex(@"\G([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var body = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        if (body == "0")
        {
            return true;
        }
        decimal ticks = 0;
        var position = 0;
        while (position < body.Length)
        {
            var match = Part().Match(body, position);
            if (!match.Success)
            {
                return false;
            }
            ticks += decimal.Parse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * TicksPerUnit[match.Groups[2].Value];
            position += match.Length;
        }
        if (body.Length == 0 || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }
        duration = TimeSpan.FromTicks((long)decimal.Round(ticks) * (text.StartsWith('-') ? -1 : 1));
        return true;
    }

    /// <summary>Writes like Go: hours, minutes and seconds (<c>48h0m0s</c>), sub-second units below one second.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }
        var text = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            text.Append('-');
            duration = duration.Duration();
        }
        if (duration < TimeSpan.FromSeconds(1))
        {
            var (value, unit) = duration.Ticks % TimeSpan.TicksPerMillisecond == 0
                ? ((decimal)duration.Ticks / TimeSpan.TicksPerMillisecond, "ms")
                : ((decimal)duration.Ticks / 10, "us");
            return text.Append(YamlScalars.Format(value)).Append(unit).ToString();
        }
        var hours = duration.Ticks / TimeSpan.TicksPerHour;
        var minutes = duration.Ticks / TimeSpan.TicksPerMinute % 60;
        var seconds = (decimal)(duration.Ticks % TimeSpan.TicksPerMinute) / TimeSpan.TicksPerSecond;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }
        if (hours > 0 || minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }
        return text.Append(YamlScalars.Format(seconds)).Append('s').ToString();
    }
}
