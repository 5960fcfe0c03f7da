using Starmap.Catalog.Validation;
using Starmap.Sources.ModelsDev;

namespace Starmap.Sources.Tests.ModelsDev;

public sealed class ModelsDevProviderMappingTests
{
    private static ModelsDevSnapshot Parse(string json) => ModelsDevParser.Parse(json);

    [Fact]
    public void A_provider_entry_carries_its_name_key_variables_api_url_docs_url_and_sdk_package()
    {
        var entry = Parse("""
            {"acme": {"id": "acme", "name": "Acme AI", "env": ["ACME_API_KEY", "ACME_TOKEN"], "npm": "@ai-sdk/openai-compatible",
                      "api": "https://api.acme.example/v1", "doc": "https://acme.example/docs/models", "models": {}}}
            """).Providers["acme"];

        var provider = ModelsDevProviderMapping.ToProvider(entry);

        Assert.Equal("acme", provider.Id);
        Assert.Equal("Acme AI", provider.Name);
        Assert.Equal(["ACME_API_KEY", "ACME_TOKEN"], provider.Auth!.ApiKeyEnvVars);
        Assert.Equal("https://api.acme.example/v1", provider.Inference!.BaseUrl);
        Assert.Equal("@ai-sdk/openai-compatible", provider.Inference.SdkPackage);
        Assert.Equal("https://acme.example/docs/models", provider.DocsUrl);
        Assert.Null(provider.Catalog);
        CatalogValidator.Validate(provider);
    }

    [Fact]
    public void An_entry_that_states_nothing_but_its_id_becomes_a_provider_named_by_its_id_with_everything_else_unknown()
    {
        var provider = ModelsDevProviderMapping.ToProvider(Parse("""{"bare": {"models": {}}}""").Providers["bare"]);

        Assert.Equal(new Provider { Id = "bare", Name = "bare" }, provider);
    }

    [Theory]
    [InlineData("wafer.ai", "wafer-ai")]
    [InlineData("Some_Provider", "some-provider")]
    [InlineData("--x..y--", "x-y")]
    [InlineData("groq", "groq")]
    public void A_models_dev_id_that_is_no_provider_id_becomes_its_kebab_case_form_and_the_change_is_reported(string raw, string expected)
    {
        var warnings = new List<string>();
        var provider = ModelsDevProviderMapping.ToProvider(new ModelsDevProvider { Id = raw, Name = "N" }, warnings);

        Assert.Equal(expected, provider.Id);
        Assert.True(IdRules.IsEntityId(provider.Id));
        if (raw == expected)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.Contains(warnings, w => w.Contains($"'{raw}'", StringComparison.Ordinal) && w.Contains($"'{expected}'", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("...")]
    [InlineData("")]
    [InlineData("é_ü")]
    public void An_id_with_no_letter_or_digit_to_keep_is_refused_naming_the_raw_id(string raw)
    {
        var error = Assert.Throws<StarmapValidationException>(() => ModelsDevProviderMapping.ToProvider(new ModelsDevProvider { Id = raw }));

        Assert.Equal("provider.id", error.Field);
        Assert.Null(ModelsDevProviderMapping.ProviderIdFor(raw));
    }

    [Fact]
    public void A_long_id_is_cut_to_the_longest_provider_id_without_a_trailing_hyphen()
    {
        var raw = new string('a', 63) + ".bcd";

        Assert.Equal(new string('a', 63), ModelsDevProviderMapping.ProviderIdFor(raw));
    }

    [Fact]
    public void Values_the_catalog_cannot_hold_are_left_out_with_a_warning_and_the_provider_stays_valid()
    {
        var warnings = new List<string>();
        var entry = new ModelsDevProvider
        {
            Id = "odd",
            Name = "Odd\tName\u0001 ",
            Env = ["GOOD_KEY", "bad.key", "GOOD_KEY"],
            Api = "ftp://files.example",
            Doc = "not a url",
            Npm = " ",
        };

        var provider = ModelsDevProviderMapping.ToProvider(entry, warnings);

        Assert.Equal("Odd Name", provider.Name);
        Assert.Equal(["GOOD_KEY"], provider.Auth!.ApiKeyEnvVars);
        Assert.Null(provider.Inference);
        Assert.Null(provider.DocsUrl);
        CatalogValidator.Validate(provider);
        Assert.Equal(5, warnings.Count);
        Assert.All(warnings, w => Assert.StartsWith("models.dev provider 'odd': ", w, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'bad.key'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("ftp://files.example", StringComparison.Ordinal));
    }

    [Fact]
    public void A_provider_created_under_the_kebab_case_form_of_its_models_dev_id_finds_its_entry_again()
    {
        var snapshot = Parse("""{"wafer.ai": {"name": "Wafer", "models": {"m1": {"name": "M1"}}}}""");
        var provider = ModelsDevProviderMapping.ToProvider(snapshot.Providers["wafer.ai"]);

        var observation = ModelsDevMapper.ToObservation(snapshot, provider, DateTimeOffset.UnixEpoch);

        Assert.Equal("wafer-ai", provider.Id);
        Assert.Equal(["m1"], observation!.Models.Select(m => m.ModelId));
    }

    [Fact]
    public void An_exact_models_dev_id_wins_over_another_entry_that_only_normalizes_to_it()
    {
        var snapshot = Parse("""{"wafer.ai": {"models": {}}, "wafer-ai": {"models": {}}}""");

        Assert.Equal("wafer-ai", snapshot.FindProvider(["wafer-ai"])!.Id);
    }

    [Fact]
    public void Every_provider_of_the_shared_snapshot_becomes_a_valid_provider_with_a_distinct_id()
    {
        Assert.SkipUnless(SharedFixturesPath() is not null, "../shared/fixtures is not present beside the repository");
        var snapshot = ModelsDevParser.Parse(File.ReadAllBytes(SharedFixturesPath()!));

        var providers = snapshot.Providers.Values.Select(entry => ModelsDevProviderMapping.ToProvider(entry)).ToList();

        Assert.Equal(175, providers.Count);
        Assert.Equal(providers.Count, providers.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(providers, CatalogValidator.Validate);
        Assert.All(providers, p => Assert.Same(snapshot.FindProvider([p.Id]), snapshot.Providers.Values.Single(e => ModelsDevProviderMapping.ProviderIdFor(e.Id) == p.Id)));
    }

    // The Catalog tests do not reference Starmap.Testing; the fixtures sit beside the repository (or a parent of a worktree).
    private static string? SharedFixturesPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "shared", "fixtures", "models.dev", "api.json");
            if (File.Exists(file))
            {
                return file;
            }
        }
        return null;
    }
}
