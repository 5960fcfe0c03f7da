using System.Text.RegularExpressions;

namespace Starmap.Fuzz.Tests;

/// <summary>
/// Reads the silo's console log (Microsoft.Extensions.Logging's simple console format: an optional
/// timestamp, "fail: Category[id]", the message; the exception on the same line in single-line mode,
/// else on indented lines after it).
/// </summary>
internal static partial class SiloLog
{
    /// <summary>One log entry: its level, its first lines, and whether it carries a stack trace.</summary>
    public sealed record Entry(string Level, string Summary, bool HasStackTrace);

    public static IReadOnlyList<Entry> Entries(IReadOnlyList<string> lines)
    {
        var entries = new List<Entry>();
        for (var i = 0; i < lines.Count; i++)
        {
            var start = LevelPattern().Match(lines[i]);
            if (!start.Success)
            {
                continue;
            }
            var body = new List<string> { lines[i] };
            while (i + 1 < lines.Count && !LevelPattern().IsMatch(lines[i + 1]))
            {
                body.Add(lines[++i]);
            }
            var summary = Readable(string.Join(" | ", body.Take(3).Select(l => l.Trim())));
            entries.Add(new Entry(start.Groups[1].Value, summary.Length > 400 ? summary[..400] + "..." : summary, body.Any(IsStackFrame)));
        }
        return entries;
    }

    /// <summary>Without logging scopes (span, connection, request IDs) and with long runs of one character shortened.</summary>
    private static string Readable(string line)
    {
        line = Scopes().Replace(line.Replace("\u001b", "", StringComparison.Ordinal), " ");
        return Runs().Replace(line, m => $"{m.Value[0]}...({m.Length}x)");
    }

    [GeneratedRegex(@"\s=> SpanId:.*?(RequestId:\S+|ParentId:\S+)")]
    private static partial Regex Scopes();

    [GeneratedRegex(@"(.)\1{19,}")]
    private static partial Regex Runs();

    /// <summary>What entries of one kind share: level, category and exception type, without times, IDs and keys.</summary>
    public static string Shape(string summary)
    {
        var level = LevelPattern().Match(summary);
        var category = CategoryPattern().Match(summary);
        var exception = ExceptionPattern().Match(summary);
        return $"{(level.Success ? level.Groups[1].Value : "?")} {(category.Success ? category.Value : "?")} {(exception.Success ? exception.Value : "")}";
    }

    [GeneratedRegex(@"[\w.]+\[\d+\]")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex(@"\b[\w.]+Exception\b")]
    private static partial Regex ExceptionPattern();

    /// <summary>Stack frames ("   at Namespace.Type.Method(...)"), whichever logger printed them.</summary>
    public static bool IsStackFrame(string line) => StackFrame().IsMatch(line);

    [GeneratedRegex(@"^(?:\d\d:\d\d:\d\d(?:\.\d+)? )?(trce|dbug|info|warn|fail|crit):")]
    private static partial Regex LevelPattern();

    [GeneratedRegex(@"(?:^|\s)at [\w.`<>+\[\],|]+\(|--- End of stack trace")]
    private static partial Regex StackFrame();
}
