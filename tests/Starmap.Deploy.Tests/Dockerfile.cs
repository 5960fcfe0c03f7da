using System.Text.Json;
using System.Text.RegularExpressions;

namespace Starmap.Deploy.Tests;

/// <summary>One instruction of a Dockerfile, with the index of its stage (0 = the first FROM).</summary>
internal sealed record DockerInstruction(int Stage, string Keyword, string Arguments);

/// <summary>The instructions of a Dockerfile: comment lines dropped, continuation lines joined.</summary>
internal sealed partial class Dockerfile(IReadOnlyList<DockerInstruction> instructions)
{
    public IReadOnlyList<DockerInstruction> Instructions { get; } = instructions;

    public int LastStage => Instructions.Max(i => i.Stage);

    public static Dockerfile Load(string relative) => Parse(Repo.Read(relative));

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var current = "";
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            var whole = (current + line).Trim();
            current = "";
            var space = whole.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? whole : whole[..space]).ToUpperInvariant();
            stage += keyword == "FROM" ? 1 : 0;
            instructions.Add(new DockerInstruction(stage, keyword, space < 0 ? "" : whole[(space + 1)..].Trim()));
        }
        return new Dockerfile(instructions);
    }

    public IEnumerable<string> All(string keyword, int? stage = null) =>
        Instructions.Where(i => i.Keyword == keyword && (stage is null || i.Stage == stage)).Select(i => i.Arguments);

    /// <summary>ENV name=value pairs of a stage (the last by default).</summary>
    public Dictionary<string, string?> Env(int? stage = null) =>
        All("ENV", stage ?? LastStage)
            .SelectMany(a => a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)(p.Length > 1 ? p[1] : null));

    public IReadOnlyList<int> Exposed => All("EXPOSE").SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>An exec-form instruction (ENTRYPOINT, CMD) as its words.</summary>
    public IReadOnlyList<string> ExecForm(string keyword) =>
        JsonSerializer.Deserialize<string[]>(All(keyword).Single()) ?? [];

    /// <summary>The HEALTHCHECK command (shell form), without its options.</summary>
    public string HealthcheckCommand => HealthcheckCmd().Match(All("HEALTHCHECK").Single()).Groups[1].Value;

    /// <summary>COPY instructions as (from stage or null, sources, destination).</summary>
    public IEnumerable<(string? From, IReadOnlyList<string> Sources, string Destination)> Copies(int? stage = null) =>
        All("COPY", stage).Select(a =>
        {
            var words = a.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            string? from = words[0].StartsWith("--from=", StringComparison.Ordinal) ? words[0]["--from=".Length..] : null;
            if (from is not null)
            {
                words.RemoveAt(0);
            }
            return (from, (IReadOnlyList<string>)words[..^1], words[^1]);
        });

    [GeneratedRegex(@"\bCMD\s+(.*)$")]
    private static partial Regex HealthcheckCmd();
}
