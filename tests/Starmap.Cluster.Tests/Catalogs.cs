using System.Globalization;

namespace Starmap.Cluster.Tests;

/// <summary>Small helpers over the catalog for the cluster tests.</summary>
public static class Catalogs
{
    /// <summary>A provider of its own for a test, with no models yet.</summary>
    public static Provider Provider(string id) => new() { Id = id, Name = $"Cluster test {id}" };

    /// <summary>A plain model; only the ID and name vary.</summary>
    public static Offering Model(string providerId, string modelId) => new()
    {
        ProviderId = providerId,
        ModelId = modelId,
        Name = $"Model {modelId}",
    };

    /// <summary>The catalog generation a silo's HTTP API serves now (its replica), from the ETag.</summary>
    public static async Task<long> ServedGenerationAsync(SiloProcess silo)
    {
        using var http = new HttpClient { BaseAddress = silo.Http, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync("/api/v1/providers", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
    }
}
