namespace Starmap.Catalog;

/// <summary>
/// Validates whole records before they are stored. Throws <see cref="StarmapValidationException"/>
/// whose field is a path such as <c>offerings[gpt-4o].pricing.tokens.input</c>.
/// </summary>
public static class CatalogValidator
{
    /// <summary>Validates a provider record.</summary>
    public static void Validate(Provider provider) => throw new NotImplementedException();

    /// <summary>Validates an author record.</summary>
    public static void Validate(Author author) => throw new NotImplementedException();

    /// <summary>Validates an offering (its provider ID must equal <paramref name="providerId"/> when given).</summary>
    public static void Validate(Offering offering, string? providerId = null, string field = "offering") => throw new NotImplementedException();

    /// <summary>Validates a definition (its author part must equal <paramref name="authorId"/> when given).</summary>
    public static void Validate(ModelDefinition definition, string? authorId = null, string field = "definition") => throw new NotImplementedException();

    /// <summary>Validates a model query: page bounds, ranges, IDs. Field names are the snake_case filter names.</summary>
    public static void Validate(ModelQuery query) => throw new NotImplementedException();
}
