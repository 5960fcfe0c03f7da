using Starmap.Catalog;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// Credits a listed model to authors through the provider's <see cref="AuthorMapping"/>: the raw value
/// of <c>owned_by</c> (or the namespace of <c>id</c>) matched exactly, then ignoring case, then as an
/// author the provider lists. When nothing matches, a provider with a single catalog author (a
/// first-party API) credits that author; otherwise the authors stay unknown.
/// </summary>
internal sealed class AuthorResolver(Provider provider)
{
    private readonly AuthorMapping? _mapping = provider.Catalog?.Endpoint?.AuthorMapping;
    private readonly EquatableArray<string> _catalogAuthors = provider.Catalog?.Authors ?? default;

    public EquatableArray<string> For(JsonRecord item, string modelId)
    {
        if (_mapping is not null && Raw(item, modelId) is { Length: > 0 } raw)
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

    private string? Raw(JsonRecord item, string modelId) => _mapping!.Field switch
    {
        "id" => Namespace(modelId) ?? modelId,
        var field => item.Text(field),
    };

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
