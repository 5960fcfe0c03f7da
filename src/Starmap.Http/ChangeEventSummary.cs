using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Starmap.Http;

/// <summary>
/// The change log's summary for an update stream event: changes counted by kind and the providers and
/// authors touched, over the generations the step covers (one, unless the replica skipped ahead).
/// </summary>
internal static class ChangeEventSummary
{
    // A replica that jumped further than this (a restart, a long stall) sends no summary: the link still lists them.
    private const int MaxGenerations = 16;

    /// <summary>The summary of <paramref name="step"/>, or null when the log holds none of its generations or cannot be read.</summary>
    public static async Task<JsonObject?> OfAsync(IServiceProvider services, CatalogStep step)
    {
        if (step.Generation - step.Previous is < 1 or > MaxGenerations)
        {
            return null;
        }
        var log = services.GetRequiredService<IGrainFactory>().GetGrain<IChangeLogGrain>(0);
        ChangeGenerationInfo?[] infos;
        try
        {
            infos = await Task.WhenAll(Enumerable.Range(1, (int)(step.Generation - step.Previous)).Select(i => log.GetGenerationAsync(step.Previous + i)));
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
        {
            return null; // the event without a summary beats no event
        }
        var found = infos.OfType<ChangeGenerationInfo>().ToList();
        if (found.Count == 0)
        {
            return null;
        }
        static JsonArray Ids(IEnumerable<string> ids) => [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => (JsonNode?)id)];
        return new JsonObject
        {
            ["changed"] = found.Sum(i => i.Changed),
            ["added"] = found.Sum(i => i.Added),
            ["removed"] = found.Sum(i => i.Removed),
            ["unrecorded"] = found.Sum(i => i.Unrecorded),
            ["origins"] = Ids(found.Select(i => i.Origin)),
            ["providers"] = Ids(found.SelectMany(i => i.Providers)),
            ["authors"] = Ids(found.SelectMany(i => i.Authors)),
        };
    }
}
