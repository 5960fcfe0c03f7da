namespace Starmap.Catalog.Validation;

/// <summary>
/// Validates whole records before they are stored. Throws <see cref="StarmapValidationException"/>
/// whose field is a path such as <c>offerings[gpt-4o].pricing.tokens.input</c>. Path segments use
/// the JSON (snake_case) names, so an error points at the key a user wrote.
/// </summary>
public static partial class CatalogValidator
{
    /// <summary>Validates a provider record.</summary>
    public static void Validate(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ValidateProvider(provider, "provider");
    }

    /// <summary>Validates an author record.</summary>
    public static void Validate(Author author)
    {
        ArgumentNullException.ThrowIfNull(author);
        ValidateAuthor(author, "author");
    }

    /// <summary>Validates an offering (its provider ID must equal <paramref name="providerId"/> when given).</summary>
    public static void Validate(Offering offering, string? providerId = null, string field = "offering")
    {
        ArgumentNullException.ThrowIfNull(offering);
        ValidateOffering(offering, providerId, field);
    }

    /// <summary>Validates a definition (its author part must equal <paramref name="authorId"/> when given).</summary>
    public static void Validate(ModelDefinition definition, string? authorId = null, string field = "definition")
    {
        ArgumentNullException.ThrowIfNull(definition);
        ValidateDefinition(definition, authorId, field);
    }

    /// <summary>Validates a model query: page bounds, ranges, IDs. Field names are the snake_case filter names.</summary>
    public static void Validate(ModelQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ValidateQuery(query);
    }
}
