using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Starmap.Http;

/// <summary>
/// Every rule on <see cref="StarmapHttpOptions"/>: the host checks it at start (<c>ValidateOnStart</c>),
/// and <see cref="Read"/> applies the same rules where the values are needed before the host is built.
/// Each failure names its key (<c>Starmap:Http:MaxImportBytes</c>); none shows the key's value.
/// </summary>
public sealed class StarmapHttpOptionsValidator : IValidateOptions<StarmapHttpOptions>
{
    private const string Section = StarmapHttpOptions.Section;

    /// <summary>The options bound from <paramref name="configuration"/>, validated; throws <see cref="OptionsValidationException"/> naming each bad key.</summary>
    public static StarmapHttpOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<StarmapHttpOptions>() ?? new();
        var result = new StarmapHttpOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(StarmapHttpOptions), result.Failures) : options;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StarmapHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, FormattableString message)
        {
            if (!ok)
            {
                failures.Add(message.ToString(CultureInfo.InvariantCulture));
            }
        }

        Check(options.RateLimitPermits >= 1, $"{Section}:RateLimitPermits must be at least 1, not {options.RateLimitPermits}");
        Check(options.RateLimitWindow > TimeSpan.Zero, $"{Section}:RateLimitWindow must be positive, not {options.RateLimitWindow}");
        Check(options.HeartbeatInterval > TimeSpan.Zero, $"{Section}:HeartbeatInterval must be positive, not {options.HeartbeatInterval}");
        Check(options.SyncWait >= TimeSpan.Zero && options.SyncWait <= TimeSpan.FromSeconds(20), $"{Section}:SyncWait must be from 00:00:00 to 00:00:20, not {options.SyncWait}");
        Check(options.MaxImportBytes >= 1, $"{Section}:MaxImportBytes must be positive, not {options.MaxImportBytes}");
        Check(options.MaxRequestBodyBytes >= 1, $"{Section}:MaxRequestBodyBytes must be positive, not {options.MaxRequestBodyBytes}");
        Check(options.ResponseCacheBytes >= 0, $"{Section}:ResponseCacheBytes must be 0 (no cache) or more, not {options.ResponseCacheBytes}");
        var keyed = options.EffectiveApiKey is not null;
        Check(!options.RequireKeyForReads || keyed, $"{Section}:RequireKeyForReads is true but no key is set: set {Section}:ApiKey or {StarmapHttpOptions.ApiKeyVariable}");
        Check(!options.Dashboard || keyed, $"{Section}:Dashboard is true but no key is set (the dashboard shows the live silo log): set {Section}:ApiKey or {StarmapHttpOptions.ApiKeyVariable}");
        try
        {
            _ = options.TrustedProxyAddresses();
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
