using System.Globalization;
using Microsoft.Extensions.Options;

namespace Starmap.Client;

/// <summary>
/// Every rule on <see cref="StarmapClientOptions"/> that needs no network: gateways as <c>host:port</c>,
/// positive timeouts, at least one attempt, non-empty IDs. A host checks it at start (<c>ValidateOnStart</c>);
/// <see cref="StarmapClientExtensions.AddStarmapClient"/> applies it first, since the Orleans client is
/// configured from the values there. Each failure names its key (<c>Starmap:Client:ConnectTimeout</c>).
/// </summary>
public sealed class StarmapClientOptionsValidator : IValidateOptions<StarmapClientOptions>
{
    private const string Section = StarmapClientOptions.Section;

    /// <summary>Throws <see cref="OptionsValidationException"/> naming each bad key of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(StarmapClientOptions options)
    {
        var result = new StarmapClientOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StarmapClientOptions), result.Failures);
        }
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StarmapClientOptions options)
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

        for (var i = 0; i < options.Gateways.Count; i++)
        {
            var text = options.Gateways[i] ?? "";
            var colon = text.LastIndexOf(':');
            Check(colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535,
                $"{Section}:Gateways:{i} must be host:port with a port from 1 to 65535, not '{text}'");
        }
        Check(!string.IsNullOrWhiteSpace(options.ClusterId), $"{Section}:ClusterId must not be empty");
        Check(!string.IsNullOrWhiteSpace(options.ServiceId), $"{Section}:ServiceId must not be empty");
        Check(options.ConnectTimeout > TimeSpan.Zero, $"{Section}:ConnectTimeout must be positive, not {options.ConnectTimeout}");
        Check(options.ConnectAttempts is null or >= 1, $"{Section}:ConnectAttempts must be at least 1 when set, not {options.ConnectAttempts}");
        Check(options.ResponseTimeout > TimeSpan.Zero, $"{Section}:ResponseTimeout must be positive, not {options.ResponseTimeout}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
