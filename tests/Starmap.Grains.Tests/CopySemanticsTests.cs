using System.Reflection;
using Starmap.Grains.State;

namespace Starmap.Grains.Tests;

/// <summary>What a caller receives is its own copy or deeply immutable: nothing it does changes the catalog.</summary>
public sealed class CopySemanticsTests(ClusterFixture fixture)
{
    private async Task<(string ProviderId, Offering Offering)> SeedAsync()
    {
        var id = TestData.UniqueId("copy");
        var grain = fixture.Client.GetGrain<IProviderGrain>(id);
        await grain.SetAsync(Samples.Provider(id));
        var offering = Samples.Offering(id, "org/model@2025");
        fixture.Catalog.RequireGeneration((await grain.SetModelAsync(offering)).Generation);
        return (id, (await grain.GetModelAsync(offering.ModelId))!);
    }

    [Fact]
    public async Task Client_mutating_a_received_provider_by_reflection_does_not_change_the_catalog()
    {
        var (id, _) = await SeedAsync();
        var grain = fixture.Client.GetGrain<IProviderGrain>(id);
        var received = (await grain.GetAsync())!;
        var expected = StarmapSerialization.Clone(fixture, received);

        // Force changes the public API forbids: a property, and the array inside an EquatableArray.
        typeof(Provider).GetProperty(nameof(Provider.Name))!.SetValue(received.Provider, "tampered");
        var items = (Offering[])typeof(EquatableArray<Offering>)
            .GetField("_items", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(received.Offerings)!;
        items[0] = items[0] with { ModelId = "tampered" };

        var reread = (await grain.GetAsync())!;
        Assert.Equal(expected, reread);
        Assert.Equal($"Provider {id}", reread.Provider.Name);
        Assert.Equal("org/model@2025", reread.Offerings[0].ModelId);
        var fromCatalog = await fixture.Catalog.Models.GetAsync(id, "org/model@2025");
        Assert.Equal(expected.Offerings[0], fromCatalog.Offering);
    }

    [Fact]
    public async Task Client_mutating_an_argument_after_the_call_does_not_change_the_catalog()
    {
        var (id, _) = await SeedAsync();
        var grain = fixture.Client.GetGrain<IProviderGrain>(id);
        var sent = Samples.Offering(id, "second");
        await grain.SetModelAsync(sent);

        typeof(Offering).GetProperty(nameof(Offering.Name))!.SetValue(sent, "tampered");
        typeof(TokenPrices).GetProperty(nameof(TokenPrices.Input))!.SetValue(sent.Pricing!.Tokens, 999m);

        var stored = (await grain.GetModelAsync("second"))!;
        Assert.Equal("Model second", stored.Name);
        Assert.Equal(1.25m, stored.Pricing!.Tokens!.Input);
    }

    [Fact]
    public async Task Another_grain_deriving_changed_values_from_what_it_received_does_not_change_the_catalog()
    {
        var (id, offering) = await SeedAsync();
        var report = await fixture.Client.GetGrain<IProbeGrain>(Guid.NewGuid()).TamperAndRereadAsync(id);

        Assert.Equal("tampered", report.Derived.Provider.Name);
        Assert.Equal(0m, report.Derived.Offerings[0].Pricing!.Tokens!.Input);
        Assert.Equal(report.Before, report.After);
        Assert.Equal($"Provider {id}", report.After.Provider.Name);
        Assert.DoesNotContain("tampered", report.After.Provider.Aliases);
        Assert.Equal(offering, report.After.Offerings[0]);
        Assert.Equal(offering, report.CatalogAfter!.Offering);
    }

    [Fact]
    public void Every_type_marked_Immutable_is_deeply_immutable()
    {
        var checkedTypes = ImmutabilityRules.CheckAll([typeof(Provider).Assembly, typeof(ProviderState).Assembly]);
        Assert.Contains(typeof(Provider), checkedTypes);
        Assert.Contains(typeof(ProviderState), checkedTypes);
        Assert.Contains(typeof(CatalogModel), checkedTypes);
    }

    [Fact]
    public void The_immutability_check_rejects_a_type_with_a_settable_property_or_a_mutable_list()
    {
        Assert.Throws<Xunit.Sdk.XunitException>(() => ImmutabilityRules.CheckAll([typeof(MutableByMistake).Assembly], typeof(MutableByMistake)));
        Assert.Throws<Xunit.Sdk.XunitException>(() => ImmutabilityRules.CheckAll([typeof(ListByMistake).Assembly], typeof(ListByMistake)));
    }

    [Immutable]
    private sealed record MutableByMistake
    {
        public string Name { get; set; } = "";
    }

    [Immutable]
    private sealed record ListByMistake
    {
        public List<string> Names { get; init; } = [];
    }
}
