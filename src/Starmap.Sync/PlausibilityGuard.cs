namespace Starmap.Sync;

/// <summary>
/// Refuses a provider's complete list that would mark most of the catalog gone: an API answering with
/// a partial or empty page (an outage, a wrong key scope) must not retire a provider's models.
/// </summary>
public static class PlausibilityGuard
{
    /// <summary>Why <paramref name="complete"/> is implausible against <paramref name="baseline"/>, or null when it is fine.</summary>
    public static string? Check(ProviderDetails? baseline, SourceObservation complete, GuardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(complete);
        options ??= new GuardOptions();
        if (options.MaxShrinkFraction is < 0 or > 1 || double.IsNaN(options.MaxShrinkFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxShrinkFraction, "MaxShrinkFraction must be between 0 and 1");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinBaselineForShrinkCheck);
        if (!complete.IsCompleteList || baseline is null)
        {
            return null; // only a complete list marks models gone
        }

        // Models already unavailable or retired are gone; only live ones can disappear.
        var live = baseline.Offerings
            .Where(o => o.Availability != Availability.Unavailable && o.Lifecycle?.Status != LifecycleStatus.Retired)
            .Select(o => o.ModelId)
            .ToHashSet(StringComparer.Ordinal);
        var listed = complete.Models.Select(m => m.ModelId).ToHashSet(StringComparer.Ordinal);
        var who = $"{complete.ProviderId}: {complete.Source}";
        if (listed.Count == 0 && live.Count > 0)
        {
            return $"{who} listed no models where the catalog has {live.Count}; force the sync to apply it anyway (-Force, force=true, SyncRequest.Force)";
        }
        if (live.Count < options.MinBaselineForShrinkCheck)
        {
            return null;
        }
        var gone = live.Count(id => !listed.Contains(id));
        if (gone > live.Count * options.MaxShrinkFraction)
        {
            var percent = (int)Math.Round(options.MaxShrinkFraction * 100);
            return $"{who} listed {listed.Count} models where the catalog has {live.Count} ({gone} gone, more than {percent}%); force the sync to apply it anyway (-Force, force=true, SyncRequest.Force)";
        }
        return null;
    }
}
