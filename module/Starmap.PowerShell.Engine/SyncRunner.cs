namespace Starmap.PowerShell;

/// <summary>Provider syncs for Sync-StarmapProvider and Test-StarmapProvider; they run in the cluster, with the silo's keys.</summary>
public static class SyncRunner
{
    /// <summary>
    /// Syncs one provider: starts the sync in the cluster and waits for its result with short calls, so a
    /// sync longer than the client's response timeout still reports. Unknown providers and bad sources
    /// throw <see cref="StarmapCommandException"/>; cancelling stops the wait, not the sync.
    /// </summary>
    public static async Task<StarmapSyncResult> SyncAsync(string providerId, IReadOnlyList<string> sources, bool dryRun, bool force, string trigger, CancellationToken cancellationToken = default)
    {
        var request = new SyncRequest
        {
            DryRun = dryRun,
            Force = force,
            Sources = sources.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            Trigger = trigger,
        };
        var sync = StarmapSession.Catalog.Sync;
        var run = await Failures.Guard(() => sync.StartAsync(providerId, request), "InvalidSource", providerId);
        var result = await Failures.Guard(() => sync.WaitAsync(providerId, run.RunId, cancellationToken), "InvalidSource", providerId);
        return StarmapSyncResult.From(result);
    }

    /// <summary>IDs of every provider in the catalog.</summary>
    public static async Task<IReadOnlyList<string>> ListProviderIdsAsync()
    {
        var providers = await Failures.Guard(() => StarmapSession.Catalog.Providers.ListAsync());
        return [.. providers.Items.Select(p => p.Id)];
    }

    /// <summary>
    /// The failure for each of <paramref name="providerIds"/> no sync can run on (not a provider ID, or no such provider),
    /// checked before anything is asked or printed: -WhatIf and -Confirm then speak only of providers that exist.
    /// </summary>
    public static async Task<IReadOnlyList<StarmapCommandException>> CheckProvidersAsync(IReadOnlyList<string> providerIds)
    {
        var known = (await ListProviderIdsAsync()).ToHashSet(StringComparer.Ordinal);
        var failures = new List<StarmapCommandException>();
        foreach (var id in providerIds.Where(id => !known.Contains(id)))
        {
            try
            {
                Starmap.Catalog.Validation.IdRules.ValidateProviderId(id, "provider key");
                failures.Add(Failures.NotFound("provider", id));
            }
            catch (StarmapValidationException invalid)
            {
                failures.Add(Failures.Translate(invalid, "InvalidProvider", id)!);
            }
        }
        return failures;
    }
}
