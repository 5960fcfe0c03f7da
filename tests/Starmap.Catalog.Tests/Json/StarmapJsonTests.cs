using Starmap.Catalog.Json;

namespace Starmap.Catalog.Tests.Json;

/// <summary>The JSON shape every surface shares: snake_case, unknown omitted, features as a tri-state map.</summary>
public sealed class StarmapJsonTests
{
    [Fact]
    public void Unknown_values_are_omitted_and_known_false_and_zero_are_kept()
    {
        var offering = new Offering
        {
            ProviderId = "openai",
            ModelId = "gpt-4o",
            Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 0m } },
            Features = new ModelFeatures { Flags = FeatureFlags.From([KeyValuePair.Create(Feature.ToolCalls, false)]) },
        };
        var json = StarmapJson.Serialize(offering);
        Assert.Contains("\"model_id\":\"gpt-4o\"", json, StringComparison.Ordinal);
        Assert.Contains("\"input\":0", json, StringComparison.Ordinal);
        Assert.Contains("\"tool_calls\":false", json, StringComparison.Ordinal);
        Assert.DoesNotContain("output", json, StringComparison.Ordinal);
        Assert.DoesNotContain("limits", json, StringComparison.Ordinal);
        Assert.Equal(offering, StarmapJson.Deserialize<Offering>(json));
    }

    [Fact]
    public void Enums_use_snake_case_names_and_endpoint_types_their_wire_names()
    {
        var endpoint = new CatalogEndpoint { Type = CatalogEndpointType.GoogleCloud, Url = "https://x.example/models" };
        Assert.Contains("\"type\":\"google-cloud\"", StarmapJson.Serialize(endpoint), StringComparison.Ordinal);
        var status = new OfferingLifecycle { Status = LifecycleStatus.Deprecated, RetiresAt = new DateOnly(2026, 10, 23) };
        var json = StarmapJson.Serialize(status);
        Assert.Equal("""{"status":"deprecated","retires_at":"2026-10-23"}""", json);
    }

    [Fact]
    public void Unknown_feature_names_and_properties_are_rejected()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => StarmapJson.Deserialize<ModelFeatures>("""{"flags": {"teleport": true}}"""));
        Assert.Throws<System.Text.Json.JsonException>(() => StarmapJson.Deserialize<ModelLimits>("""{"context": 5}"""));
    }
}
