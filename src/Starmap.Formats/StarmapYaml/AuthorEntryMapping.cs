using Starmap.Catalog.Snapshot;

namespace Starmap.Formats.StarmapYaml;

/// <summary>Author records ⇄ entries of authors.yaml. <c>catalog.description</c> has no record field.</summary>
internal static class AuthorEntryMapping
{
    public static Author ToRecord(AuthorYaml y, MappingContext c) => new()
    {
        Id = c.Author(c.Required(y.Id, y, "id", "id"), y, "id"),
        Aliases = (y.Aliases ?? []).Select(a => c.Author(a, y, "aliases")).ToEquatableArray(),
        Name = y.Name!,
        Description = y.Description,
        Headquarters = y.Headquarters,
        IconUrl = y.IconUrl,
        Links = y.Website is null && y.HuggingFace is null && y.GitHub is null && y.Twitter is null
            ? null
            : new AuthorLinks { Website = y.Website, HuggingFace = y.HuggingFace, GitHub = y.GitHub, Twitter = y.Twitter },
        Attribution = (y.Catalog?.Attribution ?? []).Select(a => new AttributionRule
        {
            ProviderId = a.ProviderId is { } provider ? c.Provider(provider, a, "provider_id") : null,
            Patterns = (a.Patterns ?? []).ToEquatableArray(),
        }).ToEquatableArray(),
    };

    public static AuthorYaml ToYaml(Author a) => new()
    {
        Id = a.Id,
        Aliases = a.Aliases.IsEmpty ? null : [.. a.Aliases],
        Name = a.Name,
        Description = a.Description,
        Headquarters = a.Headquarters,
        IconUrl = a.IconUrl,
        Website = a.Links?.Website,
        HuggingFace = a.Links?.HuggingFace,
        GitHub = a.Links?.GitHub,
        Twitter = a.Links?.Twitter,
        Catalog = a.Attribution.IsEmpty ? null : new AuthorCatalogYaml
        {
            Attribution = [.. a.Attribution.Select(r => new AttributionYaml
            {
                ProviderId = r.ProviderId,
                Patterns = r.Patterns.IsEmpty ? null : [.. r.Patterns],
            })],
        },
    };
}
