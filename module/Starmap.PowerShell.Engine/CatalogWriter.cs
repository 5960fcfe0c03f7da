using System.Collections;
using System.Globalization;

namespace Starmap.PowerShell;

/// <summary>
/// Writes for the New-/Set-/Remove- cmdlets. A Set never replaces a whole record: it sends the stored
/// entity's grain a patch naming only the fields the user changed (parameters, and properties edited
/// on a piped object compared with the object as read), which the grain applies in one turn; a piped
/// object also sends the version it was read at, so a stale copy fails instead of overwriting.
/// </summary>
public static partial class CatalogWriter
{
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
