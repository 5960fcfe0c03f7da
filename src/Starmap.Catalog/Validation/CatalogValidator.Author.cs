using Starmap.Catalog.Patterns;
using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Validation;

public static partial class CatalogValidator
{
    private static void ValidateAuthor(Author author, string field)
    {
        IdRules.ValidateAuthorId(author.Id, field + ".id");
        FieldChecks.Name(author.Name, field + ".name");
        FieldChecks.Aliases(author.Aliases, author.Id, field + ".aliases");
        FieldChecks.Url(author.IconUrl, field + ".icon_url");
        if (author.Links is { } links)
        {
            FieldChecks.Url(links.Website, field + ".links.website");
            FieldChecks.Url(links.HuggingFace, field + ".links.hugging_face");
            FieldChecks.Url(links.GitHub, field + ".links.git_hub");
            FieldChecks.Url(links.Twitter, field + ".links.twitter");
        }
        for (var i = 0; i < author.Attribution.Count; i++)
        {
            ValidateAttributionRule(author.Attribution[i], FieldChecks.Index(field + ".attribution", i));
        }
    }

    private static void ValidateAttributionRule(AttributionRule rule, string field)
    {
        if (rule.ProviderId is not null)
        {
            IdRules.ValidateProviderId(rule.ProviderId, field + ".provider_id");
        }
        else if (rule.Patterns.IsEmpty)
        {
            // A rule with neither would credit the author with every model of every provider.
            throw IdRules.Invalid(field, null, "needs a provider_id, at least one pattern, or both");
        }
        for (var i = 0; i < rule.Patterns.Count; i++)
        {
            ModelIdPattern.Parse(rule.Patterns[i], FieldChecks.Index(field + ".patterns", i));
        }
    }
}
