using CsCheck;
using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Tests.Snapshot;

/// <summary>
/// A snapshot built by structural sharing, change after change, equals the one built from scratch from
/// the same states: providers, authors, definitions (stray ones included), joined offerings, credits,
/// endpoints, and per-author lists.
/// </summary>
public sealed class SnapshotChangeProperties
{
    private static readonly string[] ProviderIds = ["groq", "openai", "vertex"];
    private static readonly string[] AuthorIds = ["google", "meta", "openai"];
    private static readonly string[] DefinitionIds = ["meta/llama-4", "openai/gpt-4o", "google/gemini", "meta/gpt-4o-tune"];
    private static readonly string[] ModelIds = ["gpt-4o", "llama-4", "gemini-pro", "gemini-flash", "x"];

    private static Gen<ProviderDetails?> ProviderState(string id) =>
        from present in Gen.Int[0, 4]
        from version in Gen.Long[1, 1_000]
        from name in Gen.OneOfConst("A", "B")
        from offerings in Gen.Select(Gen.OneOfConst(ModelIds), Gen.OneOfConst<string?>([null, .. DefinitionIds]), Gen.OneOfConst<string[]>([], ["meta"]))
            .Array[0, 5]
        select present == 0 ? null : new ProviderDetails
        {
            Provider = new Provider
            {
                Id = id,
                Name = name,
                Inference = name == "A" ? new ProviderInference { ChatCompletionsUrl = $"https://{id}.example.com/chat" } : null,
            },
            Version = version,
            Offerings = offerings.DistinctBy(o => o.Item1)
                .Select(o => new Offering { ProviderId = id, ModelId = o.Item1, DefinitionId = o.Item2, AuthorIds = [.. o.Item3] })
                .OrderBy(o => o.ModelId, StringComparer.Ordinal).ToEquatableArray(),
        };

    private static readonly Gen<AttributionRule> Rule =
        Gen.Select(Gen.OneOfConst<string?>([null, .. ProviderIds]), Gen.OneOfConst<string[]>([], ["gemini-*"], ["gpt-*", "x"]))
            .Where(r => r.Item1 is not null || r.Item2.Length > 0)
            .Select(r => new AttributionRule { ProviderId = r.Item1, Patterns = [.. r.Item2] });

    private static Gen<AuthorDetails?> AuthorState(string id) =>
        from present in Gen.Int[0, 4]
        from rules in Rule.Array[0, 2]
        // Definitions of its own and, now and then, a stray one under another author's ID.
        from definitions in Gen.Select(Gen.OneOfConst(DefinitionIds), Gen.OneOfConst("one", "two"), Gen.OneOfConst<string[]>([], ["google"])).Array[0, 3]
        select present == 0 ? null : new AuthorDetails
        {
            Author = new Author { Id = id, Name = id, Attribution = [.. rules] },
            Definitions = definitions
                .Select(d => new ModelDefinition { Id = d.Item1, Name = d.Item2, AuthorIds = [.. d.Item3] })
                .OrderBy(d => d.Id, StringComparer.Ordinal).ToEquatableArray(),
        };

    private static readonly Gen<Dictionary<string, ProviderDetails?>> ProviderChanges =
        Gen.Select(ProviderState(ProviderIds[0]), ProviderState(ProviderIds[1]), ProviderState(ProviderIds[2]), Gen.Bool.Array[3],
            (a, b, c, mask) => new[] { a, b, c }.Select((d, i) => (Id: ProviderIds[i], d)).Where((_, i) => mask[i]).ToDictionary(p => p.Id, p => p.d));

    private static readonly Gen<Dictionary<string, AuthorDetails?>> AuthorChanges =
        Gen.Select(AuthorState(AuthorIds[0]), AuthorState(AuthorIds[1]), AuthorState(AuthorIds[2]), Gen.Bool.Array[3],
            (a, b, c, mask) => new[] { a, b, c }.Select((d, i) => (Id: AuthorIds[i], d)).Where((_, i) => mask[i]).ToDictionary(p => p.Id, p => p.d));

    private static readonly Gen<(Dictionary<string, ProviderDetails?> Providers, Dictionary<string, AuthorDetails?> Authors)[]> Steps =
        Gen.Select(ProviderChanges, AuthorChanges).Array[1, 8];

    [Fact]
    public void Applying_random_changes_one_generation_at_a_time_equals_building_from_the_same_states()
    {
        Steps.Sample(steps =>
        {
            var providers = new Dictionary<string, ProviderDetails>(StringComparer.Ordinal);
            var authors = new Dictionary<string, AuthorDetails>(StringComparer.Ordinal);
            var shared = CatalogSnapshot.Empty;
            var generation = 0;
            foreach (var (providerChanges, authorChanges) in steps)
            {
                shared = shared.WithChanges(++generation, providerChanges, authorChanges);
                Apply(providers, providerChanges);
                Apply(authors, authorChanges);
                AssertSame(CatalogSnapshot.Build(generation, providers.Values, authors.Values), shared);
            }
        }, iter: 400);
    }

    [Fact]
    public void One_provider_change_reuses_every_other_providers_joined_models()
    {
        var before = CatalogSnapshot.Build(1,
            [TestData.Details(TestData.Provider("groq"), TestData.Offering("groq", "llama-4", "meta/llama-4")), TestData.Details(TestData.Provider("openai"), TestData.Offering("openai", "gpt-4o"))],
            [TestData.Details(TestData.Author("meta"), TestData.Definition("meta/llama-4"))]);
        var after = before.WithProvider("openai", TestData.Details(TestData.Provider("openai"), TestData.Offering("openai", "gpt-5")), 2);
        Assert.Same(before.FindModel("groq", "llama-4"), after.FindModel("groq", "llama-4"));
        Assert.NotNull(after.FindModel("openai", "gpt-5"));
    }

    [Fact]
    public void An_author_change_rejoins_only_the_offerings_linking_to_the_definitions_it_changed()
    {
        var before = CatalogSnapshot.Build(1,
            [TestData.Details(TestData.Provider("groq"), TestData.Offering("groq", "llama-4", "meta/llama-4"), TestData.Offering("groq", "gpt-4o", "openai/gpt-4o"))],
            [TestData.Details(TestData.Author("meta"), TestData.Definition("meta/llama-4"), TestData.Definition("meta/llama-3")),
             TestData.Details(TestData.Author("openai"), TestData.Definition("openai/gpt-4o"))]);
        var renamed = TestData.Details(TestData.Author("meta"), TestData.Definition("meta/llama-4", "Llama Four"), TestData.Definition("meta/llama-3"));
        var after = before.WithAuthor("meta", renamed, 2);
        Assert.Equal("Llama Four", after.FindModel("groq", "llama-4")!.Definition!.Name);
        Assert.Same(before.FindModel("groq", "gpt-4o"), after.FindModel("groq", "gpt-4o"));
        Assert.Same(before.FindDefinition("openai/gpt-4o"), after.FindDefinition("openai/gpt-4o"));
    }

    private static void Apply<T>(Dictionary<string, T> states, Dictionary<string, T?> changes)
        where T : class
    {
        foreach (var (id, state) in changes)
        {
            if (state is null)
            {
                states.Remove(id);
            }
            else
            {
                states[id] = state;
            }
        }
    }

    private static void AssertSame(CatalogSnapshot expected, CatalogSnapshot actual)
    {
        Assert.Equal(expected.Generation, actual.Generation);
        Assert.Equal(expected.Providers, actual.Providers);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Definitions, actual.Definitions);
        Assert.Equal(expected.Models, actual.Models);
        Assert.Equal(expected.Endpoints, actual.Endpoints);
        Assert.Equal(expected.ModelCount, actual.ModelCount);
        // The counts the registry's status answers without building the lists.
        Assert.Equal((actual.Providers.Count, actual.Authors.Count, actual.Definitions.Count, actual.Models.Count),
            (actual.ProviderCount, actual.AuthorCount, actual.DefinitionCount, actual.ModelCount));
        foreach (var author in AuthorIds)
        {
            Assert.Equal(expected.AuthorModels(author), actual.AuthorModels(author));
        }
        foreach (var model in expected.Models)
        {
            Assert.Equal(model, actual.FindModel(model.ProviderId, model.ModelId));
        }
        foreach (var id in DefinitionIds)
        {
            Assert.Equal(expected.FindDefinition(id), actual.FindDefinition(id));
        }
    }
}
