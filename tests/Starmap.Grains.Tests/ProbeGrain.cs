namespace Starmap.Grains.Tests;

/// <summary>A grain that reads from provider grains the way another service's grain would.</summary>
[Alias("starmap.tests.IProbeGrain")]
public interface IProbeGrain : IGrainWithGuidKey
{
    /// <summary>Reads a provider, derives changed values from what it received, and reports what a re-read sees.</summary>
    [Alias("TamperAndReread")]
    Task<ProbeReport> TamperAndRereadAsync(string providerId);
}

[GenerateSerializer, Alias("starmap.tests.probe-report")]
public sealed record ProbeReport
{
    [Id(0)] public required ProviderDetails Before { get; init; }
    [Id(1)] public required ProviderDetails Derived { get; init; }
    [Id(2)] public required ProviderDetails After { get; init; }
    [Id(3)] public required CatalogModel? CatalogAfter { get; init; }
}

public sealed class ProbeGrain : Grain, IProbeGrain
{
    public async Task<ProbeReport> TamperAndRereadAsync(string providerId)
    {
        var provider = GrainFactory.GetGrain<IProviderGrain>(providerId);
        var before = (await provider.GetAsync())!;

        // The only changes the contracts allow are non-destructive: they build new objects.
        var first = before.Offerings[0];
        var derived = before with
        {
            Provider = before.Provider with { Name = "tampered", Aliases = before.Provider.Aliases.Add("tampered") },
            Offerings = [first with { Pricing = first.Pricing! with { Tokens = new TokenPrices { Input = 0m } } }],
        };

        var after = (await provider.GetAsync())!;
        // Read at the registry's newest generation: what the catalog serves after the tampering.
        var newest = (await GrainFactory.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default).GetStatusAsync()).Generation;
        var catalogAfter = await GrainFactory.GetGrain<ICatalogReaderGrain>(0).GetModelAsync(providerId, first.ModelId, newest);
        return new ProbeReport { Before = before, Derived = derived, After = after, CatalogAfter = catalogAfter };
    }
}
