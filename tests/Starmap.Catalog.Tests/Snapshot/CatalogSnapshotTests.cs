using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests.Snapshot;

public sealed class CatalogSnapshotTests
{
    private static readonly Provider Groq = TestData.Provider("groq", "Groq") with
    {
        Inference = new ProviderInference
        {
            ChatCompletionsUrl = "https://api.groq.com/openai/v1/chat/completions",
            Endpoints = [new InferenceEndpoint { Operation = "responses", Type = "openai", Url = "https://api.groq.com/openai/v1/responses" }],
        },
    };

    private static readonly Provider Vertex = TestData.Provider("google-vertex", "Vertex AI") with
    {
        Inference = new ProviderInference
        {
            // An explicit chat-completions endpoint wins over the legacy single URL.
            ChatCompletionsUrl = "https://legacy.example.com/chat",
            Endpoints = [new InferenceEndpoint { Operation = "chat-completions", Type = "openai", Url = "https://aiplatform.googleapis.com/v1/chat" }],
        },
    };

    private static readonly Offering Scout = TestData.Offering("groq", "meta-llama/llama-4-scout-17b-16e-instruct", "meta/llama-4-scout");
    private static readonly Offering Mixtral = TestData.Offering("groq", "mixtral-8x7b");
    private static readonly Offering Claude = TestData.Offering("google-vertex", "claude-3-5-sonnet@20241022", "anthropic/claude-3-5-sonnet");
    private static readonly Offering Gemini = TestData.Offering("google-vertex", "gemini-2.5-pro@default");

    private static readonly ModelDefinition ScoutDefinition = TestData.Definition("meta/llama-4-scout", "Llama 4 Scout") with { AuthorIds = ["meta"] };

    private static readonly Author Meta = TestData.Author("meta");
    private static readonly Author Google = TestData.Author("google", new AttributionRule { ProviderId = "google-vertex", Patterns = ["gemini-*"] });

    private static CatalogSnapshot Sample() => CatalogSnapshot.Build(
        3,
        [TestData.Details(Vertex, Gemini, Claude), TestData.Details(Groq, Scout, Mixtral)],
        [TestData.Details(Meta, ScoutDefinition), TestData.Details(Google)]);

    [Fact]
    public void Empty_has_nothing_at_generation_zero()
    {
        var empty = CatalogSnapshot.Empty;
        Assert.Equal(0, empty.Generation);
        Assert.Empty(empty.Providers);
        Assert.Empty(empty.Models);
        Assert.Null(empty.FindModel("groq", "x"));
        Assert.Equal(0, empty.Query(new ModelQuery()).Total);
    }

    [Fact]
    public void Lists_are_sorted_by_id_and_models_by_provider_then_model_id()
    {
        var snapshot = Sample();
        Assert.Equal(3, snapshot.Generation);
        Assert.Equal(["google-vertex", "groq"], snapshot.Providers.Select(p => p.Id));
        Assert.Equal(["google", "meta"], snapshot.Authors.Select(a => a.Id));
        Assert.Equal(["meta/llama-4-scout"], snapshot.Definitions.Select(d => d.Id));
        Assert.Equal([Claude.Key, Gemini.Key, Scout.Key, Mixtral.Key], snapshot.Models.Select(m => m.Offering.Key));
    }

    [Fact]
    public void FindModel_takes_opaque_ids_with_slashes_and_ats()
    {
        var snapshot = Sample();
        Assert.Equal(Scout, snapshot.FindModel("groq", "meta-llama/llama-4-scout-17b-16e-instruct")?.Offering);
        Assert.Equal(Claude, snapshot.FindModel("google-vertex", "claude-3-5-sonnet@20241022")?.Offering);
        Assert.Null(snapshot.FindModel("groq", "llama-4-scout-17b-16e-instruct"));
        Assert.Null(snapshot.FindModel("google-vertex", "mixtral-8x7b"));
    }

    [Fact]
    public void Offerings_are_joined_with_definitions_across_authors()
    {
        var snapshot = Sample();
        var scout = snapshot.FindModel("groq", Scout.ModelId)!;
        Assert.Equal(ScoutDefinition, scout.Definition);
        Assert.Equal("Llama 4 Scout", scout.Name);
        // The definition is not in the catalog, but the link still credits its owner.
        var claude = snapshot.FindModel("google-vertex", Claude.ModelId)!;
        Assert.Null(claude.Definition);
        Assert.Equal(["anthropic"], claude.AuthorIds);
        Assert.Equal(ScoutDefinition, snapshot.FindDefinition("meta/llama-4-scout"));
    }

    [Fact]
    public void Attribution_rules_credit_authors()
    {
        var snapshot = Sample();
        Assert.Equal(["google"], snapshot.FindModel("google-vertex", Gemini.ModelId)!.AuthorIds);
        Assert.Empty(snapshot.FindModel("groq", Mixtral.ModelId)!.AuthorIds);
        Assert.Equal([Gemini.Key], snapshot.AuthorModels("google").Select(m => m.Offering.Key));
        Assert.Equal([Scout.Key], snapshot.AuthorModels("meta").Select(m => m.Offering.Key));
        Assert.Empty(snapshot.AuthorModels("nobody"));
    }

    [Fact]
    public void Endpoints_are_projected_from_inference_config()
    {
        Assert.Equal(
            [
                new Endpoint { Id = "google-vertex/chat-completions", Name = "Vertex AI chat-completions", ProviderId = "google-vertex", Operation = "chat-completions", Type = "openai", Url = "https://aiplatform.googleapis.com/v1/chat" },
                new Endpoint { Id = "groq/chat-completions", Name = "Groq chat-completions", ProviderId = "groq", Operation = "chat-completions", Url = "https://api.groq.com/openai/v1/chat/completions" },
                new Endpoint { Id = "groq/responses", Name = "Groq responses", ProviderId = "groq", Operation = "responses", Type = "openai", Url = "https://api.groq.com/openai/v1/responses" },
            ],
            Sample().Endpoints);
    }

    [Fact]
    public void WithProvider_returns_a_new_snapshot_and_leaves_the_old_one_unchanged()
    {
        var before = Sample();
        var models = before.Models;
        var endpoints = before.Endpoints;
        var cheaper = Mixtral with { Pricing = TestData.Price(0.1m) };

        var after = before.WithProvider("groq", TestData.Details(Groq with { Name = "GroqCloud" }, cheaper), 4);

        Assert.NotSame(before, after);
        Assert.Equal(3, before.Generation);
        Assert.Equal(models, before.Models);
        Assert.Equal(endpoints, before.Endpoints);
        Assert.Equal(Scout, before.FindModel("groq", Scout.ModelId)?.Offering);
        Assert.Null(before.FindModel("groq", Mixtral.ModelId)!.InputPrice);
        Assert.Equal("Groq", before.FindProvider("groq")!.Provider.Name);

        Assert.Equal(4, after.Generation);
        Assert.Null(after.FindModel("groq", Scout.ModelId));
        Assert.Equal(0.1m, after.FindModel("groq", Mixtral.ModelId)!.InputPrice);
        Assert.Equal("GroqCloud", after.FindProvider("groq")!.Provider.Name);
        Assert.Contains(after.Endpoints, e => e.Name == "GroqCloud responses");
        Assert.Equal(before.FindModel("google-vertex", Gemini.ModelId), after.FindModel("google-vertex", Gemini.ModelId));
    }

    [Fact]
    public void WithProvider_null_removes_the_provider_and_its_models_and_endpoints()
    {
        var after = Sample().WithProvider("groq", null, 4);
        Assert.Null(after.FindProvider("groq"));
        Assert.DoesNotContain(after.Models, m => m.ProviderId == "groq");
        Assert.DoesNotContain(after.Endpoints, e => e.ProviderId == "groq");
        Assert.Empty(after.AuthorModels("meta"));
    }

    [Fact]
    public void A_new_provider_is_attributed_by_existing_rules()
    {
        var vertexOnly = CatalogSnapshot.Build(1, [], [TestData.Details(Google)]);
        var after = vertexOnly.WithProvider("google-vertex", TestData.Details(Vertex, Gemini), 2);
        Assert.Equal(["google"], after.FindModel("google-vertex", Gemini.ModelId)!.AuthorIds);
    }

    [Fact]
    public void WithAuthor_rejoins_definitions_and_reattributes_every_model()
    {
        var before = Sample();
        var mistral = TestData.Author("mistral", new AttributionRule { Patterns = ["mixtral-*"] });
        var renamed = ScoutDefinition with { Name = "Llama 4 Scout 17B" };

        var withMistral = before.WithAuthor("mistral", TestData.Details(mistral), 4);
        var renamedScout = withMistral.WithAuthor("meta", TestData.Details(Meta, renamed), 5);
        var withoutGoogle = renamedScout.WithAuthor("google", null, 6);

        Assert.Equal(["mistral"], withMistral.FindModel("groq", Mixtral.ModelId)!.AuthorIds);
        Assert.Empty(before.FindModel("groq", Mixtral.ModelId)!.AuthorIds);
        Assert.Equal("Llama 4 Scout 17B", renamedScout.FindModel("groq", Scout.ModelId)!.Name);
        Assert.Equal("Llama 4 Scout", withMistral.FindModel("groq", Scout.ModelId)!.Name);
        Assert.Empty(withoutGoogle.FindModel("google-vertex", Gemini.ModelId)!.AuthorIds);
        Assert.Null(withoutGoogle.FindAuthor("google"));
        Assert.NotNull(renamedScout.FindAuthor("google"));
        Assert.Equal(6, withoutGoogle.Generation);
    }

    [Fact]
    public void Removing_an_author_unlinks_its_definitions_but_keeps_the_link_credit()
    {
        var after = Sample().WithAuthor("meta", null, 4);
        var scout = after.FindModel("groq", Scout.ModelId)!;
        Assert.Null(scout.Definition);
        Assert.Empty(after.Definitions);
        Assert.Equal(["meta"], scout.AuthorIds);
    }

    [Fact]
    public void Query_runs_over_the_models_at_the_snapshot_generation()
    {
        var page = Sample().Query(new ModelQuery { Id = "meta-llama/*" });
        Assert.Equal(3, page.Generation);
        Assert.Equal([Scout.Key], page.Items.Select(m => m.Offering.Key));
    }

    [Fact]
    public void Build_sorts_offerings_it_is_given_out_of_order()
    {
        var details = new ProviderDetails { Provider = Groq, Offerings = [Mixtral, Scout] };
        var snapshot = CatalogSnapshot.Build(1, [details], []);
        Assert.Equal([Scout.ModelId, Mixtral.ModelId], snapshot.Models.Select(m => m.ModelId));
    }

    [Fact]
    public void Inconsistent_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => CatalogSnapshot.Build(1, [TestData.Details(Groq), TestData.Details(Groq)], []));
        Assert.Throws<ArgumentException>(() => CatalogSnapshot.Build(1, [], [TestData.Details(Meta), TestData.Details(Meta)]));
        Assert.Throws<ArgumentException>(() => CatalogSnapshot.Build(1, [TestData.Details(Groq, Claude)], []));
        Assert.Throws<ArgumentException>(() => CatalogSnapshot.Build(1, [new ProviderDetails { Provider = Groq, Offerings = [Mixtral, Mixtral] }], []));
        Assert.Throws<ArgumentException>(() => CatalogSnapshot.Empty.WithProvider("openai", TestData.Details(Groq), 1));
        Assert.Throws<ArgumentException>(() => CatalogSnapshot.Empty.WithAuthor("google", TestData.Details(Meta), 1));
    }
}
