namespace Starmap.Deploy.Tests;

/// <summary>deploy/kubernetes: Orleans' Kubernetes hosting requirements, references, ports and probes.</summary>
public sealed class KubernetesTests
{
    private static object? Deployment => Kubernetes.Single("Deployment", "starmap-silo");

    private static object? Silo => Kubernetes.Containers(Deployment).Single();

    private static Starmap.Silo.StarmapSiloOptions Options =>
        SiloConfig.Silo(SiloConfig.Merge(Dockerfile.Load("deploy/docker/Dockerfile").Env(), Kubernetes.Environment(Silo)));

    [Fact]
    public void The_kustomization_lists_every_manifest_in_one_namespace()
    {
        var files = Directory.EnumerateFiles(Repo.PathOf(Kubernetes.Folder), "*.yaml").Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(files, Kubernetes.Resources.Order(StringComparer.Ordinal));
        var ns = Kubernetes.Kustomization.At("namespace").Str();
        Assert.All(Kubernetes.Documents().Where(d => d.At("kind").Str() != "Namespace"),
            d => Assert.Equal(ns, d.At("metadata", "namespace").Str()));
        Assert.Equal(ns, Kubernetes.OfKind("Namespace").Single().At("metadata", "name").Str());
    }

    [Fact]
    public void Silo_pods_carry_the_orleans_labels_of_their_cluster_and_selectors_match_them()
    {
        var labels = Deployment.At("spec", "template", "metadata", "labels").Strings();
        Assert.Equal(Options.ServiceId, labels["orleans/serviceId"]);
        Assert.Equal(Options.ClusterId, labels["orleans/clusterId"]);
        Assert.True(int.Parse(Deployment.At("spec", "replicas").Str()!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        var selectors = new[]
        {
            Deployment.At("spec", "selector", "matchLabels").Strings(),
            Kubernetes.Single("Service", "starmap-silo").At("spec", "selector").Strings(),
            Kubernetes.Single("PodDisruptionBudget", "starmap-silo").At("spec", "selector", "matchLabels").Strings(),
        };
        Assert.All(selectors, selector =>
        {
            Assert.NotEmpty(selector);
            Assert.All(selector, pair => Assert.Equal(pair.Value, labels[pair.Key]));
        });
    }

    [Fact]
    public void Silo_pods_run_Orleans_Kubernetes_hosting_with_the_downward_API()
    {
        var env = Silo.At("env").List();
        string? Field(string name) => env.Single(e => e.At("name").Str() == name).At("valueFrom", "fieldRef", "fieldPath").Str();
        Assert.Equal("metadata.name", Field("POD_NAME"));
        Assert.Equal("metadata.namespace", Field("POD_NAMESPACE"));
        Assert.Equal("status.podIP", Field("POD_IP"));
        Assert.Equal("metadata.labels['orleans/serviceId']", Field("ORLEANS_SERVICE_ID"));
        Assert.Equal("metadata.labels['orleans/clusterId']", Field("ORLEANS_CLUSTER_ID"));
        // $(POD_IP) expands only from a variable defined earlier in the list.
        var names = env.Select(e => e.At("name").Str()).ToList();
        Assert.Equal("$(POD_IP)", Kubernetes.Environment(Silo)["Starmap__AdvertisedAddress"]);
        Assert.True(names.IndexOf("POD_IP") < names.IndexOf("Starmap__AdvertisedAddress"));
        Assert.Equal("Kubernetes", Kubernetes.Environment(Silo)["Starmap__Clustering"]);
        Assert.Equal("starmap-silo", Deployment.At("spec", "template", "spec", "serviceAccountName").Str());
    }

    [Fact]
    public void The_role_grants_what_Orleans_Kubernetes_hosting_needs_to_the_silos_service_account()
    {
        var account = Deployment.At("spec", "template", "spec", "serviceAccountName").Str()!;
        var serviceAccount = Kubernetes.Single("ServiceAccount", account);
        var binding = Kubernetes.OfKind("RoleBinding").Single(b => b.At("subjects").List()
            .Any(s => s.At("kind").Str() == "ServiceAccount" && s.At("name").Str() == account
                && s.At("namespace").Str() == serviceAccount.At("metadata", "namespace").Str()));
        Assert.Equal("Role", binding.At("roleRef", "kind").Str());
        var role = Kubernetes.Single("Role", binding.At("roleRef", "name").Str()!);
        var verbs = role.At("rules").List()
            .Where(r => r.At("apiGroups").List().Contains("") && r.At("resources").List().Contains("pods"))
            .SelectMany(r => r.At("verbs").List().Select(v => v.Str()));
        Assert.Superset(new HashSet<string?> { "get", "watch", "list", "delete", "patch" }, verbs.ToHashSet());
    }

    [Fact]
    public void Every_Secret_and_ConfigMap_reference_exists()
    {
        var secrets = Kubernetes.OfKind("Secret").ToDictionary(s => s.At("metadata", "name").Str()!,
            s => s.At("stringData").Map().Keys.Concat(s.At("data").Map().Keys).Cast<string>().ToHashSet());
        var maps = Kubernetes.OfKind("ConfigMap").ToDictionary(m => m.At("metadata", "name").Str()!,
            m => m.At("data").Map().Keys.Cast<string>().ToHashSet());
        var references = 0;
        foreach (var container in Kubernetes.Documents().SelectMany(Kubernetes.Containers))
        {
            foreach (var entry in container.At("env").List())
            {
                foreach (var (kind, store) in new[] { ("secretKeyRef", secrets), ("configMapKeyRef", maps) })
                {
                    if (entry.At("valueFrom", kind) is { } reference)
                    {
                        references++;
                        var name = reference.At("name").Str()!;
                        Assert.True(store.TryGetValue(name, out var keys) && keys.Contains(reference.At("key").Str()!),
                            $"{entry.At("name").Str()}: {kind} {name}/{reference.At("key").Str()} does not exist");
                    }
                }
            }
            foreach (var source in container.At("envFrom").List())
            {
                if (source.At("configMapRef", "name").Str() is { } map)
                {
                    Assert.True(maps.ContainsKey(map), $"no ConfigMap {map}");
                }
                if (source.At("secretRef", "name").Str() is { } secret)
                {
                    Assert.True(secrets.ContainsKey(secret), $"no Secret {secret}");
                }
            }
        }
        Assert.True(references > 10, $"only {references} references found");
        // The checked-in Secret holds placeholders only.
        Assert.All(Kubernetes.OfKind("Secret"), s => Assert.All(s.At("stringData").Strings().Values, v => Assert.Equal("", v)));
        Assert.Empty(Kubernetes.OfKind("Secret").SelectMany(s => s.At("data").Map()));
    }

    [Fact]
    public void Silo_secrets_come_from_the_Secret_and_cover_every_provider_key()
    {
        var env = Silo.At("env").List();
        foreach (var variable in EnvironmentSettings.ProviderKeyVariables().Append("STARMAP_API_KEY").Append("Starmap__Redis__Password"))
        {
            var entry = env.SingleOrDefault(e => e.At("name").Str() == variable);
            Assert.True(entry.At("valueFrom", "secretKeyRef") is not null, $"{variable} is not taken from a Secret");
        }
        Assert.DoesNotContain(Kubernetes.OfKind("ConfigMap").SelectMany(m => m.At("data").Strings().Keys),
            key => key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.EndsWith("_KEY", StringComparison.Ordinal) || key.EndsWith("ApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Container_ports_probes_and_Service_ports_are_the_silo_ports()
    {
        var options = Options;
        Assert.Equal("0.0.0.0", options.HttpAddress); // kubelet probes and the Service reach the pod IP, not loopback
        var ports = Silo.At("ports").List().ToDictionary(p => p.At("name").Str()!, p => Kubernetes.ResolvePort(Silo, p.At("name").Str()));
        Assert.Equal(options.SiloPort, ports["silo"]);
        Assert.Equal(options.GatewayPort, ports["gateway"]);
        Assert.Equal(options.HttpPort, ports["http"]);
        Assert.Equal(3, ports.Count);

        foreach (var (probe, path) in new[] { ("readinessProbe", "/ready"), ("livenessProbe", "/health"), ("startupProbe", "/health") })
        {
            Assert.Equal(path, Silo.At(probe, "httpGet", "path").Str());
            Assert.Equal(options.HttpPort, Kubernetes.ResolvePort(Silo, Silo.At(probe, "httpGet", "port").Str()));
        }

        var service = Kubernetes.Single("Service", "starmap-silo").At("spec", "ports").List();
        var targets = service.Select(p => Kubernetes.ResolvePort(Silo, p.At("targetPort").Str())).ToList();
        Assert.Equal([options.GatewayPort, options.HttpPort], targets);
    }

    [Fact]
    public void The_sync_CronJob_reaches_the_silo_Service_with_the_silos_cluster_ids()
    {
        var cronJob = Kubernetes.Single("CronJob", "starmap-sync");
        var container = Kubernetes.Containers(cronJob).Single();
        var env = container.At("env").List();
        var gateway = env.Single(e => e.At("name").Str() == "Starmap__Client__Gateways__0").At("value").Str()!;
        var (host, port) = (gateway.Split(':')[0], int.Parse(gateway.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        var servicePort = Kubernetes.Single("Service", host).At("spec", "ports").List().Single(p => p.At("port").Str() == $"{port}");
        Assert.Equal(Options.GatewayPort, Kubernetes.ResolvePort(Silo, servicePort.At("targetPort").Str()));

        string? MapKey(string name) => env.Single(e => e.At("name").Str() == name).At("valueFrom", "configMapKeyRef", "key").Str();
        Assert.Equal("Starmap__ClusterId", MapKey("Starmap__Client__ClusterId"));
        Assert.Equal("Starmap__ServiceId", MapKey("Starmap__Client__ServiceId"));
        Assert.Equal(Systemd.SyncCommandLine.Split(' '), container.At("command").List().Select(c => c.Str()));
    }

    [Fact]
    public void Redis_is_append_only_on_a_persistent_volume_and_the_silos_connection_string_names_it()
    {
        var redis = Kubernetes.Single("StatefulSet", "starmap-redis");
        var container = Kubernetes.Containers(redis).Single();
        var command = string.Join(' ', container.At("command").List().Select(c => c.Str()));
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains("--appendfsync always", command, StringComparison.Ordinal);
        var claim = redis.At("spec", "volumeClaimTemplates", 0, "metadata", "name").Str();
        Assert.Contains(container.At("volumeMounts").List(), m => m.At("name").Str() == claim && m.At("mountPath").Str() == "/data");

        var connection = Kubernetes.Environment(Silo)["Starmap__Redis__ConnectionString"]!;
        var service = Kubernetes.Single("Service", connection.Split(':')[0]);
        var port = service.At("spec", "ports").List().Single(p => p.At("port").Str() == connection.Split(':')[1]);
        Assert.Equal(6379, Kubernetes.ResolvePort(container, port.At("targetPort").Str()));
        Assert.Equal(redis.At("spec", "selector", "matchLabels").Strings(), service.At("spec", "selector").Strings());
    }

    [Fact]
    public void The_silo_image_is_the_one_compose_builds_from_the_Dockerfile()
    {
        Assert.Equal(Compose.Silos().Values.First().At("image").Str(), Silo.At("image").Str());
    }
}
