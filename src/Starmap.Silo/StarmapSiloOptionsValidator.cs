using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Starmap.Silo.Clustering;

namespace Starmap.Silo;

/// <summary>
/// Every rule on <see cref="StarmapSiloOptions"/>. The host checks it at start (<c>ValidateOnStart</c>);
/// <see cref="Read"/> applies the same rules where the values (ports, clustering mode, data folder) are
/// needed before the host is built. Each failure names its key and switch, never a password.
/// </summary>
public sealed class StarmapSiloOptionsValidator : IValidateOptions<StarmapSiloOptions>
{
    /// <summary>The options bound from <paramref name="configuration"/>, validated; throws <see cref="OptionsValidationException"/> naming each bad key.</summary>
    public static StarmapSiloOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(StarmapSiloOptions.Section).Get<StarmapSiloOptions>() ?? new();
        var result = new StarmapSiloOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(StarmapSiloOptions), result.Failures) : options;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StarmapSiloOptions options)
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

        Check(Enum.IsDefined(options.Clustering), $"Starmap:Clustering (--clustering) must be Embedded, Redis or Kubernetes, not {options.Clustering}");
        var embedded = options.Clustering == ClusteringMode.Embedded;
        if (!embedded)
        {
            try
            {
                _ = options.Redis.ToConfiguration();
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
            Check(options.PrimarySiloPort is null, $"Starmap:PrimarySiloPort (--primary-silo-port) is for embedded silos; in a Redis cluster silos find each other through Redis");
        }
        Check(options.AdvertisedAddress is null || IPAddress.TryParse(options.AdvertisedAddress, out _),
            $"Starmap:AdvertisedAddress (--advertised-address) must be an IP address, not '{options.AdvertisedAddress}'");
        Check(!embedded || options.AdvertisedAddress is null, $"Starmap:AdvertisedAddress is for the Redis and Kubernetes modes; an embedded silo is reached on 127.0.0.1");
        Check(!string.IsNullOrWhiteSpace(options.DataDirectory), $"Starmap:DataDirectory (--data-dir) must name a folder");
        Check(options.SiloPort is >= 1 and <= 65535, $"Starmap:SiloPort (--silo-port) must be between 1 and 65535, not {options.SiloPort}");
        Check(options.GatewayPort is >= 1 and <= 65535, $"Starmap:GatewayPort (--gateway-port) must be between 1 and 65535, not {options.GatewayPort}");
        Check(options.PrimarySiloPort is not { } primary || (primary is >= 1 and <= 65535 && primary != options.SiloPort),
            $"Starmap:PrimarySiloPort (--primary-silo-port) must be another silo's port between 1 and 65535, not {options.PrimarySiloPort}");
        Check(options.HttpPort is >= 0 and <= 65535, $"Starmap:HttpPort (--http-port) must be between 0 (off) and 65535, not {options.HttpPort}");
        Check(!options.HttpEnabled || (options.HttpPort != options.SiloPort && options.HttpPort != options.GatewayPort),
            $"Starmap:HttpPort ({options.HttpPort}) must differ from the silo and gateway ports");
        Check(!options.HttpEnabled || IPAddress.TryParse(options.HttpAddress, out _),
            $"Starmap:HttpAddress (--http-address) must be an IP address such as 127.0.0.1, not '{options.HttpAddress}'");
        Check(options.SiloPort != options.GatewayPort, $"Starmap:SiloPort and Starmap:GatewayPort must differ (both are {options.SiloPort})");
        Check(options.MinimumSyncInterval > TimeSpan.Zero, $"Starmap:MinimumSyncInterval must be positive, not {options.MinimumSyncInterval}");
        Check(!string.IsNullOrWhiteSpace(options.ClusterId), $"Starmap:ClusterId must not be empty");
        Check(!string.IsNullOrWhiteSpace(options.ServiceId), $"Starmap:ServiceId must not be empty");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
