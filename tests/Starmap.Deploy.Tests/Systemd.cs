namespace Starmap.Deploy.Tests;

/// <summary>The unit files under deploy/systemd as key=value lines.</summary>
internal static class Systemd
{
    public const string Folder = "deploy/systemd";

    public static IReadOnlyList<string> Units =>
        Directory.EnumerateFiles(Repo.PathOf(Folder)).Where(f => f.EndsWith(".service", StringComparison.Ordinal) || f.EndsWith(".timer", StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>Every value of <paramref name="key"/> in a unit (keys may repeat, e.g. Environment=).</summary>
    public static IReadOnlyList<string> Values(string unit, string key) =>
        Repo.Read($"{Folder}/{unit}").Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]).ToList();

    public static string Value(string unit, string key) => Values(unit, key).Single();

    /// <summary>The command line every scheduler runs (cron, systemd, the CronJob, compose's loop).</summary>
    public static string SyncCommandLine => Value("starmap-sync.service", "ExecStart");
}
