using System.Globalization;
using Microsoft.Extensions.Options;

namespace Starmap.Sources;

/// <summary>
/// Every rule on <see cref="SourceOptions"/>, checked when the host starts (<c>ValidateOnStart</c>) or at
/// first use; each failure names the configuration key (<c>Starmap:Sources:RequestTimeout</c>). The
/// ranges are also what the resilience pipeline accepts, so a bad value stops the start, not a sync.
/// </summary>
internal sealed class SourceOptionsValidator : IValidateOptions<SourceOptions>
{
    private const string Prefix = SourceOptions.Section + ":";

    // Polly's bounds on an attempt timeout and on a retry delay.
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, string key, string rule, object? value)
        {
            if (!ok)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{key} must be {rule}, not {value}"));
            }
        }

        Check(options.RequestTimeout >= ShortestTimeout && options.RequestTimeout <= LongestWait, nameof(options.RequestTimeout), "from 00:00:00.010 to 1.00:00:00", options.RequestTimeout);
        Check(options.Deadline > TimeSpan.Zero, nameof(options.Deadline), "positive", options.Deadline);
        Check(options.MaxRetries >= 0, nameof(options.MaxRetries), "0 or more", options.MaxRetries);
        Check(options.RetryBaseDelay >= TimeSpan.Zero && options.RetryBaseDelay <= LongestWait, nameof(options.RetryBaseDelay), "from 00:00:00 to 1.00:00:00", options.RetryBaseDelay);
        Check(options.MaxRetryDelay > TimeSpan.Zero, nameof(options.MaxRetryDelay), "positive", options.MaxRetryDelay);
        Check(options.PageSize > 0, nameof(options.PageSize), "positive", options.PageSize);
        Check(options.MaxPages > 0, nameof(options.MaxPages), "positive", options.MaxPages);
        Check(options.MaxProviderResponseBytes > 0, nameof(options.MaxProviderResponseBytes), "positive", options.MaxProviderResponseBytes);
        Check(options.MaxModelsDevResponseBytes > 0, nameof(options.MaxModelsDevResponseBytes), "positive", options.MaxModelsDevResponseBytes);
        Check(options.ModelsDevRetryAfterFailure >= TimeSpan.Zero, nameof(options.ModelsDevRetryAfterFailure), "0 or more", options.ModelsDevRetryAfterFailure);
        Check(options.MaxModelsDevSnapshotAge > TimeSpan.Zero, nameof(options.MaxModelsDevSnapshotAge), "positive", options.MaxModelsDevSnapshotAge);
        Check(options.ModelsDevUrl is { IsAbsoluteUri: true }, nameof(options.ModelsDevUrl), "an absolute URL", options.ModelsDevUrl);
        try
        {
            options.CatalogLimits.Validate();
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(Prefix + ex.Message);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
