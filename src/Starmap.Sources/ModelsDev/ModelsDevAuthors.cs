using Starmap.Catalog.Snapshot;

namespace Starmap.Sources.ModelsDev;

/// <summary>
/// Best guess at who made a models.dev model listed under a provider: the provider's author mapping
/// when it reads the ID prefix (<c>meta-llama/...</c>), else what the entry itself says through
/// <see cref="KnownAuthors"/> (its ID namespace, then its family), else the provider's only catalog
/// author (a first-party API). No guess when none applies.
/// </summary>
internal sealed class ModelsDevAuthors(Provider provider)
{
    private readonly bool _mapsId = provider.Catalog?.Endpoint?.AuthorMapping is { Field: "id" };

    public EquatableArray<string> For(string modelId, string? family) =>
        AuthorCredits.Resolve(provider, _mapsId ? AuthorCredits.Namespace(modelId) : null, modelId, family);

    public static string? RawPrefix(string modelId) => AuthorCredits.Namespace(modelId);

    /// <summary><c>author/slug</c>, the slug being the model ID without a namespace prefix; null when not a valid ID.</summary>
    public static string? DefinitionId(string authorId, string modelId) => AuthorCredits.DefinitionId(authorId, modelId);
}
