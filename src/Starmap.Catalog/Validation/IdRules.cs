using System.Globalization;

namespace Starmap.Catalog.Validation;

/// <summary>
/// Rules for IDs. Provider and author IDs are lower-case kebab-case (<c>google-ai-studio</c>).
/// Provider model IDs are opaque (may hold <c>/</c>, <c>@</c>, <c>:</c>) but must be printable and
/// path-safe. Definition IDs are <c>author/slug</c>. Violations throw
/// <see cref="StarmapValidationException"/> naming the field and the value.
/// </summary>
public static class IdRules
{
    /// <summary>Longest provider or author ID.</summary>
    public const int MaxEntityIdLength = EntityIds.MaxLength;

    /// <summary>Longest provider model ID or definition ID.</summary>
    public const int MaxModelIdLength = 256;

    internal const string KebabCaseReason = EntityIds.KebabCaseReason;

    /// <summary>Validates a provider ID.</summary>
    public static string ValidateProviderId(string? value, string field = "provider.id") =>
        Throw(value, field, EntityIdProblem(value));

    /// <summary>Validates an author ID.</summary>
    public static string ValidateAuthorId(string? value, string field = "author.id") =>
        Throw(value, field, EntityIdProblem(value));

    /// <summary>Validates a provider's opaque model ID.</summary>
    public static string ValidateModelId(string? value, string field = "model.id") =>
        Throw(value, field, ModelIdProblem(value));

    /// <summary>Validates a definition ID (<c>author/slug</c>).</summary>
    public static string ValidateDefinitionId(string? value, string field = "definition.id") =>
        Throw(value, field, DefinitionIdProblem(value));

    /// <summary>True when <paramref name="value"/> is a valid provider or author ID.</summary>
    public static bool IsEntityId(string? value) => EntityIdProblem(value) is null;

    /// <summary>Why <paramref name="value"/> is not a provider or author ID, or null when it is one (the contracts' rule, <see cref="EntityIds"/>).</summary>
    internal static string? EntityIdProblem(string? value) => EntityIds.Problem(value);

    /// <summary>Why <paramref name="value"/> is not a model ID, or null when it is one.</summary>
    internal static string? ModelIdProblem(string? value)
    {
        if (value is null)
        {
            return "is required";
        }
        if (value.Length == 0)
        {
            return "must not be empty";
        }
        if (value.Length > MaxModelIdLength)
        {
            return TooLong(MaxModelIdLength);
        }
        return TextProblem(value) ?? PathProblem(value);
    }

    /// <summary>Why <paramref name="value"/> is not an <c>author/slug</c> ID, or null when it is one.</summary>
    public static string? DefinitionIdProblem(string? value)
    {
        if (value is null)
        {
            return "is required";
        }
        if (value.Length == 0)
        {
            return "must not be empty";
        }
        if (value.Length > MaxModelIdLength)
        {
            return TooLong(MaxModelIdLength);
        }
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return "must be 'author/slug', like 'openai/gpt-4o'";
        }
        if (EntityIdProblem(value[..slash]) is { } author)
        {
            return "author part " + author;
        }
        return ModelIdProblem(value[(slash + 1)..]) is { } slug ? "slug " + slug : null;
    }

    /// <summary>Characters no printable ID may hold; shared with patterns and query filters.</summary>
    internal static string? TextProblem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return "contains a control character";
            }
            if (char.IsWhiteSpace(c))
            {
                return "contains whitespace";
            }
            if (c == '\\')
            {
                return "contains a backslash";
            }
            // Zero-width and bidi marks make two IDs look identical; lone surrogates are not text.
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return "contains an invisible formatting character";
            }
            if (char.IsSurrogate(c) && !char.IsSurrogatePair(value, i) && !(i > 0 && char.IsSurrogatePair(value, i - 1)))
            {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }

    // Model IDs become URL paths and file paths, so they must not escape or collapse segments.
    private static string? PathProblem(string value)
    {
        if (value[0] == '/')
        {
            return "must not start with '/'";
        }
        if (value[^1] == '/')
        {
            return "must not end with '/'";
        }
        foreach (var segment in value.Split('/'))
        {
            switch (segment)
            {
                case "": return "contains an empty path segment ('//')";
                case ".": return "contains a '.' path segment";
                case "..": return "contains a '..' path segment";
            }
        }
        return null;
    }

    private static string TooLong(int max) => string.Create(CultureInfo.InvariantCulture, $"is longer than {max} characters");

    private static string Throw(string? value, string field, string? problem) =>
        problem is null ? value! : throw Invalid(field, value, problem);

    /// <summary>The exception for a broken rule, with the value made printable.</summary>
    internal static StarmapValidationException Invalid(string field, string? value, string reason) =>
        new(field, value is null ? null : StarmapValidationException.Printable(value), reason);
}
