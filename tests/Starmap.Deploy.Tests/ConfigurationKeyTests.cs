using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Starmap.Http;
using Starmap.Silo;
using Starmap.Sources;
using Starmap.Sync;

namespace Starmap.Deploy.Tests;

/// <summary>Every setting the deploy files name is one the silo or client really reads.</summary>
public sealed class ConfigurationKeyTests
{
    [Fact]
    public void Every_Starmap_variable_named_under_deploy_binds_to_a_settable_option()
    {
        var problems = Repo.DeployFiles().Append(".dockerignore")
            .SelectMany(file => EnvironmentSettings.StarmapNames(Repo.Read(file)).Select(name => (file, name)))
            .Select(x => (x.file, x.name, problem: ConfigurationKeys.Problem(ConfigurationKeys.KeyOf(x.name))))
            .Where(x => x.problem is not null)
            .Select(x => $"{x.file}: {x.name}: {x.problem}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_Starmap_value_set_under_deploy_converts_to_its_option_type()
    {
        var settings = Repo.DeployFiles().SelectMany(f => EnvironmentSettings.Of(f)).ToList();
        Assert.Contains(settings, s => s.Name == "Starmap__HttpPort"); // the extraction found something
        var problems = settings.Where(s => s.Name.StartsWith("Starmap__", StringComparison.Ordinal) && s.Value is not null)
            .Select(s => (s, problem: ConfigurationKeys.Problem(ConfigurationKeys.KeyOf(s.Name), s.Value)))
            .Where(x => x.problem is not null)
            .Select(x => $"{x.s.File}: {x.s.Name}={x.s.Value}: {x.problem}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_checker_reports_misspelled_unknown_and_unconvertible_settings()
    {
        const string sample = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: sample
            data:
              Starmap__SiloPort: "11111"
              Starmap__SiloPrt: "11111"
              Starmap__Http__ApiKy: x
              Starmap__HttpPort: eighty
              Starmap__HttpEnabled: "true"
              Starmap__Client__Gateways__first: a:1
            """;
        var reported = EnvironmentSettings.Of("sample.yaml", sample)
            .Where(s => ConfigurationKeys.Problem(ConfigurationKeys.KeyOf(s.Name), s.Value) is not null)
            .Select(s => s.Name)
            .ToList();
        Assert.Equal(["Starmap__SiloPrt", "Starmap__Http__ApiKy", "Starmap__HttpPort", "Starmap__HttpEnabled", "Starmap__Client__Gateways__first"], reported);
        Assert.Contains("no property 'SiloPrt'", ConfigurationKeys.Problem("Starmap:SiloPrt"), StringComparison.Ordinal);
        Assert.Equal(["Starmap__SiloPrt"], EnvironmentSettings.StarmapNames("ENV Starmap__SiloPrt=1 NotStarmap__X=2")
            .Where(n => ConfigurationKeys.Problem(ConfigurationKeys.KeyOf(n)) is not null));
    }

    [Fact]
    public void The_cluster_settings_the_deploy_files_rely_on_bind()
    {
        string[] keys =
        [
            "Starmap:Clustering", "Starmap:Redis:ConnectionString", "Starmap:Redis:Password", "Starmap:Redis:UseTls",
            "Starmap:AdvertisedAddress", "Starmap:Tls:CertificatePath", "Starmap:Tls:CertificatePassword",
        ];
        Assert.All(keys, key => Assert.Null(ConfigurationKeys.Problem(key)));
        Assert.NotNull(ConfigurationKeys.Problem("Starmap:Clustering", "Kubernets"));
    }

    [Fact]
    public void Silo_settings_use_only_known_non_Starmap_variables()
    {
        var known = EnvironmentSettings.ProviderKeyVariables()
            .Concat([StarmapHttpOptions.ApiKeyVariable, "ASPNETCORE_HTTP_PORTS",
                // Orleans' Kubernetes hosting (KubernetesHostingOptions' environment variables).
                "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"])
            .ToHashSet(StringComparer.Ordinal);
        var siloFiles = new[] { "deploy/docker/Dockerfile", "deploy/kubernetes/configmap.yaml", "deploy/kubernetes/silo.yaml", "deploy/systemd/starmap.env.example" };
        var composeSilos = Compose.Silos().SelectMany(s => s.Value.At("environment").Strings().Keys).Select(n => ("deploy/compose/compose.yaml", n));
        var unknown = siloFiles.SelectMany(f => EnvironmentSettings.Of(f).Select(s => (f, s.Name))).Concat(composeSilos)
            .Where(x => !x.Item2.StartsWith("Starmap__", StringComparison.Ordinal) && !known.Contains(x.Item2))
            .Select(x => $"{x.Item1}: {x.Item2}")
            .ToList();
        Assert.True(unknown.Count == 0, "not read by the silo: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_option_sections_checked_are_the_ones_the_silo_binds()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Starmap:DataDirectory"] = Path.GetTempPath(),
            ["Starmap:SiloPort"] = "12111",
            ["Starmap:Sources:MaxRetries"] = "7",
            ["Starmap:Sync:MinBaselineForShrinkCheck"] = "9",
            ["Starmap:Http:RateLimitPermits"] = "11",
        });
        builder.AddStarmapSilo();
        builder.Services.AddStarmapHttp(builder.Configuration);
        using var host = builder.Build();

        Assert.Equal(12111, host.Services.GetRequiredService<StarmapSiloOptions>().SiloPort);
        Assert.Equal(7, host.Services.GetRequiredService<IOptions<SourceOptions>>().Value.MaxRetries);
        Assert.Equal(9, host.Services.GetRequiredService<GuardOptions>().MinBaselineForShrinkCheck);
        Assert.Equal(11, host.Services.GetRequiredService<StarmapHttpOptions>().RateLimitPermits);
        Assert.All(new[] { "Starmap:SiloPort", "Starmap:Sources:MaxRetries", "Starmap:Sync:MinBaselineForShrinkCheck", "Starmap:Http:RateLimitPermits", "Starmap:Client:Gateways:0" },
            key => Assert.Null(ConfigurationKeys.Problem(key)));
    }
}
