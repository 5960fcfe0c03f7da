namespace Starmap.PowerShell;

/// <summary>Sync schedules: Orleans reminders in the cluster, one per provider.</summary>
public static class Schedules
{
    /// <summary>Every provider's schedule.</summary>
    public static async Task<IReadOnlyList<StarmapSyncSchedule>> ListAsync()
    {
        var schedules = await Failures.Guard(() => StarmapSession.Catalog.Sync.ListSchedulesAsync());
        return [.. schedules.Select(StarmapSyncSchedule.From)];
    }

    /// <summary>Schedules syncs of a provider every <paramref name="interval"/>.</summary>
    public static async Task<StarmapSyncSchedule> SetAsync(string providerId, TimeSpan interval)
    {
        await EnsureProviderAsync(providerId);
        return StarmapSyncSchedule.From(await Failures.Guard(() => StarmapSession.Catalog.Sync.SetScheduleAsync(providerId, interval), "InvalidSchedule", providerId));
    }

    /// <summary>Stops scheduled syncs of a provider.</summary>
    public static async Task<StarmapSyncSchedule> RemoveAsync(string providerId)
    {
        await EnsureProviderAsync(providerId);
        return StarmapSyncSchedule.From(await Failures.Guard(() => StarmapSession.Catalog.Sync.RemoveScheduleAsync(providerId), "InvalidSchedule", providerId));
    }

    /// <summary>The last <paramref name="last"/> real syncs of a provider, newest first (the cluster keeps up to 50).</summary>
    public static async Task<IReadOnlyList<StarmapSyncOutcome>> HistoryAsync(string providerId, int last)
    {
        var history = await Failures.Guard(() => StarmapSession.Catalog.Sync.GetHistoryAsync(providerId, last), "InvalidProvider", providerId);
        return [.. history.Select(o => StarmapSyncOutcome.From(providerId, o))];
    }

    /// <summary>Throws ProviderNotFound (or InvalidProvider) unless the provider exists: checked before -WhatIf or -Confirm speak.</summary>
    public static Task CheckProviderAsync(string providerId) => EnsureProviderAsync(providerId);

    private static async Task EnsureProviderAsync(string providerId)
    {
        // A reminder for a provider that does not exist would sync nothing forever; say so instead.
        if (await Failures.Guard(() => StarmapSession.Catalog.Providers.FindAsync(providerId), "InvalidProvider", providerId) is null)
        {
            throw Failures.NotFound("provider", providerId);
        }
    }
}
