using Orleans;

namespace Starmap.Storage.Tests;

[GenerateSerializer, Alias("Starmap.Storage.Tests.ProviderTestState")]
public sealed class ProviderTestState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public int Count { get; set; }
    [Id(2)] public List<string> Tags { get; set; } = [];
}

internal static class GrainStateExtensions
{
    // GrainState<T>.State is nullable-annotated; the provider always fills it, and this asserts so.
    public static ProviderTestState Value(this GrainState<ProviderTestState> state)
    {
        Xunit.Assert.NotNull(state.State);
        return state.State;
    }
}
