using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Starmap.Http;

/// <summary>
/// <c>GET /api/v1/overview/providers</c>: every provider with its model count, the names of the environment
/// variables its key is read from (never a key), its sync schedule and last sync outcome, in one answer.
/// The web catalog's Providers page reads it: asking per provider would cost hundreds of requests and
/// run into the per-client rate limit.
/// </summary>
internal static class ProviderOverviewEndpoint
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/overview/providers", async (HttpContext http, StarmapCatalog catalog) =>
            {
                _ = new QueryReader(http.Request.Query, None);
                var providers = await catalog.Providers.ListAsync();
                var schedules = (await catalog.Sync.ListSchedulesAsync()).ToDictionary(s => s.ProviderId, StringComparer.Ordinal);
                var counts = await Task.WhenAll(providers.Items.Select(p => catalog.Models.QueryAsync(new ModelQuery { Providers = [p.Id], Limit = 1 })));
                var items = providers.Items.Select((provider, i) => ProviderOverview.From(provider, counts[i].Total, schedules.GetValueOrDefault(provider.Id))).ToList();
                return Results.Json(new ProviderOverviewList { Generation = providers.Generation, Items = items }, HttpJson.Options);
            })
            .WithName("ListProviderOverview")
            .WithSummary("Every provider with its model count, key variable names (never a key), sync schedule, last sync outcome and the next scheduled sync")
            .Produces<ProviderOverviewList>();
}

/// <summary>Answer of <c>GET /api/v1/overview/providers</c>.</summary>
public sealed record ProviderOverviewList
{
    /// <summary>Catalog generation the provider list was read from.</summary>
    public long Generation { get; init; }

    /// <summary>Providers sorted by ID.</summary>
    public required IReadOnlyList<ProviderOverview> Items { get; init; }
}

/// <summary>One provider at a glance.</summary>
public sealed record ProviderOverview
{
    /// <summary>Provider ID.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Offerings in the catalog.</summary>
    public int ModelCount { get; init; }

    /// <summary>Environment variables a client reads the provider's API key from (names only).</summary>
    public required IReadOnlyList<string> KeyVariables { get; init; }

    /// <summary>True when scheduled syncs run.</summary>
    public bool ScheduleEnabled { get; init; }

    /// <summary>Time between scheduled syncs; null when never scheduled.</summary>
    public TimeSpan? ScheduleInterval { get; init; }

    /// <summary>
    /// When the next scheduled sync is due: the schedule's reminder's own next due time
    /// (<see cref="SyncSchedule.NextRun"/>), known before any sync has run; null when no schedule runs.
    /// </summary>
    public DateTimeOffset? NextSync { get; init; }

    /// <summary>The last sync, scheduled or not; null when none has run.</summary>
    public SyncOutcome? LastSync { get; init; }

    /// <summary>Builds the overview of one provider.</summary>
    public static ProviderOverview From(Provider provider, int modelCount, SyncSchedule? schedule)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var last = schedule?.LastOutcome;
        return new ProviderOverview
        {
            Id = provider.Id,
            Name = provider.Name,
            ModelCount = modelCount,
            KeyVariables = [.. (provider.Auth?.ApiKeyEnvVars ?? []).Distinct(StringComparer.Ordinal)],
            ScheduleEnabled = schedule?.Enabled ?? false,
            ScheduleInterval = schedule?.Interval,
            NextSync = schedule is { Enabled: true } ? schedule.NextRun : null,
            LastSync = last,
        };
    }
}
