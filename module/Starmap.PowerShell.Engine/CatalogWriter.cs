using System.Collections;
using System.Globalization;

namespace Starmap.PowerShell;

/// <summary>
/// Writes for the Set-/Remove- cmdlets. A write starts from the stored record (or the record a piped
/// object was read from), applies the properties the user changed on the object, then the cmdlet's
/// parameters (changes: parameter name to value, only those given), and replaces the
/// record in one grain call. Fields the module does not show are kept as they are.
/// </summary>
public static class CatalogWriter
{
    /// <summary>Creates or updates a model offering; returns it as stored.</summary>
    public static async Task<StarmapModel> SetModelAsync(string providerId, string modelId, StarmapModel? input, IDictionary changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        var stored = input?.Source ?? (await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId)))?.Offering;
        var offering = stored ?? new Offering { ProviderId = providerId, ModelId = modelId };
        if (input is not null && stored is not null)
        {
            offering = ApplyEdits(offering, StarmapModel.From(new CatalogModel { Offering = stored }), input);
        }
        offering = Apply(offering, changes);
        await Failures.Guard(() => catalog.Providers.SetModelAsync(providerId, offering), "InvalidModel", $"{providerId}/{modelId}");
        // The write publishes to the catalog in the same grain turn, so this read sees it.
        var saved = await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId));
        return StarmapModel.From(saved ?? new CatalogModel { Offering = offering });
    }

    /// <summary>Deletes a model offering; NotFound when the provider has no such model.</summary>
    public static async Task RemoveModelAsync(string providerId, string modelId)
    {
        var catalog = StarmapSession.Catalog;
        if (await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId)) is null)
        {
            throw new StarmapCommandException(FailureKind.NotFound, "ModelNotFound", $"model '{modelId}' was not found at provider '{providerId}'", $"{providerId}/{modelId}");
        }
        await Failures.Guard(() => catalog.Providers.DeleteModelAsync(providerId, modelId), "InvalidModel", $"{providerId}/{modelId}");
    }

    /// <summary>True when the model exists.</summary>
    public static async Task<bool> ModelExistsAsync(string providerId, string modelId) =>
        await Failures.Guard(() => StarmapSession.Catalog.Models.FindAsync(providerId, modelId), "InvalidModel", $"{providerId}/{modelId}") is not null;

    /// <summary>True when the provider exists.</summary>
    public static async Task<bool> ProviderExistsAsync(string providerId) =>
        await Failures.Guard(() => StarmapSession.Catalog.Providers.FindAsync(providerId), "InvalidProvider", providerId) is not null;

    /// <summary>True when the author exists.</summary>
    public static async Task<bool> AuthorExistsAsync(string authorId) =>
        await Failures.Guard(() => StarmapSession.Catalog.Authors.FindAsync(authorId), "InvalidAuthor", authorId) is not null;

    /// <summary>Creates or updates a provider record (its offerings are kept); returns it as stored.</summary>
    public static async Task<StarmapProvider> SetProviderAsync(string providerId, StarmapProvider? input, IDictionary changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        var details = await Failures.Guard(() => catalog.Providers.FindAsync(providerId));
        var stored = input?.Source ?? details?.Provider;
        var provider = stored ?? new Provider { Id = providerId, Name = providerId };
        if (input is not null && stored is not null)
        {
            provider = ApplyEdits(provider, StarmapProvider.From(stored, input.Models), input);
        }
        provider = Apply(provider, changes);
        await Failures.Guard(() => catalog.Providers.SetAsync(provider), "InvalidProvider", providerId);
        return StarmapProvider.From(provider, details?.Offerings.Count ?? 0);
    }

    /// <summary>Creates or updates an author record (its definitions are kept); returns it as stored.</summary>
    public static async Task<StarmapAuthor> SetAuthorAsync(string authorId, StarmapAuthor? input, IDictionary changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        var details = await Failures.Guard(() => catalog.Authors.FindAsync(authorId));
        var stored = input?.Source ?? details?.Author;
        var author = stored ?? new Author { Id = authorId, Name = authorId };
        if (input is not null && stored is not null)
        {
            author = ApplyEdits(author, StarmapAuthor.From(stored, 0, 0), input);
        }
        author = Apply(author, changes);
        await Failures.Guard(() => catalog.Authors.SetAsync(author), "InvalidAuthor", authorId);
        return StarmapAuthor.From(author, details?.Definitions.Count ?? input?.Definitions ?? 0, input?.Models ?? 0);
    }

    // Properties the user changed on a piped object (compared with the object as read) become changes.
    internal static Offering ApplyEdits(Offering offering, StarmapModel read, StarmapModel edited) =>
        Apply(offering, Edits(read, edited, "Name", "DefinitionId", "ContextWindow", "MaxInputTokens", "MaxOutputTokens",
            "InputPrice", "OutputPrice", "ReasoningPrice", "CacheReadPrice", "CacheWritePrice", "Status", "Availability", "Authors"));

    internal static Provider ApplyEdits(Provider provider, StarmapProvider read, StarmapProvider edited) =>
        Apply(provider, Edits(read, edited, "Name", "Description", "Headquarters", "Aliases", "ListUrl", "ListType", "DocsUrl",
            "KeyRequired", "KeyVariables", "Authors"));

    internal static Author ApplyEdits(Author author, StarmapAuthor read, StarmapAuthor edited) =>
        Apply(author, Edits(read, edited, "Name", "Description", "Headquarters", "Aliases", "Website", "HuggingFace", "GitHub"));

    private static Hashtable Edits<T>(T read, T edited, params string[] names)
    {
        var changes = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var property = typeof(T).GetProperty(name)!;
            var before = property.GetValue(read);
            var after = property.GetValue(edited);
            var same = before is string[] a && after is string[] b ? a.SequenceEqual(b) : Equals(before, after);
            if (!same)
            {
                changes[name] = after;
            }
        }
        return changes;
    }

    internal static Offering Apply(Offering o, IDictionary changes)
    {
        foreach (var change in Ordered(changes))
        {
            var value = change.Value;
            var tokens = o.Pricing?.Tokens ?? new TokenPrices();
            var limits = o.Limits ?? new ModelLimits();
            o = ((string)change.Key).ToUpperInvariant() switch
            {
                "NAME" => o with { Name = Text(value) },
                "DEFINITIONID" => o with { DefinitionId = Text(value) },
                "CONTEXTWINDOW" => o with { Limits = limits with { ContextWindow = Long(value) } },
                "MAXINPUTTOKENS" => o with { Limits = limits with { InputTokens = Long(value) } },
                "MAXOUTPUTTOKENS" => o with { Limits = limits with { OutputTokens = Long(value) } },
                "INPUTPRICE" => WithTokens(o, tokens with { Input = Decimal(value) }),
                "OUTPUTPRICE" => WithTokens(o, tokens with { Output = Decimal(value) }),
                "REASONINGPRICE" => WithTokens(o, tokens with { Reasoning = Decimal(value) }),
                "CACHEREADPRICE" => WithTokens(o, tokens with { CacheRead = Decimal(value) }),
                "CACHEWRITEPRICE" => WithTokens(o, tokens with { CacheWrite = Decimal(value) }),
                "STATUS" => o with { Lifecycle = (o.Lifecycle ?? new OfferingLifecycle()) with { Status = Text(value) is { } s ? Names.Parse<LifecycleStatus>(s, "status") : LifecycleStatus.Unknown } },
                "AVAILABILITY" => o with { Availability = Text(value) is { } a ? Names.Parse<Availability>(a, "availability") : Availability.Unknown },
                "AUTHORS" or "AUTHOR" => o with { AuthorIds = Strings(value).ToEquatableArray() },
                _ => o,
            };
        }
        return o;
    }

    // Fields that others build on go first (a list type needs the list URL), then by name, so the
    // result never depends on hashtable order.
    private static IEnumerable<DictionaryEntry> Ordered(IDictionary changes) =>
        changes.Cast<DictionaryEntry>()
            .OrderBy(c => string.Equals((string)c.Key, "ListUrl", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => (string)c.Key, StringComparer.OrdinalIgnoreCase);

    private static Offering WithTokens(Offering o, TokenPrices tokens) =>
        o with { Pricing = (o.Pricing ?? new ModelPricing()) with { Tokens = tokens } };

    internal static Provider Apply(Provider p, IDictionary changes)
    {
        foreach (var change in Ordered(changes))
        {
            var value = change.Value;
            var auth = p.Auth ?? new ProviderAuth();
            var catalog = p.Catalog ?? new ProviderCatalogConfig();
            p = ((string)change.Key).ToUpperInvariant() switch
            {
                "NAME" => p with { Name = Text(value) ?? p.Id },
                "DESCRIPTION" => p with { Description = Text(value) },
                "HEADQUARTERS" => p with { Headquarters = Text(value) },
                "ALIASES" or "ALIAS" => p with { Aliases = Strings(value).ToEquatableArray() },
                "DOCSURL" => p with { DocsUrl = Text(value) },
                "LISTURL" => p with
                {
                    Catalog = catalog with
                    {
                        Endpoint = Text(value) is { } url
                            ? (catalog.Endpoint ?? new CatalogEndpoint { Url = url, Type = CatalogEndpointType.OpenAI }) with { Url = url }
                            : null,
                    },
                },
                "LISTTYPE" => p with
                {
                    Catalog = catalog with
                    {
                        Endpoint = catalog.Endpoint is { } endpoint
                            ? endpoint with { Type = Names.Parse<CatalogEndpointType>(Text(value) ?? "openai", "list type") }
                            : throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidProvider", $"provider '{p.Id}' has no list URL; give -ListUrl with -ListType", p.Id),
                    },
                },
                "KEYREQUIRED" => p with { Auth = auth with { KeyRequired = value is bool b ? b : Convert.ToBoolean(value, CultureInfo.InvariantCulture) } },
                "KEYVARIABLES" or "KEYVARIABLE" => p with { Auth = auth with { ApiKeyEnvVars = Strings(value).ToEquatableArray() } },
                "AUTHORS" or "AUTHOR" => p with { Catalog = catalog with { Authors = Strings(value).ToEquatableArray() } },
                _ => p,
            };
        }
        return p;
    }

    internal static Author Apply(Author a, IDictionary changes)
    {
        foreach (var change in Ordered(changes))
        {
            var value = change.Value;
            var links = a.Links ?? new AuthorLinks();
            a = ((string)change.Key).ToUpperInvariant() switch
            {
                "NAME" => a with { Name = Text(value) ?? a.Id },
                "DESCRIPTION" => a with { Description = Text(value) },
                "HEADQUARTERS" => a with { Headquarters = Text(value) },
                "ALIASES" or "ALIAS" => a with { Aliases = Strings(value).ToEquatableArray() },
                "WEBSITE" => a with { Links = links with { Website = Text(value) } },
                "HUGGINGFACE" => a with { Links = links with { HuggingFace = Text(value) } },
                "GITHUB" => a with { Links = links with { GitHub = Text(value) } },
                _ => a,
            };
        }
        return a;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s when s.Length == 0 => null,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    private static long? Long(object? value) => value is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;

    private static decimal? Decimal(object? value) => value is { } v ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable items => items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).OfType<string>(),
        var v => [Convert.ToString(v, CultureInfo.InvariantCulture)!],
    };
}
