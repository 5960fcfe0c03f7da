using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Starmap.Client;

namespace Starmap.EndToEnd.Tests;

/// <summary>A separate client, over TCP, against a real silo process: how another .NET service uses Starmap.</summary>
public sealed class ClientProcessTests(SharedSilo shared)
{
    private StarmapClientOptions Options() => new() { Gateways = { shared.Silo.Gateway } };

    [Fact]
    public async Task A_client_connects_over_tcp_lists_the_seeded_providers_and_queries_models()
    {
        await using var connection = await StarmapConnection.ConnectAsync(Options(), TestContext.Current.CancellationToken);
        var catalog = connection.Catalog;

        var providers = await catalog.Providers.ListAsync();
        string[] expected = ["anthropic", "cerebras", "deepseek", "google-ai-studio", "groq", "mistral", "moonshot-ai", "openai", "openrouter"];
        Assert.Superset(expected.ToHashSet(), providers.Items.Select(p => p.Id).ToHashSet());
        Assert.True(providers.Generation > 0);

        var page = await catalog.Models.QueryAsync(new ModelQuery
        {
            Providers = ["openai"],
            Features = [Feature.ToolCalls],
            MinContext = 128_000,
            Statuses = [LifecycleStatus.Active],
            Sort = ModelSort.InputPrice,
        });
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, m =>
        {
            Assert.Equal("openai", m.ProviderId);
            Assert.True(m.ContextWindow >= 128_000);
            Assert.True(m.Supports(Feature.ToolCalls));
        });
        var prices = page.Items.Select(m => m.InputPrice).Where(p => p is not null).ToList();
        Assert.Equal(prices.Order(), prices);
        Assert.True(page.Generation >= providers.Generation);
    }

    [Fact]
    public async Task Model_ids_with_slashes_are_served_by_id()
    {
        await using var connection = await StarmapConnection.ConnectAsync(Options(), TestContext.Current.CancellationToken);
        var slashed = (await connection.Catalog.Models.QueryAsync(new ModelQuery { Id = "*/*", Limit = 1000 })).Items;
        Assert.NotEmpty(slashed);
        var one = slashed[0];
        var fetched = await connection.Catalog.Models.GetAsync(one.ProviderId, one.ModelId);
        Assert.Equal(one, fetched);
    }

    [Fact]
    public async Task A_host_adds_the_client_from_configuration_in_one_call()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Starmap:Client:Gateways:0"] = shared.Silo.Gateway,
            ["Starmap:Client:ClusterId"] = "starmap",
        });
        builder.AddStarmapClient();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var catalog = host.Services.GetRequiredService<StarmapCatalog>();
            var authors = await catalog.Authors.ListAsync();
            Assert.Contains(authors.Items, a => a.Id == "openai");
            var openai = await catalog.Authors.ListModelsAsync("openai");
            Assert.NotEmpty(openai.Items);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Connecting_where_no_silo_listens_fails_fast_with_a_message_naming_the_gateway()
    {
        var nobody = $"127.0.0.1:{SiloProcess.FreePort()}";
        var error = await Assert.ThrowsAsync<StarmapConnectionException>(() =>
            StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { nobody } }, TestContext.Current.CancellationToken));
        Assert.Contains(nobody, error.Message, StringComparison.Ordinal);
        Assert.Contains("cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Connecting_keeps_trying_for_the_whole_connect_timeout_the_caller_gave()
    {
        var nobody = $"127.0.0.1:{SiloProcess.FreePort()}";
        var timeout = TimeSpan.FromSeconds(4);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<StarmapConnectionException>(() =>
            StarmapConnection.ConnectAsync(new StarmapClientOptions { Gateways = { nobody }, ConnectTimeout = timeout }, TestContext.Current.CancellationToken));
        Assert.True(clock.Elapsed >= timeout * 0.9, $"gave up after {clock.Elapsed}, before the {timeout} timeout");
        Assert.True(clock.Elapsed < timeout * 4, $"kept trying for {clock.Elapsed}, far past the {timeout} timeout");
    }

    [Fact(Timeout = 60_000)]
    public async Task Connecting_with_another_cluster_id_fails_fast_instead_of_hanging()
    {
        var options = Options();
        options.ClusterId = "not-this-cluster";
        var error = await Assert.ThrowsAsync<StarmapConnectionException>(() =>
            StarmapConnection.ConnectAsync(options, TestContext.Current.CancellationToken));
        Assert.Contains("not-this-cluster", error.Message, StringComparison.Ordinal);
    }
}
