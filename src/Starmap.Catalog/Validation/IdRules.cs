namespace Starmap.Catalog;

/// <summary>
/// Rules for IDs. Provider and author IDs are lower-case kebab-case (<c>google-ai-studio</c>).
/// Provider model IDs are opaque (may hold <c>/</c>, <c>@</c>, <c>:</c>) but must be printable and
/// path-safe. Definition IDs are <c>author/slug</c>. Violations throw
/// <see cref="StarmapValidationException"/> naming the field and the value.
/// </summary>
public static class IdRules
{
    /// <summary>Longest provider or author ID.</summary>
    public const int MaxEntityIdLength = 64;

    /// <summary>Longest provider model ID or definition ID.</summary>
    public const int MaxModelIdLength = 256;

    /// <summary>Validates a provider ID.</summary>
    public static string ValidateProviderId(string? value, string field = "provider.id") => throw new NotImplementedException();

    /// <summary>Validates an author ID.</summary>
    public static string ValidateAuthorId(string? value, string field = "author.id") => throw new NotImplementedException();

    /// <summary>Validates a provider's opaque model ID.</summary>
    public static string ValidateModelId(string? value, string field = "model.id") => throw new NotImplementedException();

    /// <summary>Validates a definition ID (<c>author/slug</c>).</summary>
    public static string ValidateDefinitionId(string? value, string field = "definition.id") => throw new NotImplementedException();
}
