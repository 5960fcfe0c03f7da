namespace Starmap.Catalog;

/// <summary>
/// Attribution glob over provider model IDs, case-insensitive. <c>*</c> matches any run of characters
/// except <c>/</c>; <c>**</c> matches any run including <c>/</c>; <c>?</c> one character except
/// <c>/</c>. A pattern without <c>/</c> is tried against the whole ID and against its last
/// <c>/</c>-segment, so <c>llama-*</c> matches <c>meta-llama/llama-4-scout</c> (as a .gitignore
/// pattern without a slash matches at any depth).
/// </summary>
public sealed class ModelIdPattern
{
    private ModelIdPattern() { }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; private init; } = "";

    /// <summary>Parses a pattern; throws <see cref="StarmapValidationException"/> when empty or malformed.</summary>
    public static ModelIdPattern Parse(string pattern, string field = "pattern") => throw new NotImplementedException();

    /// <summary>True when <paramref name="modelId"/> matches.</summary>
    public bool IsMatch(string modelId) => throw new NotImplementedException();
}
