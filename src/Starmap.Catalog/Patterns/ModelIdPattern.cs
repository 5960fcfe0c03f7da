using Starmap.Catalog.Snapshot;
using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Patterns;

/// <summary>
/// Attribution glob over provider model IDs, case-insensitive. <c>*</c> matches any run of characters
/// except <c>/</c>; <c>**</c> matches any run including <c>/</c>; <c>?</c> one character except
/// <c>/</c>. A pattern without <c>/</c> is tried against the whole ID and against its last
/// <c>/</c>-segment, so <c>llama-*</c> matches <c>meta-llama/llama-4-scout</c> (as a .gitignore
/// pattern without a slash matches at any depth).
/// </summary>
public sealed class ModelIdPattern
{
    private enum Kind : byte { Literal, One, Star, DoubleStar }

    private readonly record struct Token(Kind Kind, char Literal);

    private Token[] _tokens = [];
    private bool _anyDepth;

    private ModelIdPattern() { }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; private init; } = "";

    /// <summary>Parses a pattern; throws <see cref="StarmapValidationException"/> when empty or malformed.</summary>
    public static ModelIdPattern Parse(string pattern, string field = "pattern") =>
        Problem(pattern) is { } problem ? throw IdRules.Invalid(field, pattern, problem) : Compile(pattern);

    /// <summary>Parses a pattern; false when it is empty or malformed.</summary>
    public static bool TryParse(string? pattern, out ModelIdPattern? result)
    {
        result = Problem(pattern) is null ? Compile(pattern!) : null;
        return result is not null;
    }

    /// <summary>True when <paramref name="modelId"/> matches.</summary>
    public bool IsMatch(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        if (Matches(modelId))
        {
            return true;
        }
        var slash = modelId.LastIndexOf('/');
        return _anyDepth && slash >= 0 && Matches(modelId.AsSpan(slash + 1));
    }

    /// <inheritdoc/>
    public override string ToString() => Pattern;

    private static string? Problem(string? pattern)
    {
        if (pattern is null)
        {
            return "is required";
        }
        if (pattern.Length == 0)
        {
            return "must not be empty";
        }
        if (pattern.Length > IdRules.MaxModelIdLength)
        {
            return $"is longer than {IdRules.MaxModelIdLength} characters";
        }
        if (pattern.Any(char.IsControl))
        {
            return "contains a control character";
        }
        if (pattern.Contains("***", StringComparison.Ordinal))
        {
            return "contains '***'; use '*' within a segment or '**' across segments";
        }
        return null;
    }

    private static ModelIdPattern Compile(string pattern)
    {
        var tokens = new List<Token>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                tokens.Add(new Token(Kind.DoubleStar, c));
                i++;
            }
            else
            {
                tokens.Add(new Token(c switch { '*' => Kind.Star, '?' => Kind.One, _ => Kind.Literal }, c));
            }
        }
        return new ModelIdPattern
        {
            Pattern = pattern,
            _tokens = [.. tokens],
            _anyDepth = !pattern.Contains('/', StringComparison.Ordinal),
        };
    }

    // Simulates the pattern as an NFA whose states are token positions: O(tokens × length) with
    // no backtracking, which a greedy two-pointer matcher cannot do once '*' and '**' mix.
    private bool Matches(ReadOnlySpan<char> value)
    {
        var n = _tokens.Length;
        Span<bool> current = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        Span<bool> next = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        current[0] = true;
        Close(current);
        foreach (var c in value)
        {
            next.Clear();
            var any = false;
            for (var s = 0; s < n; s++)
            {
                if (!current[s])
                {
                    continue;
                }
                var token = _tokens[s];
                switch (token.Kind)
                {
                    case Kind.Literal when Wildcard.SameLetter(token.Literal, c):
                    case Kind.One when c != '/':
                        next[s + 1] = any = true;
                        break;
                    case Kind.Star when c != '/':
                    case Kind.DoubleStar:
                        next[s] = any = true;
                        break;
                }
            }
            if (!any)
            {
                return false;
            }
            Close(next);
            var swap = current;
            current = next;
            next = swap;
        }
        return current[n];
    }

    // Stars may match nothing, so a live star state also makes the state after it live.
    private void Close(Span<bool> states)
    {
        for (var s = 0; s < _tokens.Length; s++)
        {
            if (states[s] && _tokens[s].Kind is Kind.Star or Kind.DoubleStar)
            {
                states[s + 1] = true;
            }
        }
    }
}
