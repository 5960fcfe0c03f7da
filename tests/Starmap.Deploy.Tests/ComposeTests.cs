using System.Text.RegularExpressions;

namespace Starmap.Deploy.Tests;

/// <summary>deploy/compose/compose.yaml against the Dockerfiles, the silo's settings and the sync job.</summary>
public sealed partial class ComposeTests
{
    [Fact]
    public void Two_silos_are_built_from_the_silo_Dockerfile_as_one_image()
    {
        var silos = Compose.Silos();
        Assert.True(silos.Count >= 2, $"silo services: {string.Join(", ", silos.Keys)}");
        Assert.True(File.Exists(Repo.PathOf("deploy/docker/Dockerfile")));
        Assert.Single(silos.Values.Select(s => s.At("image").Str()).Distinct());
        Assert.Matches(@"^starmap-silo:\S+$", silos.Values.First().At("image").Str());
    }

    [Fact]
    public void Silos_cluster_on_the_compose_Redis_with_its_password()
    {
        var services = Compose.Services;
        var redisCommand = string.Join(' ', services["redis"].At("command").List().Select(c => c.Str()));
        foreach (var (name, silo) in Compose.Silos())
        {
            var environment = Compose.Environment(silo);
            Assert.Equal("Redis", environment["Starmap__Clustering"]);
            var (host, port) = HostPort(environment["Starmap__Redis__ConnectionString"]!);
            Assert.True(services.ContainsKey(host), $"{name}: no service '{host}'");
            Assert.Equal(6379, port); // redis-server's port: the command sets no --port
            Assert.DoesNotContain("--port", redisCommand, StringComparison.Ordinal);
            var password = environment["Starmap__Redis__Password"]!;
            Assert.Matches(@"^\$\{STARMAP_REDIS_PASSWORD(:\?.*)?\}$", password);
            Assert.Contains("--requirepass ${STARMAP_REDIS_PASSWORD", redisCommand, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Redis_writes_every_change_to_an_append_only_file_on_a_named_volume()
    {
        var redis = Compose.Services["redis"];
        var command = string.Join(' ', redis.At("command").List().Select(c => c.Str()));
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains("--appendfsync always", command, StringComparison.Ordinal);
        var mount = redis.At("volumes").List().Select(v => v.Str()!).Single(v => v.EndsWith(":/data", StringComparison.Ordinal));
        Assert.True(Compose.Document.At("volumes").Map().ContainsKey(mount.Split(':')[0]), $"{mount} is not a named volume");
    }

    [Fact]
    public void Published_and_gateway_ports_are_the_ports_the_silos_listen_on()
    {
        var published = new List<int>();
        foreach (var (name, silo) in Compose.Silos())
        {
            var options = SiloConfig.Silo(Compose.Environment(silo));
            Assert.Equal("0.0.0.0", options.HttpAddress); // a published port reaches only a non-loopback listener
            foreach (var port in Compose.PublishedContainerPorts(silo))
            {
                Assert.Contains(port, new[] { options.SiloPort, options.GatewayPort, options.HttpPort });
                published.Add(port);
            }
            Assert.Equal(new[] { options.SiloPort, options.GatewayPort, options.HttpPort }.Order(),
                Dockerfile.Load("deploy/docker/Dockerfile").Exposed.Order());
        }
        Assert.Contains(SiloConfig.Silo(Compose.Environment(Compose.Silos().First().Value)).HttpPort, published);

        var client = SiloConfig.Client(Compose.Services["sync"].At("environment").Strings());
        Assert.NotEmpty(client.Gateways);
        foreach (var gateway in client.Gateways)
        {
            var (host, port) = HostPort(gateway);
            var options = SiloConfig.Silo(Compose.Environment(Compose.Silos()[host]));
            Assert.Equal(options.GatewayPort, port);
            Assert.Equal(options.ClusterId, client.ClusterId);
            Assert.Equal(options.ServiceId, client.ServiceId);
        }
    }

    [Fact]
    public void Secrets_come_only_from_the_environment_file()
    {
        var secretNames = EnvironmentSettings.ProviderKeyVariables().Append("STARMAP_API_KEY").ToList();
        foreach (var (name, service) in Compose.Services)
        {
            foreach (var (variable, value) in service.At("environment").Strings())
            {
                if (secretNames.Contains(variable) || variable.Contains("Password", StringComparison.OrdinalIgnoreCase) || variable == "REDISCLI_AUTH")
                {
                    Assert.Matches(@"^\$\{[A-Z_]+(:[-?].*)?\}$", value);
                }
            }
        }
        foreach (var silo in Compose.Silos().Values)
        {
            Assert.All(secretNames, key => Assert.Equal($"${{{key}:-}}", silo.At("environment").Strings()[key]));
        }
        // Every variable compose.yaml interpolates is in the example .env, so users know to set it.
        var example = Repo.Read("deploy/compose/.env.example");
        var used = Interpolation().Matches(Repo.Read(Compose.File)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("STARMAP_REDIS_PASSWORD", used);
        Assert.All(used, variable => Assert.Matches($"(?m)^{variable}=", example));
        Assert.Equal(".env", Repo.Read("deploy/compose/.gitignore").Trim());
    }

    [Fact]
    public void The_sync_service_runs_the_sync_job_in_a_loop_from_the_admin_image()
    {
        var sync = Compose.Services["sync"];
        Assert.Equal("deploy/docker/admin.Dockerfile", Compose.DockerfileOf(sync));
        Assert.Equal(["/opt/starmap/sync-loop.sh"], sync.At("command").List().Select(c => c.Str()));
        var admin = Dockerfile.Load("deploy/docker/admin.Dockerfile");
        Assert.Contains(admin.Copies(admin.LastStage), c => c.Sources.Contains("deploy/docker/sync-loop.sh") && c.Destination == "/opt/starmap/");
        Assert.Contains(Systemd.SyncCommandLine, Repo.Read("deploy/docker/sync-loop.sh"), StringComparison.Ordinal);
        Assert.Equal(sync.At("image").Str(), Kubernetes.Single("CronJob", "starmap-sync").At("spec", "jobTemplate", "spec", "template", "spec", "containers", 0, "image").Str());
    }

    private static (string Host, int Port) HostPort(string text) =>
        (text[..text.LastIndexOf(':')], int.Parse(text[(text.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();
}
