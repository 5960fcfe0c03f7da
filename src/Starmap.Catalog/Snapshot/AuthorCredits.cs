using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Snapshot;

/// <summary>
/// Credits a model a source lists to authors: through the provider's <see cref="AuthorMapping"/> (the raw
/// value matched exactly, then ignoring case, then as an author the provider lists), then as the data
/// itself says through <see cref="KnownAuthors"/> (the raw value, the ID's namespace, the family). When
/// nothing matches, a provider with a single catalog author (a first-party API) credits that author;
/// otherwise the authors stay unknown.
/// </summary>
public static class AuthorCredits
{
    /// <summary>Authors for <paramref name="raw"/> (an <c>owned_by</c> value or an ID namespace), possibly none.</summary>
    public static EquatableArray<string> Resolve(Provider provider, string? raw) => Resolve(provider, raw, modelId: null, family: null);

    /// <summary>
    /// Authors for a model: <paramref name="raw"/> through the provider's mapping first, then a known
    /// alias of <paramref name="raw"/>, of <paramref name="modelId"/>'s namespace or of
    /// <paramref name="family"/>, then the provider's only catalog author; possibly none.
    /// </summary>
    public static EquatableArray<string> Resolve(Provider provider, string? raw, string? modelId, string? family)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var mapping = provider.Catalog?.Endpoint?.AuthorMapping;
        var catalogAuthors = provider.Catalog?.Authors ?? default;
        if (mapping is not null && raw is { Length: > 0 })
        {
            var mapped = mapping.Normalized.FirstOrDefault(a => string.Equals(a.Raw, raw, StringComparison.Ordinal))
                ?? mapping.Normalized.FirstOrDefault(a => string.Equals(a.Raw, raw, StringComparison.OrdinalIgnoreCase));
            if (mapped is not null)
            {
                return [mapped.AuthorId];
            }
            var lower = raw.ToLowerInvariant();
            if (catalogAuthors.Contains(lower))
            {
                return [lower];
            }
        }
        if ((KnownAuthors.FromAlias(raw) ?? (modelId is null ? null : KnownAuthors.Derive(modelId, family))) is { } derived)
        {
            return [derived];
        }
        return catalogAuthors.Count == 1 ? [catalogAuthors[0]] : default;
    }

    /// <summary>The part of a model ID before its first <c>/</c>, or null.</summary>
    public static string? Namespace(string modelId) =>
        modelId.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? modelId[..slash] : null;

    /// <summary><c>author/slug</c> with the model ID's namespace removed; null when it would not be a valid ID.</summary>
    public static string? DefinitionId(string authorId, string modelId)
    {
        var slug = Namespace(modelId) is { } prefix ? modelId[(prefix.Length + 1)..] : modelId;
        return IdRules.IsEntityId(authorId) && slug.Length > 0 ? authorId + "/" + slug : null;
    }
}
