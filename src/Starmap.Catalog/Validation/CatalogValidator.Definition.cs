namespace Starmap.Catalog.Validation;

public static partial class CatalogValidator
{
    private static void ValidateDefinition(ModelDefinition definition, string? authorId, string field)
    {
        IdRules.ValidateDefinitionId(definition.Id, field + ".id");
        var owner = definition.AuthorId;
        if (authorId is not null && !string.Equals(owner, authorId, StringComparison.Ordinal))
        {
            throw IdRules.Invalid(field + ".id", definition.Id, $"must start with '{authorId}/', the author that owns it");
        }
        FieldChecks.Name(definition.Name, field + ".name");
        FieldChecks.Description(definition.Description, field + ".description");
        // author_ids may be empty: the ID already names the owner. When listed, the owner must be among
        // them, or the definition would credit others and silently drop its own author.
        ValidateAuthorIds(definition.AuthorIds, field + ".author_ids");
        if (!definition.AuthorIds.IsEmpty && !definition.AuthorIds.Contains(owner))
        {
            throw IdRules.Invalid(field + ".author_ids", string.Join(",", definition.AuthorIds),
                $"must include the owning author '{owner}'");
        }
        if (definition.Features is { } features)
        {
            ValidateFeatures(features, field + ".features");
        }
    }
}
