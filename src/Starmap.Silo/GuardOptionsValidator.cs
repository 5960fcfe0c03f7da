using System.Globalization;
using Microsoft.Extensions.Options;
using Starmap.Sync;

namespace Starmap.Silo;

/// <summary>The plausibility guard's thresholds (<c>Starmap:Sync</c>): a fraction from 0 to 1 and a count of 0 or more.</summary>
internal sealed class GuardOptionsValidator : IValidateOptions<GuardOptions>
{
    public ValidateOptionsResult Validate(string? name, GuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (double.IsNaN(options.MaxShrinkFraction) || options.MaxShrinkFraction is < 0 or > 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{SyncScheduleOptions.Section}:MaxShrinkFraction must be from 0 to 1, not {options.MaxShrinkFraction}"));
        }
        if (options.MinBaselineForShrinkCheck < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{SyncScheduleOptions.Section}:MinBaselineForShrinkCheck must be 0 or more, not {options.MinBaselineForShrinkCheck}"));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
