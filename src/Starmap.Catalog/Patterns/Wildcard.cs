namespace Starmap.Catalog.Patterns;

/// <summary>
/// Query wildcards as PowerShell users know them: <c>*</c> any run of characters (including
/// <c>/</c>), <c>?</c> one character, case-insensitive, whole-string match. A pattern without
/// wildcards is an exact (case-insensitive) match. There is no escape and no <c>[a-z]</c> class:
/// model IDs never hold <c>*</c> or <c>?</c>, and <c>[</c> is taken literally.
/// </summary>
public static class Wildcard
{
    /// <summary>True when the pattern holds <c>*</c> or <c>?</c>.</summary>
    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>True when <paramref name="value"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);

        // Greedy two-pointer glob: on a mismatch, retry from the last '*' one character further.
        // Only the last star is ever revisited, so the cost is O(pattern × value), never exponential.
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || SameLetter(pattern[p], value[v])))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    /// <summary>Ordinal case-insensitive equality of two characters.</summary>
    internal static bool SameLetter(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
