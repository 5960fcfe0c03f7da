using System.Globalization;
using Microsoft.Extensions.Options;

namespace Starmap.Silo.History;

/// <summary><see cref="HistoryOptions"/>: a positive retention up to 100 years, a prune interval from a second to a day.</summary>
internal sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Retention <= TimeSpan.Zero || options.Retention > HistoryOptions.MaximumRetention)
        {
            return ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{HistoryOptions.Section}:Retention must be more than 0 and at most 36600 days (100 years), not {options.Retention:c}"));
        }
        if (options.PruneInterval < TimeSpan.FromSeconds(1) || options.PruneInterval > TimeSpan.FromDays(1))
        {
            return ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{HistoryOptions.Section}:PruneInterval must be between 1 second and 1 day, not {options.PruneInterval:c}"));
        }
        return ValidateOptionsResult.Success;
    }
}
