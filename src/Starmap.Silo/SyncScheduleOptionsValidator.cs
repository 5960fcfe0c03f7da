using System.Globalization;
using Microsoft.Extensions.Options;
using Starmap.Sync;

namespace Starmap.Silo;

/// <summary>
/// <see cref="SyncScheduleOptions.DiscoverInterval"/> must be a period a reminder may have: from
/// <c>Starmap:MinimumSyncInterval</c> to 30 days.
/// </summary>
internal sealed class SyncScheduleOptionsValidator(IOptions<StarmapSiloOptions> silo) : IValidateOptions<SyncScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var minimum = silo.Value.MinimumSyncInterval;
        return options.DiscoverInterval is { } interval && (interval < minimum || interval > SyncSchedule.MaximumInterval)
            ? ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{SyncScheduleOptions.Section}:DiscoverInterval must be between Starmap:MinimumSyncInterval ({minimum:c}) and 30 days, not {interval:c}"))
            : ValidateOptionsResult.Success;
    }
}
