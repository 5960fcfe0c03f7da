using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Starmap.Deploy.Tests;

/// <summary>An environment variable a deploy file sets (Value null: set from elsewhere, e.g. a secretKeyRef).</summary>
internal sealed record EnvironmentSetting(string File, string Name, string? Value);

/// <summary>Finds the environment variables deploy files name and set, by file type.</summary>
internal static partial class EnvironmentSettings
{
    /// <summary>Every <c>Starmap__...</c> name written anywhere in <paramref name="text"/>, comments included.</summary>
    public static IEnumerable<string> StarmapNames(string text) =>
        StarmapName().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal);

    /// <summary>The settings of one file under deploy/ (or the given text read as that kind of file).</summary>
    public static IReadOnlyList<EnvironmentSetting> Of(string file, string? text = null)
    {
        text ??= Repo.Read(file);
        var name = Path.GetFileName(file);
        if (name.EndsWith("Dockerfile", StringComparison.Ordinal))
        {
            var dockerfile = Dockerfile.Parse(text);
            return Enumerable.Range(0, dockerfile.LastStage + 1)
                .SelectMany(stage => dockerfile.Env(stage)).Select(e => new EnvironmentSetting(file, e.Key, e.Value)).ToList();
        }
        if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
        {
            return Yaml.LoadAll(text).SelectMany(d => FromYaml(file, d)).ToList();
        }
        if (name.EndsWith(".service", StringComparison.Ordinal))
        {
            return Lines(text).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
                .Select(l => Pair(file, l["Environment=".Length..])).ToList();
        }
        if (name.EndsWith(".example", StringComparison.Ordinal) || name == "starmap-sync")
        {
            // NAME=value lines, and commented-out examples written as #NAME=value.
            return Lines(text).Select(l => l.StartsWith('#') ? l[1..] : l).Where(l => VariableLine().IsMatch(l))
                .Select(l => Pair(file, l)).ToList();
        }
        return [];
    }

    /// <summary>The provider key variables of the built-in catalog.</summary>
    public static IReadOnlyList<string> ProviderKeyVariables()
    {
        var catalog = JsonNode.Parse(Repo.Read("src/Starmap.Catalog/Seed/catalog.json"), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "api_key_env_vars")
                        {
                            names.UnionWith(value!.AsArray().Select(v => (string)v!));
                        }
                        Walk(value);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }
                    break;
            }
        }
        Walk(catalog);
        return names.ToList();
    }

    private static IEnumerable<EnvironmentSetting> FromYaml(string file, object? document)
    {
        if (document.At("kind").Str() == "ConfigMap")
        {
            foreach (var (key, value) in document.At("data").Strings())
            {
                yield return new EnvironmentSetting(file, key, value);
            }
        }
        foreach (var service in document.At("services").Map().Values)
        {
            foreach (var (key, value) in service.At("environment").Strings())
            {
                yield return new EnvironmentSetting(file, key, value);
            }
        }
        foreach (var container in Kubernetes.Containers(document))
        {
            foreach (var entry in container.At("env").List())
            {
                yield return new EnvironmentSetting(file, entry.At("name").Str()!, entry.At("value").Str());
            }
        }
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim());

    private static EnvironmentSetting Pair(string file, string assignment)
    {
        var parts = assignment.Split('=', 2);
        return new EnvironmentSetting(file, parts[0], parts.Length > 1 ? parts[1] : null);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_])Starmap__[A-Za-z0-9_]+")]
    private static partial Regex StarmapName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex VariableLine();
}
