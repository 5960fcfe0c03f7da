namespace Starmap.Deploy.Tests;

/// <summary>deploy/compose/compose.yaml, merge keys resolved.</summary>
internal static class Compose
{
    public const string File = "deploy/compose/compose.yaml";

    public static object? Document => Yaml.LoadFile(File).Single();

    public static IDictionary<string, object?> Services =>
        Document.At("services").Map().ToDictionary(s => (string)s.Key, s => s.Value);

    /// <summary>The repository-relative Dockerfile a service builds, or null.</summary>
    public static string? DockerfileOf(object? service)
    {
        if (service.At("build", "context").Str() is not { } context)
        {
            return null;
        }
        var root = Path.GetFullPath(Path.Combine(Repo.PathOf("deploy/compose"), context));
        var file = Path.Combine(root, service.At("build", "dockerfile").Str() ?? "Dockerfile");
        return Path.GetRelativePath(Repo.Root, file).Replace(Path.DirectorySeparatorChar, '/');
    }

    public static IDictionary<string, object?> Silos() =>
        Services.Where(s => DockerfileOf(s.Value) == "deploy/docker/Dockerfile").ToDictionary(s => s.Key, s => s.Value);

    /// <summary>A silo service's environment over the image's ENV, as the container sees it.</summary>
    public static Dictionary<string, string?> Environment(object? service) =>
        SiloConfig.Merge(Dockerfile.Load(DockerfileOf(service)!).Env(), service.At("environment").Strings());

    /// <summary>The container side of each published port ("127.0.0.1:5080:5080", "5080:5080", "5080").</summary>
    public static IEnumerable<int> PublishedContainerPorts(object? service) =>
        service.At("ports").List().Select(p => p switch
        {
            string text => int.Parse(text.Split(':')[^1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture),
            _ => int.Parse(p.At("target").Str()!, System.Globalization.CultureInfo.InvariantCulture),
        });
}
