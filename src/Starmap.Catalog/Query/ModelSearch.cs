using Starmap.Catalog.Snapshot;

namespace Starmap.Catalog.Query;

/// <summary>
/// Free-text search over a model's ID, linked definition ID, name, description, credited authors and
/// family. The text is split on whitespace; every word must appear in at least one of those fields
/// (case-insensitive substring), so words are ANDed. A match is ranked, lower being better:
/// <list type="number">
/// <item>0, exact ID: the whole text is the model ID, the model ID without its namespace, or the definition ID;</item>
/// <item>1, ID prefix: one of those starts with the whole text;</item>
/// <item>2, name words: every word is a whole word of the name;</item>
/// <item>3, ID or name: every word appears in the model ID, the definition ID or the name;</item>
/// <item>4, other fields: some word appears only in the description, an author or the family.</item>
/// </list>
/// Equal ranks order by provider then model ID.
/// </summary>
internal sealed class ModelSearch
{
    private readonly string _text;
    private readonly string[] _words;

    private ModelSearch(string text)
    {
        _text = text;
        _words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The search for <paramref name="text"/>, or null when it holds no word.</summary>
    public static ModelSearch? For(string? text) => string.IsNullOrWhiteSpace(text) ? null : new ModelSearch(text.Trim());

    /// <summary>The rank of <paramref name="model"/> (0 best), or null when some word is in none of its fields.</summary>
    public int? Rank(CatalogModel model)
    {
        var id = model.ModelId;
        var bare = AuthorCredits.Namespace(id) is { } prefix ? id[(prefix.Length + 1)..] : id;
        var definitionId = model.Offering.DefinitionId;
        var slug = definitionId is null ? null : AuthorCredits.Namespace(definitionId) is { } owner ? definitionId[(owner.Length + 1)..] : definitionId;
        var name = model.Name;
        var inIdOrName = true;
        foreach (var word in _words)
        {
            if (Has(id, word) || Has(definitionId, word) || Has(name, word))
            {
                continue;
            }
            inIdOrName = false;
            if (!Has(model.Description, word) && !Has(model.Family, word) && !AnyAuthor(model, word))
            {
                return null;
            }
        }
        if (!inIdOrName)
        {
            return 4;
        }
        if (Is(id, _text) || Is(bare, _text) || Is(definitionId, _text))
        {
            return 0;
        }
        if (Starts(id, _text) || Starts(bare, _text) || Starts(definitionId, _text) || Starts(slug, _text))
        {
            return 1;
        }
        return _words.All(w => HasWord(name, w)) ? 2 : 3;
    }

    private static bool AnyAuthor(CatalogModel model, string word)
    {
        foreach (var author in model.AuthorIds)
        {
            if (Has(author, word))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Has(string? field, string word) => field is not null && field.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool Is(string? field, string text) => string.Equals(field, text, StringComparison.OrdinalIgnoreCase);

    private static bool Starts(string? field, string text) => field is not null && field.StartsWith(text, StringComparison.OrdinalIgnoreCase);

    // A whole word: the match is bounded by the ends of the name or by characters that are not letters or digits.
    private static bool HasWord(string name, string word)
    {
        for (var at = name.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = name.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(name[at - 1])) && (end == name.Length || !char.IsLetterOrDigit(name[end])))
            {
                return true;
            }
        }
        return false;
    }
}
