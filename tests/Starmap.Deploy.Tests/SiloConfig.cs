using Microsoft.Extensions.Configuration;
using Starmap.Client;
using Starmap.Silo;

namespace Starmap.Deploy.Tests;

/// <summary>
/// The options a silo (or client) would run with, given the environment a deploy file sets: bound by the
/// real configuration binder over the silo's appsettings.json, as the silo binds them.
/// </summary>
internal static class SiloConfig
{
    public static StarmapSiloOptions Silo(IReadOnlyDictionary<string, string?> environment) =>
        Build(environment).GetSection(StarmapSiloOptions.Section).Get<StarmapSiloOptions>() ?? new();

    public static StarmapClientOptions Client(IReadOnlyDictionary<string, string?> environment)
    {
        var options = new StarmapClientOptions();
        Build(environment).GetSection(StarmapClientOptions.Section).Bind(options);
        return options;
    }

    /// <summary>Later dictionaries win, as a later ENV or env entry does.</summary>
    public static Dictionary<string, string?> Merge(params IReadOnlyDictionary<string, string?>[] layers)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in layers.SelectMany(l => l))
        {
            merged[name] = value;
        }
        return merged;
    }

    private static IConfigurationRoot Build(IReadOnlyDictionary<string, string?> environment) =>
        new ConfigurationBuilder()
            .AddJsonFile(Repo.PathOf("src/Starmap.Silo/appsettings.json"))
            .AddInMemoryCollection(environment
                .Where(e => e.Key.StartsWith("Starmap__", StringComparison.OrdinalIgnoreCase))
                .Select(e => KeyValuePair.Create(ConfigurationKeys.KeyOf(e.Key), e.Value)))
            .Build();
}
