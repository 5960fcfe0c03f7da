namespace Starmap.Deploy.Tests;

/// <summary>The manifests under deploy/kubernetes, as kustomization.yaml lists them.</summary>
internal static class Kubernetes
{
    public const string Folder = "deploy/kubernetes";

    public static object? Kustomization => Yaml.LoadFile($"{Folder}/kustomization.yaml").Single();

    public static IReadOnlyList<string> Resources =>
        Kustomization.At("resources").List().Select(r => r.Str()!).ToList();

    /// <summary>Every document of every listed file.</summary>
    public static IReadOnlyList<object?> Documents() =>
        Resources.SelectMany(r => Yaml.LoadFile($"{Folder}/{r}")).Where(d => d is not null).ToList();

    public static object? Single(string kind, string name) =>
        Documents().Single(d => d.At("kind").Str() == kind && d.At("metadata", "name").Str() == name);

    public static IEnumerable<object?> OfKind(string kind) => Documents().Where(d => d.At("kind").Str() == kind);

    /// <summary>The pod template of a workload (Deployment, StatefulSet, Job, CronJob); null for other kinds.</summary>
    public static object? PodTemplate(object? document) => document.At("kind").Str() switch
    {
        "Deployment" or "StatefulSet" or "DaemonSet" or "Job" => document.At("spec", "template"),
        "CronJob" => document.At("spec", "jobTemplate", "spec", "template"),
        _ => null,
    };

    public static IEnumerable<object?> Containers(object? document) =>
        PodTemplate(document).At("spec", "containers").List().Concat(PodTemplate(document).At("spec", "initContainers").List());

    /// <summary>A container's literal env values (references are null), after the ConfigMaps it takes whole.</summary>
    public static Dictionary<string, string?> Environment(object? container)
    {
        var layers = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var source in container.At("envFrom").List())
        {
            if (source.At("configMapRef", "name").Str() is { } map)
            {
                layers.Add(Single("ConfigMap", map).At("data").Strings());
            }
        }
        layers.Add(container.At("env").List().ToDictionary(e => e.At("name").Str()!, e => e.At("value").Str()));
        return SiloConfig.Merge([.. layers]);
    }

    /// <summary>The port number a probe or Service targets: a number, or a container port's name.</summary>
    public static int ResolvePort(object? container, string? port) =>
        int.TryParse(port, out var number) ? number
        : int.Parse(container.At("ports").List().Single(p => p.At("name").Str() == port).At("containerPort").Str()!,
            System.Globalization.CultureInfo.InvariantCulture);
}
