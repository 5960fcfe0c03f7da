using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Starmap.Grains.Tests;

/// <summary>Deep copies through the Orleans serializer, as the wire does.</summary>
public static class StarmapSerialization
{
    public static T Clone<T>(ClusterFixture fixture, T value)
    {
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        return serializer.Deserialize<T>(serializer.SerializeToArray(value))!;
    }
}
