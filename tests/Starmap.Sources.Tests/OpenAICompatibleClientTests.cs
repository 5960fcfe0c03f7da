using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

public sealed class OpenAICompatibleClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_models_with_authors_lifecycle_and_bearer_key()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.File(Fixture("openai", "models.json")));
        h.Environment["OPENAI_API_KEY"] = "sk-test-openai";

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        Assert.Equal(SourceIds.ProviderApi, observation.Source);
        Assert.True(observation.IsCompleteList);
        Assert.Equal(["gpt-3.5-turbo", "gpt-4o", "o3-mini", "text-davinci-003"], observation.Models.Select(m => m.ModelId));
        Assert.Contains(observation.Warnings, w => w.Contains("item 4 has no 'id'"));
        Assert.Equal("Bearer sk-test-openai", h.Server.Requests.Single().Header("Authorization"));

        var gpt4o = observation.Model("gpt-4o").Offering;
        Assert.Equal(["openai"], gpt4o.AuthorIds);
        Assert.Equal(Availability.Available, gpt4o.Availability);
        Assert.Null(gpt4o.Lifecycle);
        Assert.Null(gpt4o.Limits);
        Assert.Null(gpt4o.Pricing);
        Assert.Null(gpt4o.Name);
        Assert.Equal("openai/gpt-4o", observation.Model("gpt-4o").Definition!.Id);
    }

    [Fact]
    public async Task Shutdown_date_as_text_or_unix_seconds_sets_retirement()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.File(Fixture("openai", "models.json")));
        h.Environment["OPENAI_API_KEY"] = "sk-test";

        var observation = await h.ObserveAsync(OpenAI(h.Server));

        // Observed now (after 2024-01-10) and before 2026-10-23 only if run before that day.
        var future = observation.Model("gpt-3.5-turbo").Offering.Lifecycle!;
        Assert.Equal(new DateOnly(2026, 10, 23), future.RetiresAt);
        var expected = DateOnly.FromDateTime(observation.ObservedAt.UtcDateTime) > new DateOnly(2026, 10, 23)
            ? LifecycleStatus.Retired : LifecycleStatus.Deprecated;
        Assert.Equal(expected, future.Status);

        var past = observation.Model("text-davinci-003").Offering.Lifecycle!;
        Assert.Equal(new DateOnly(2024, 1, 10), past.RetiresAt);
        Assert.Equal(LifecycleStatus.Retired, past.Status);
    }

    [Fact]
    public async Task Groq_field_mappings_feature_rules_and_inactive_models()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/openai/v1/models", ReplayResponse.File(Fixture("groq", "models.json")));
        h.Environment["GROQ_API_KEY"] = "gsk_test";

        var observation = await h.ObserveAsync(Groq(h.Server));

        var llama = observation.Model("llama-3.3-70b-versatile").Offering;
        Assert.Equal(131072, llama.Limits!.ContextWindow);
        Assert.Equal(32768, llama.Limits.OutputTokens);
        Assert.Null(llama.Limits.InputTokens);
        Assert.True(llama.Features!.Flags[Feature.Tools]);        // "LLAMA" matched case-insensitively
        Assert.Null(llama.Features.Flags[Feature.Reasoning]);
        Assert.Equal(["meta"], llama.AuthorIds);

        Assert.Equal(["openai"], observation.Model("openai/gpt-oss-120b").Offering.AuthorIds); // case-insensitive raw
        Assert.Equal("openai/gpt-oss-120b", observation.Model("openai/gpt-oss-120b").Definition!.Id);

        var r1 = observation.Model("deepseek-r1-distill-llama-70b");
        Assert.Equal(Availability.Unavailable, r1.Offering.Availability);
        Assert.True(r1.Offering.Features!.Flags[Feature.Reasoning]);
        Assert.False(r1.Offering.Features.Flags[Feature.ToolCalls]);
        Assert.True(r1.Offering.AuthorIds.IsEmpty);   // "DeepSeek / Meta" maps to no one; several catalog authors, no guess
        Assert.Null(r1.Definition);
    }

    [Fact]
    public async Task Vllm_max_model_len_is_read_without_configuration()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/api/v1/models", ReplayResponse.Json("""
            {"object":"list","data":[{"id":"Qwen/Qwen3-32B","object":"model","created":1787182474,"owned_by":"hetzner","root":"/model","parent":null,"max_model_len":262144}]}
            """));
        var provider = new Provider
        {
            Id = "hetzner",
            Name = "Hetzner",
            Auth = new ProviderAuth { ApiKeyEnvVars = ["HETZNER_API_KEY"] },
            Catalog = new ProviderCatalogConfig { Endpoint = new CatalogEndpoint { Type = CatalogEndpointType.OpenAI, Url = h.Server.Url("/api/v1/models") } },
        };
        h.Environment["HETZNER_API_KEY"] = "hz-key";

        var model = (await h.ObserveAsync(provider)).Model("Qwen/Qwen3-32B");

        Assert.Equal(262144, model.Offering.Limits!.ContextWindow);
        Assert.Null(model.Offering.Limits.OutputTokens);
        // No author mapping, owned_by names the host: the ID's namespace says who made it.
        Assert.Equal(["qwen"], model.Offering.AuthorIds);
        Assert.Equal("qwen/Qwen3-32B", model.Definition!.Id);
    }

    [Fact]
    public async Task Missing_data_array_fails_naming_provider_url_and_reason()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"object":"list","models":[]}"""));
        h.Environment["OPENAI_API_KEY"] = "sk-test";

        var ex = await Assert.ThrowsAsync<SourceException>(() => h.Api.FetchAsync(OpenAI(h.Server), Ct));

        Assert.Contains("openai", ex.Message);
        Assert.Contains(h.Server.Url("/v1/models"), ex.Message);
        Assert.Contains("no 'data' array", ex.Message);
        Assert.Equal(h.Server.Url("/v1/models"), ex.Location);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_stays_unknown_with_a_warning()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/openai/v1/models", ReplayResponse.Json("""
            {"data":[{"id":"m1","owned_by":"Meta","context_window":"lots","max_completion_tokens":0,"active":"yes"}]}
            """));
        h.Environment["GROQ_API_KEY"] = "gsk";

        var observation = await h.ObserveAsync(Groq(h.Server));

        var model = observation.Model("m1").Offering;
        Assert.Null(model.Limits);   // "lots" is not a number, 0 is a placeholder
        Assert.Equal(Availability.Available, model.Availability);
        Assert.Contains(observation.Warnings, w => w.StartsWith("m1: 'context_window' is a string", StringComparison.Ordinal));
        Assert.Contains(observation.Warnings, w => w.StartsWith("m1: 'active' is a string", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_or_value_that_is_not_valid_text_is_skipped_with_a_warning_and_the_rest_of_the_list_is_kept()
    {
        await using var h = await Harness.StartAsync();
        // "\ud800" (an escaped unpaired surrogate) is valid JSON but no .NET string: once it failed the whole list.
        h.Server.Map("/openai/v1/models", ReplayResponse.Json("""
            {"data":[{"id":"m1","owned_by":"Meta"},{"id":"bad-\ud800"},{"id":"m2","owned_by":"x\udc00y"}]}
            """));
        h.Environment["GROQ_API_KEY"] = "gsk";

        var observation = await h.ObserveAsync(Groq(h.Server));

        Assert.Equal(["m1", "m2"], observation.Models.Select(m => m.ModelId));
        Assert.Contains(observation.Warnings, w => w.Contains("'id' is not valid text", StringComparison.Ordinal));
        Assert.Contains(observation.Warnings, w => w.StartsWith("m2: 'owned_by' is not valid text", StringComparison.Ordinal));
    }
}
