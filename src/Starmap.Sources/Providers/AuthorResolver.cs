using Starmap.Catalog.Snapshot;
using Starmap.Sources.Json;

namespace Starmap.Sources.Providers;

/// <summary>
/// Credits a listed model to authors from the response field the provider's author mapping names
/// (<c>owned_by</c> when there is no mapping), then from the model ID's namespace through
/// <see cref="KnownAuthors"/>.
/// </summary>
internal sealed class AuthorResolver(Provider provider)
{
    private readonly AuthorMapping? _mapping = provider.Catalog?.Endpoint?.AuthorMapping;

    public EquatableArray<string> For(JsonRecord item, string modelId) =>
        AuthorCredits.Resolve(provider, Raw(item, modelId), modelId, family: null);

    private string? Raw(JsonRecord item, string modelId) => _mapping?.Field switch
    {
        null => item.Text("owned_by"),
        "id" => Namespace(modelId) ?? modelId,
        var field => item.Text(field),
    };

    /// <summary>The part of a model ID before its first <c>/</c>, or null.</summary>
    public static string? Namespace(string modelId) => AuthorCredits.Namespace(modelId);

    /// <summary><c>author/slug</c> with the model ID's namespace removed; null when it would not be a valid ID.</summary>
    public static string? DefinitionId(string authorId, string modelId) => AuthorCredits.DefinitionId(authorId, modelId);
}
