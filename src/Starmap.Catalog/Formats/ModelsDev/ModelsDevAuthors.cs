namespace Starmap.Catalog.Formats.ModelsDev;

/// <summary>
/// Best guess at who made a models.dev model listed under a provider: the provider's author mapping
/// when it reads the ID prefix (<c>meta-llama/...</c>), else the provider's only catalog author
/// (a first-party API). No guess when neither applies.
/// </summary>
internal sealed class ModelsDevAuthors(Provider provider)
{
    private readonly AuthorMapping? _mapping = provider.Catalog?.Endpoint?.AuthorMapping;
    private readonly EquatableArray<string> _catalogAuthors = provider.Catalog?.Authors ?? default;

    public EquatableArray<string> For(string modelId)
    {
        if (_mapping is { Field: "id" } && RawPrefix(modelId) is { } raw)
        {
            var mapped = _mapping.Normalized.FirstOrDefault(a => string.Equals(a.Raw, raw, StringComparison.Ordinal))
                ?? _mapping.Normalized.FirstOrDefault(a => string.Equals(a.Raw, raw, StringComparison.OrdinalIgnoreCase));
            if (mapped is not null)
            {
                return [mapped.AuthorId];
            }
            var lower = raw.ToLowerInvariant();
            if (_catalogAuthors.Contains(lower))
            {
                return [lower];
            }
        }
        return _catalogAuthors.Count == 1 ? [_catalogAuthors[0]] : default;
    }

    public static string? RawPrefix(string modelId) =>
        modelId.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? modelId[..slash] : null;

    /// <summary><c>author/slug</c>, the slug being the model ID without a namespace prefix; null when not a valid ID.</summary>
    public static string? DefinitionId(string authorId, string modelId)
    {
        var slug = RawPrefix(modelId) is { } prefix ? modelId[(prefix.Length + 1)..] : modelId;
        return IdRules.IsEntityId(authorId) && slug.Length > 0 ? authorId + "/" + slug : null;
    }
}
