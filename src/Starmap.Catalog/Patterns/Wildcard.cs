namespace Starmap.Catalog;

/// <summary>
/// Query wildcards as PowerShell users know them: <c>*</c> any run of characters (including
/// <c>/</c>), <c>?</c> one character, case-insensitive, whole-string match. A pattern without
/// wildcards is an exact (case-insensitive) match.
/// </summary>
public static class Wildcard
{
    /// <summary>True when the pattern holds <c>*</c> or <c>?</c>.</summary>
    public static bool HasWildcards(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>True when <paramref name="value"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string value) => throw new NotImplementedException();
}
