using CsCheck;
using Starmap.Catalog.Snapshot;
using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>
/// Import(Export(x)) == x for random valid catalogs that set every record field, each unknown, known
/// false / zero / empty, or known, so no field is silently lost or turned from unknown into a value.
/// </summary>
public sealed class ExportRoundTripProperties
{
    [Fact]
    public void Any_valid_catalog_survives_export_and_import() =>
        Gen.Int.Sample(seed =>
        {
            var (providers, authors) = new RandomCatalog(new Random(seed)).Build();
            using var temp = new TempFolder();
            StarmapFiles.Export(temp.Combine("c"), providers, authors);
            var again = StarmapFiles.Import(temp.Combine("c"));

            Assert.Equal(providers.Select(p => p.Provider), again.Providers.Select(p => p.Provider));
            Assert.Equal(providers.SelectMany(p => p.Offerings), again.Providers.SelectMany(p => p.Offerings));
            Assert.Equal(authors.Select(a => a.Author), again.Authors.Select(a => a.Author));
            Assert.Equal(authors.SelectMany(a => a.Definitions), again.Authors.SelectMany(a => a.Definitions));
            Assert.Empty(again.Warnings);
        }, iter: 150);

    /// <summary>Builds valid records with every optional member randomly null, "zero" or set.</summary>
    private sealed class RandomCatalog(Random r)
    {
        private static readonly string[] Urls = ["https://api.example.com", "https://api.example.com/v1", "http://localhost:11434", "https://x.example/{project}/y"];
        private static readonly string[] Texts = ["plain", "two words", "Null", "true", "n", "0.5", "2024-05-13", "a: b", "# hash", "@scoped", "'quoted'", "\"dq\"", "multi\nline", "tab\there", " lead", "trail ", "服务 (API)", "{base_url}", "- dash", "*glob*"];
        private static readonly string[] ModelIds = ["gpt-4o", "meta-llama/llama-4-scout", "claude@20241022", "a/b/c@1", "x:free", "model.v2"];

        public (List<ProviderDetails> Providers, List<AuthorDetails> Authors) Build()
        {
            var providers = Enumerable.Range(0, r.Next(1, 3)).Select(i => new ProviderDetails
            {
                Provider = Provider("provider-" + i),
                Offerings = [.. ModelIds.Where(_ => Chance()).Select(id => Offering("provider-" + i, id)).OrderBy(o => o.ModelId, StringComparer.Ordinal)],
            }).ToList();
            var authors = Enumerable.Range(0, r.Next(1, 3)).Select(i => new AuthorDetails
            {
                Author = Author("author-" + i),
                Definitions = [.. ModelIds.Where(_ => Chance()).Select(id => Definition("author-" + i, id)).OrderBy(d => d.Id, StringComparer.Ordinal)],
            }).ToList();
            return (providers, authors);
        }

        private bool Chance() => r.Next(2) == 0;

        private T Pick<T>(params T[] items) => items[r.Next(items.Length)];

        private T? Maybe<T>(Func<T> make) where T : class => Chance() ? make() : null;

        private T? MaybeValue<T>(Func<T> make) where T : struct => Chance() ? make() : null;

        private bool? TriState() => Pick<bool?>(null, false, true);

        private string? Text() => Maybe(() => Pick(Texts));

        private decimal Price() => Pick(0m, 2.5m, 10.00m, 0.055m, 0.00000123m, 123456.789m, 1_000_000m);

        private EquatableArray<T> Some<T>(Func<T> make, int max = 3) => [.. Enumerable.Range(0, r.Next(max + 1)).Select(_ => make())];

        private DateTimeOffset Timestamp() =>
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(r.NextInt64(0, TimeSpan.TicksPerDay * 3650)).ToOffset(TimeSpan.FromHours(Pick(0, 2, -5)));

        private DateOnly Date() => DateOnly.FromDayNumber(738_000 + r.Next(3000));

        private T EnumValue<T>() where T : struct, Enum => Pick(Enum.GetValues<T>());

        private Provider Provider(string id) => new()
        {
            Id = id,
            Aliases = Chance() ? [id + "-alias"] : [],
            Name = Pick(Texts).Replace("\n", " ", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal),
            Description = Text(),
            Headquarters = Text(),
            IconUrl = Maybe(() => Pick(Urls)),
            DocsUrl = Maybe(() => Pick(Urls)),
            StatusPageUrl = Maybe(() => Pick(Urls)),
            Auth = Maybe(Auth),
            Catalog = Maybe(() => new ProviderCatalogConfig
            {
                DocsUrl = Maybe(() => Pick(Urls)),
                Endpoint = Maybe(() => new CatalogEndpoint
                {
                    Type = EnumValue<CatalogEndpointType>(),
                    Url = Pick(Urls) + "/models",
                    FieldMappings = Some(() => new FieldMapping { From = "context_window", To = "limits.context_window" }),
                    FeatureRules = Some(() => new FeatureRule { Field = Pick("id", "owned_by"), Contains = ["llama", "r1"], Feature = EnumValue<Feature>(), Value = Chance() }),
                    AuthorMapping = Maybe(() => new AuthorMapping
                    {
                        Field = Pick("owned_by", "id"),
                        Normalized = [.. new[] { "Meta", "meta-llama/*", "OpenAI" }.Where(_ => Chance()).Select(raw => new AuthorAlias { Raw = raw, AuthorId = "author-0" })],
                    }),
                }),
                Authors = Chance() ? ["author-0", "author-1"] : [],
            }),
            Inference = Maybe(() =>
            {
                var baseUrl = Maybe(() => Pick(Urls));
                return new ProviderInference
                {
                    BaseUrl = baseUrl,
                    ChatCompletionsUrl = Maybe(() => Pick(Urls) + "/chat"),
                    HealthApiUrl = Maybe(() => Pick(Urls) + "/summary.json"),
                    HealthComponents = Some(() => new HealthComponent { Id = "c" + r.Next(9), Name = Text() }),
                    Endpoints = [.. new[] { "chat-completions", "embeddings" }.Where(_ => Chance()).Select(op => new InferenceEndpoint
                    {
                        Operation = op,
                        Type = Maybe(() => Pick("openai", "anthropic")),
                        Url = (Chance() && baseUrl is not null ? baseUrl : Pick(Urls)) + "/" + op,
                        StreamUrl = Maybe(() => Pick(Urls) + "/stream"),
                    })],
                };
            }),
            PrivacyPolicy = Maybe(() => new PrivacyPolicy { PrivacyPolicyUrl = Maybe(() => Pick(Urls)), TermsOfServiceUrl = Maybe(() => Pick(Urls)), RetainsData = TriState(), TrainsOnData = TriState() }),
            RetentionPolicy = Maybe(() => new RetentionPolicy
            {
                Type = EnumValue<RetentionType>(),
                Duration = MaybeValue(() => Pick(TimeSpan.Zero, TimeSpan.FromDays(30), TimeSpan.FromMilliseconds(1500), TimeSpan.FromTicks(1), TimeSpan.FromTicks(r.NextInt64(TimeSpan.TicksPerDay * 400)))),
                Details = Text(),
            }),
            GovernancePolicy = Maybe(() => new GovernancePolicy { ModerationRequired = TriState(), Moderated = TriState(), Moderator = Text() }),
        };

        private ProviderAuth Auth() => new()
        {
            ApiKeyEnvVars = Some(() => Pick("KEY_A", "KEY_B", "API_KEY")),
            ApiKeyPattern = Maybe(() => Pick("^sk-", ".*")),
            Header = Maybe(() => Pick("Authorization", "x-api-key")),
            Scheme = EnumValue<AuthScheme>(),
            QueryParameter = Maybe(() => "key"),
            KeyRequired = Chance(),
            EnvVars = Some(() => new ProviderEnvVar { Name = Pick("API_KEY", "PROJECT", "REGION_1"), Required = Chance(), Description = Text(), Pattern = Maybe(() => "^[a-z]+$") }),
            StaticHeaders = Some(() => new HeaderValue { Name = Pick("anthropic-version", "x-extra"), Value = Pick("2023-06-01", "1", "") }),
        };

        private Offering Offering(string providerId, string modelId) => new()
        {
            ProviderId = providerId,
            ModelId = modelId,
            DefinitionId = Maybe(() => "author-0/" + modelId),
            Name = Maybe(() => Pick("Display", "0.5", "true")),
            Pricing = Maybe(Pricing),
            Limits = Maybe(() => new ModelLimits
            {
                ContextWindow = MaybeValue(() => 200_000L),
                InputTokens = MaybeValue(() => (long)r.Next(1, 100_000)),
                OutputTokens = MaybeValue(() => (long)r.Next(1, 100_000)),
            }),
            Lifecycle = Maybe(() => new OfferingLifecycle
            {
                Status = EnumValue<LifecycleStatus>(),
                DeprecatedAt = MaybeValue(() => new DateOnly(2025, 1, 1)),
                RetiresAt = MaybeValue(() => new DateOnly(2025, 6, 1)),
            }),
            Availability = EnumValue<Availability>(),
            Regions = Chance() ? Some(() => Pick("us-east1", "eu")) : null,
            AuthorIds = Some(() => Pick("author-0", "author-1")),
            Features = Maybe(Features),
            Description = Text(),
            Metadata = Maybe(() => new ModelMetadata { ReleaseDate = MaybeValue(Date), OpenWeights = TriState(), Tags = Chance() ? [.. Enum.GetValues<ModelTag>().Where(_ => r.Next(5) == 0)] : null }),
            Lineage = Maybe(() => new ModelLineage { Family = Text(), Parent = Text() }),
            Generation = Maybe(() => new ModelGeneration { Temperature = Maybe(FloatRange), TopK = Maybe(IntRange), MaxTokens = MaybeValue(() => 4096L) }),
            Reasoning = Maybe(Levels),
            ReasoningTokens = Maybe(IntRange),
            Modes = Chance() ? [new OfferingMode
            {
                Name = Pick("fast", "0.5", "pro mode"),
                Pricing = Maybe(Pricing),
                Headers = Chance() ? [new HeaderValue { Name = "x-mode", Value = Pick(Texts) }] : [],
                Body = Maybe(() => Pick("{}", "{\"service_tier\":\"priority\",\"n\":2,\"deep\":{\"on\":true,\"list\":[1,\"2024-05-13\",null]}}")),
            }] : [],
            CreatedAt = MaybeValue(Timestamp),
            UpdatedAt = MaybeValue(Timestamp),
            Provenance = Some(() => new FieldProvenance { Path = "pricing.tokens.input", Source = SourceIds.ModelsDev, ObservedAt = Timestamp() }),
        };

        private ModelPricing Pricing()
        {
            var from = Timestamp();
            return new ModelPricing
            {
                Currency = Pick("USD", "EUR"),
                Tokens = Maybe(Tokens),
                Operations = Maybe(() => new OperationPrices { Request = MaybeValue(Price), ImageInput = MaybeValue(Price), AudioInput = MaybeValue(Price), VideoInput = MaybeValue(Price), ImageGen = MaybeValue(Price), AudioGen = MaybeValue(Price), VideoGen = MaybeValue(Price), WebSearch = MaybeValue(Price), FunctionCall = MaybeValue(Price), ToolUse = MaybeValue(Price) }),
                Tiers = [.. new long[] { 128_000, 200_000, 272_000 }.Where(_ => Chance()).Select(size => new PricingTier { Name = Maybe(() => "over-" + size), ContextThreshold = size, Tokens = Maybe(Tokens), Operations = Maybe(() => new OperationPrices { Request = Price() }) })],
                EffectiveFrom = Chance() ? from : null,
                EffectiveUntil = Chance() ? from.AddDays(30) : null,
            };
        }

        private TokenPrices Tokens() => new()
        {
            Input = MaybeValue(Price),
            Output = MaybeValue(Price),
            Reasoning = MaybeValue(Price),
            CacheRead = MaybeValue(Price),
            CacheWrite = MaybeValue(Price),
        };

        private ModelFeatures Features() => new()
        {
            InputModalities = Chance() ? Some(EnumValue<Modality>) : null,
            OutputModalities = Chance() ? Some(EnumValue<Modality>) : null,
            Flags = FeatureFlags.From(Enum.GetValues<Feature>().Where(_ => Chance()).Select(f => KeyValuePair.Create(f, Chance()))),
        };

        private Author Author(string id) => new()
        {
            Id = id,
            Aliases = Chance() ? [id + "-alias"] : [],
            Name = "Author " + id,
            Description = Text(),
            Headquarters = Text(),
            IconUrl = Maybe(() => Pick(Urls)),
            // An empty links record has no file form (Starmap writes links as flat keys), so it is not generated.
            Links = Maybe(() => new AuthorLinks { Website = Pick(Urls), HuggingFace = Maybe(() => Pick(Urls)), GitHub = Maybe(() => Pick(Urls)), Twitter = Maybe(() => Pick(Urls)) }),
            Attribution = Some(() => Pick(
                new AttributionRule { ProviderId = "provider-0" },
                new AttributionRule { ProviderId = "provider-1", Patterns = ["gemini-*"] },
                new AttributionRule { Patterns = ["llama-*", "*-llama-*"] })),
        };

        private ModelDefinition Definition(string authorId, string slug) => new()
        {
            Id = authorId + "/" + slug,
            Name = "Model " + slug,
            Description = Text(),
            AuthorIds = Chance() ? [authorId, .. Some(() => "author-9", 1)] : [],
            Metadata = Maybe(() => new ModelMetadata
            {
                ReleaseDate = MaybeValue(Date),
                KnowledgeCutoff = MaybeValue(Date),
                OpenWeights = TriState(),
                Tags = Chance() ? [.. Enum.GetValues<ModelTag>().Where(_ => r.Next(5) == 0)] : null,
                Architecture = Maybe(() => new ModelArchitecture
                {
                    ParameterCount = Maybe(() => Pick("70B", "8x7B", "7")),
                    Type = MaybeValue(EnumValue<ArchitectureType>),
                    Tokenizer = Maybe(() => "llama3"),
                    Quantization = MaybeValue(EnumValue<Quantization>),
                    Quantized = TriState(),
                    FineTuned = TriState(),
                    BaseModel = Maybe(() => "base/model"),
                }),
            }),
            Features = Maybe(Features),
            Attachments = Maybe(() => new ModelAttachments { MimeTypes = Chance() ? Some(() => "image/png") : null, MaxFileSize = MaybeValue(() => 20_000_000L), MaxFiles = MaybeValue(() => 0) }),
            Generation = Maybe(() => new ModelGeneration
            {
                Temperature = Maybe(FloatRange),
                TopP = Maybe(FloatRange),
                TopA = Maybe(FloatRange),
                MinP = Maybe(FloatRange),
                TypicalP = Maybe(FloatRange),
                Tfs = Maybe(FloatRange),
                FrequencyPenalty = Maybe(FloatRange),
                PresencePenalty = Maybe(FloatRange),
                RepetitionPenalty = Maybe(FloatRange),
                LengthPenalty = Maybe(FloatRange),
                MirostatTau = Maybe(FloatRange),
                MirostatEta = Maybe(FloatRange),
                ContrastiveSearchPenaltyAlpha = Maybe(FloatRange),
                DiversityPenalty = Maybe(FloatRange),
                TopK = Maybe(IntRange),
                NoRepeatNgramSize = Maybe(IntRange),
                N = Maybe(IntRange),
                BestOf = Maybe(IntRange),
                NumBeams = Maybe(IntRange),
                MaxTokens = MaybeValue(() => 4096L),
                MaxOutputTokens = MaybeValue(() => 0L),
                TopLogprobs = MaybeValue(() => 20),
            }),
            Reasoning = Maybe(Levels),
            ReasoningTokens = Maybe(IntRange),
            Verbosity = Maybe(Levels),
            Tools = Maybe(() => new ModelTools
            {
                ToolChoices = Chance() ? Some(() => Pick("auto", "none", "required", "my_tool")) : null,
                WebSearch = Maybe(() => new WebSearchSettings { MaxResults = MaybeValue(() => 5), SearchPrompt = Text(), SearchContextSizes = Chance() ? Some(() => "low") : null, DefaultContextSize = Maybe(() => "low") }),
            }),
            Delivery = Maybe(() => new ModelDelivery
            {
                Protocols = Chance() ? Some(EnumValue<DeliveryProtocol>) : null,
                Streaming = Chance() ? Some(EnumValue<StreamingKind>) : null,
                Formats = Chance() ? Some(EnumValue<ResponseFormat>) : null,
            }),
            Lineage = Maybe(() => new ModelLineage { Family = Text(), Root = Maybe(() => "root/model"), Parent = Text() }),
            CreatedAt = MaybeValue(Timestamp),
            UpdatedAt = MaybeValue(Timestamp),
        };

        private FloatRange FloatRange() => new() { Min = MaybeValue(() => 0d), Max = MaybeValue(() => Pick(1d, 2d, 1e-7, 0.1 + 0.2)), Default = MaybeValue(() => r.NextDouble()) };

        private IntRange IntRange() => new() { Min = MaybeValue(() => 0L), Max = MaybeValue(() => (long)r.Next()), Default = MaybeValue(() => -1L) };

        private ControlLevels Levels() => new() { Levels = Some(EnumValue<ControlLevel>), Default = MaybeValue(EnumValue<ControlLevel>) };
    }
}
