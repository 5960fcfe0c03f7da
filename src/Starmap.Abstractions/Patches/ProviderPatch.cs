namespace Starmap;

/// <summary>
/// A change to some fields of a provider record, applied by its grain in one turn like
/// <see cref="OfferingPatch"/>; its offerings are never touched. <see cref="Values"/>' ID is ignored.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.provider-patch")]
public sealed record ProviderPatch
{
    private static readonly FieldSetters<Provider> Setters = new(
        "provider",
        ("name", (c, v) => c with { Name = v.Name }),
        ("aliases", (c, v) => c with { Aliases = v.Aliases }),
        ("description", (c, v) => c with { Description = v.Description }),
        ("headquarters", (c, v) => c with { Headquarters = v.Headquarters }),
        ("icon_url", (c, v) => c with { IconUrl = v.IconUrl }),
        ("docs_url", (c, v) => c with { DocsUrl = v.DocsUrl }),
        ("status_page_url", (c, v) => c with { StatusPageUrl = v.StatusPageUrl }),
        ("auth.key_required", (c, v) => c with { Auth = (c.Auth ?? new()) with { KeyRequired = v.Auth?.KeyRequired ?? true } }),
        ("auth.api_key_env_vars", (c, v) => c with { Auth = (c.Auth ?? new()) with { ApiKeyEnvVars = v.Auth?.ApiKeyEnvVars ?? default } }),
        ("catalog.authors", (c, v) => c with { Catalog = (c.Catalog ?? new()) with { Authors = v.Catalog?.Authors ?? default } }),
        // The URL first: setting it on a provider without a list creates the list with the given type;
        // removing it removes the list.
        ("catalog.endpoint.url", (c, v) => c with
        {
            Catalog = (c.Catalog ?? new()) with
            {
                Endpoint = v.Catalog?.Endpoint is { } given ? (c.Catalog?.Endpoint ?? given) with { Url = given.Url } : null,
            },
        }),
        ("catalog.endpoint.type", (c, v) => c.Catalog?.Endpoint is { } endpoint
            ? c with { Catalog = c.Catalog with { Endpoint = endpoint with { Type = v.Catalog?.Endpoint?.Type ?? endpoint.Type } } }
            : throw new StarmapValidationException("catalog.endpoint.type", null, $"provider '{c.Id}' has no list URL; set catalog.endpoint.url with it")));

    /// <summary>Field paths to change, e.g. <c>name</c>, <c>catalog.endpoint.url</c>; see <see cref="Paths"/>.</summary>
    [Id(0)] public EquatableArray<string> Fields { get; init; }

    /// <summary>Carries the new values; only the paths in <see cref="Fields"/> are read from it.</summary>
    [Id(1)] public required Provider Values { get; init; }

    /// <summary>Every path a provider patch may name, in the order they apply.</summary>
    public static IReadOnlyList<string> Paths => Setters.Paths;

    /// <summary><paramref name="current"/> with this patch's fields changed.</summary>
    public Provider ApplyTo(Provider current) => Setters.Apply(current, Fields, Values);
}
