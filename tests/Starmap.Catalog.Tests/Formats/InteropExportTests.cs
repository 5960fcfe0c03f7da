using System.Globalization;
using System.Text.Json;
using CsCheck;
using Starmap.Catalog.Snapshot;
using Starmap.Formats;
using Starmap.Formats.Interop;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>
/// The OpenAI and OpenRouter list shapes, with prices converted from USD per 1M tokens to exact
/// per-token strings (Starmap's Go export printed zeros here).
/// </summary>
public sealed class InteropExportTests
{
    private static readonly ImportedCatalog Small = StarmapFiles.Import(FormatFixtures.SmallCatalog);
    private static readonly EquatableArray<CatalogModel> Models = CatalogSnapshot.Build(1, Small.Providers, Small.Authors).Models;

    [Theory]
    [InlineData("2.5", "0.0000025")]
    [InlineData("10.00", "0.00001")]
    [InlineData("0", "0")]
    [InlineData("0.0", "0")]
    [InlineData("1", "0.000001")]
    [InlineData("0.055", "0.000000055")]
    [InlineData("1000000", "1")]
    [InlineData("15", "0.000015")]
    [InlineData("0.00000123", "0.00000000000123")]
    public void Per_million_prices_become_exact_per_token_strings(string perMillion, string perToken) =>
        Assert.Equal(perToken, PerTokenPrice.FromPerMillion(decimal.Parse(perMillion, CultureInfo.InvariantCulture)));

    [Fact]
    public void Per_token_strings_parse_back_to_the_price_and_carry_no_exponent_or_trailing_zero() =>
        Gen.Select(Gen.Long[0, 1_000_000_000_000_000], Gen.Int[0, 12]).Sample((units, scale) =>
        {
            var perMillion = new decimal(units) / (decimal)Math.Pow(10, scale);
            var text = PerTokenPrice.FromPerMillion(perMillion);

            Assert.DoesNotContain('E', text.ToUpperInvariant());
            Assert.False(text.Contains('.', StringComparison.Ordinal) && (text.EndsWith('0') || text.EndsWith('.')), text);
            Assert.Equal(perMillion, decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 1_000_000m);
        }, iter: 5000);

    [Fact]
    public void OpenAI_list_has_the_models_endpoint_shape_with_provider_slash_model_ids()
    {
        using var json = JsonDocument.Parse(OpenAIModelList.From(Models).ToJson());
        var root = json.RootElement;
        Assert.Equal(["object", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("list", root.GetProperty("object").GetString());

        var data = root.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["cloudhost/llama-3.3-70b@001", "fastinfer/acme-1", "fastinfer/meta-llama/llama-4-scout"], data.Select(m => m.GetProperty("id").GetString()));
        Assert.All(data, m => Assert.Equal(["id", "object", "created", "owned_by"], m.EnumerateObject().Select(p => p.Name)));
        Assert.All(data, m => Assert.Equal("model", m.GetProperty("object").GetString()));

        var scout = data[2];
        // The release date, not when the catalog first recorded the offering (2025-10-20 22:31:57).
        Assert.Equal(new DateTimeOffset(2025, 4, 5, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), scout.GetProperty("created").GetInt64());
        Assert.Equal("meta", scout.GetProperty("owned_by").GetString());
        Assert.Equal("acme-ai,meta", data[1].GetProperty("owned_by").GetString());   // from the definition's authors
        Assert.Equal(0, data[1].GetProperty("created").GetInt64());                 // no release date
    }

    [Fact]
    public void A_providers_OpenAI_list_uses_its_own_model_ids_and_merged_ids_split_at_the_first_slash()
    {
        var fastinfer = Models.Where(m => m.ProviderId == "fastinfer").ToList();
        Assert.Equal(["acme-1", "meta-llama/llama-4-scout"], OpenAIModelList.ForProvider(fastinfer).Data.Select(m => m.Id));
        Assert.Equal(OpenAIModelList.ForProvider(fastinfer).Data.Select(m => m with { Id = "fastinfer/" + m.Id }), OpenAIModelList.From(fastinfer).Data);

        Assert.Equal(("fastinfer", "meta-llama/llama-4-scout"), OpenAIModelList.SplitMergedId("fastinfer/meta-llama/llama-4-scout"));
        Assert.Null(OpenAIModelList.SplitMergedId("no-slash"));
        Assert.Null(OpenAIModelList.SplitMergedId("/leading"));
        Assert.Null(OpenAIModelList.SplitMergedId("trailing/"));
    }

    [Fact]
    public void OpenRouter_lists_a_model_served_by_two_providers_once_at_the_lower_known_price()
    {
        var scout = Models.Single(m => m.ModelId == "meta-llama/llama-4-scout");
        var cheaper = scout with
        {
            Offering = scout.Offering with
            {
                ProviderId = "cloudhost",
                ModelId = "llama-4-scout",
                Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 0.05m, Output = 0.2m } },
            },
        };
        var unpriced = scout with { Offering = scout.Offering with { ProviderId = "aaa-first", Pricing = null } };

        var entry = Assert.Single(OpenRouterModelList.From([scout, cheaper, unpriced]).Data);
        Assert.Equal("meta/llama-4-scout", entry.Id);
        Assert.Equal("meta/llama-4-scout", entry.CanonicalSlug);
        Assert.Equal(new OpenRouterPricing { Prompt = "0.00000005", Completion = "0.0000002" }, entry.Pricing);
    }

    [Fact]
    public void OpenRouter_list_has_the_models_endpoint_shape()
    {
        var providers = Small.Providers.Select(p => p.Provider);
        using var json = JsonDocument.Parse(OpenRouterModelList.From(Models, providers).ToJson());
        var scout = json.RootElement.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "meta/llama-4-scout");

        Assert.Equal(
            ["id", "canonical_slug", "name", "created", "description", "context_length", "architecture", "pricing", "top_provider", "supported_parameters"],
            scout.EnumerateObject().Select(p => p.Name));
        Assert.Equal("meta/llama-4-scout", scout.GetProperty("canonical_slug").GetString());
        Assert.Equal("Llama 4 Scout (Fast Infer)", scout.GetProperty("name").GetString());
        Assert.Equal("Natively multimodal mixture-of-experts model.", scout.GetProperty("description").GetString());
        Assert.Equal(131_072, scout.GetProperty("context_length").GetInt64());

        var architecture = scout.GetProperty("architecture");
        Assert.Equal("text+image->text", architecture.GetProperty("modality").GetString());
        Assert.Equal(["text", "image"], architecture.GetProperty("input_modalities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["text"], architecture.GetProperty("output_modalities").EnumerateArray().Select(e => e.GetString()));

        var top = scout.GetProperty("top_provider");
        Assert.Equal(["context_length", "max_completion_tokens", "is_moderated"], top.EnumerateObject().Select(p => p.Name));
        Assert.Equal(8_192, top.GetProperty("max_completion_tokens").GetInt64());
        Assert.True(top.GetProperty("is_moderated").GetBoolean());                  // fastinfer's governance policy

        // Offering flags first (tool_calls true, top_k false), then the definition's (tools, temperature).
        Assert.Equal(["tools", "temperature"], scout.GetProperty("supported_parameters").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void OpenRouter_prices_are_exact_per_token_strings_and_unknown_prices_are_left_out()
    {
        var data = OpenRouterModelList.From(Models).Data.ToDictionary(m => m.Id);
        string SlugOf(string modelId) => OpenRouterModelList.Slug(Models.Single(m => m.ModelId == modelId));

        Assert.Equal(new OpenRouterPricing { Prompt = "0.00000011", Completion = "0.00000034", InputCacheRead = "0.000000055" }, data["meta/llama-4-scout"].Pricing);
        Assert.Equal(
            new OpenRouterPricing { Prompt = "0.0000025", Completion = "0.00001", InternalReasoning = "0.000012", Request = "0.002", WebSearch = "0.01" },
            data[SlugOf("acme-1")].Pricing);
        // per_1m: 0 is free and written as "0"; per_1m: null and {} are unknown and absent.
        Assert.Equal(new OpenRouterPricing { Prompt = "0" }, data[SlugOf("llama-3.3-70b@001")].Pricing);

        using var json = JsonDocument.Parse(OpenRouterModelList.From(Models).ToJson());
        var hosted = json.RootElement.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString() == SlugOf("llama-3.3-70b@001"));
        Assert.Equal(["prompt"], hosted.GetProperty("pricing").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, hosted.GetProperty("top_provider").GetProperty("is_moderated").ValueKind); // no provider given
        // The offering states no modalities, so the definition's apply.
        Assert.Equal(["text"], hosted.GetProperty("architecture").GetProperty("input_modalities").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Prices_in_another_currency_are_not_passed_off_as_usd()
    {
        var model = Models[0] with { Offering = Models[0].Offering with { Pricing = new ModelPricing { Currency = "EUR", Tokens = new TokenPrices { Input = 1m } } } };
        Assert.Equal(new OpenRouterPricing(), Assert.Single(OpenRouterModelList.From([model]).Data).Pricing);
    }

    [Fact]
    public void OpenRouter_export_matches_the_recorded_OpenRouter_shape()
    {
        Assert.SkipUnless(FormatFixtures.Shared is not null, "../shared/fixtures is not present (CI always has it)");
        using var recorded = JsonDocument.Parse(File.ReadAllText(Path.Combine(FormatFixtures.Shared!, "openrouter", "model.json")));
        var sample = recorded.RootElement.GetProperty("data");

        // The recorded model costs "0.000001" per prompt token: 1 USD per 1M tokens in the catalog's unit.
        var model = Models[0] with { Offering = Models[0].Offering with { Pricing = new ModelPricing { Tokens = new TokenPrices { Input = 1m } } } };
        using var ours = JsonDocument.Parse(OpenRouterModelList.From([model]).ToJson());
        var entry = ours.RootElement.GetProperty("data")[0];
        Assert.Equal(sample.GetProperty("pricing").GetProperty("prompt").GetString(), entry.GetProperty("pricing").GetProperty("prompt").GetString());

        // Every key we write exists in the recorded shape, with the same JSON kind where both are set.
        foreach (var property in entry.EnumerateObject())
        {
            Assert.True(sample.TryGetProperty(property.Name, out var expected), $"'{property.Name}' is not in OpenRouter's shape");
            if (expected.ValueKind is not JsonValueKind.Null && property.Value.ValueKind is not JsonValueKind.Null)
            {
                Assert.Equal(expected.ValueKind, property.Value.ValueKind);
            }
        }
        foreach (var key in new[] { "architecture", "top_provider" })
        {
            Assert.All(entry.GetProperty(key).EnumerateObject(), p => Assert.True(sample.GetProperty(key).TryGetProperty(p.Name, out _), $"{key}.{p.Name}"));
        }
    }
}
