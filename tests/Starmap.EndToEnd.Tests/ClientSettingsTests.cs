using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Starmap.Client;

namespace Starmap.EndToEnd.Tests;

/// <summary>The client's settings are validated options: a value that cannot work is refused naming its key, before any connection.</summary>
public sealed class ClientSettingsTests
{
    [Fact]
    public void A_host_given_bad_client_settings_is_refused_naming_each_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Starmap:Client:Gateways:0"] = "127.0.0.1",
            ["Starmap:Client:ConnectTimeout"] = "00:00:00",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => builder.AddStarmapClient());

        Assert.Equal(
            ["Starmap:Client:Gateways:0 must be host:port with a port from 1 to 65535, not '127.0.0.1'", "Starmap:Client:ConnectTimeout must be positive, not 00:00:00"],
            ex.Failures);
    }

    [Fact]
    public async Task A_value_set_in_code_after_registration_is_checked_when_the_host_starts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddStarmapClient();
        builder.Services.Configure<StarmapClientOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(-1));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Starmap:Client:ResponseTimeout must be positive, not -00:00:01", ex.Failures);
    }
}
