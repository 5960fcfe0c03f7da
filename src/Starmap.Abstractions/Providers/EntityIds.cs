namespace Starmap;

/// <summary>
/// The rule for provider and author IDs: lower-case kebab-case (<c>google-ai-studio</c>), at most
/// <see cref="MaxLength"/> characters. Here, in the contracts, so a client checks an ID before it becomes a
/// grain key (a malformed one then never activates a grain, nor fills the silo's log with its failure) by the
/// same rule the catalog's validation applies.
/// </summary>
public static class EntityIds
{
    /// <summary>Longest provider or author ID.</summary>
    public const int MaxLength = 64;

    /// <summary>What an ID that is not kebab-case is told.</summary>
    public const string KebabCaseReason = "must be lower-case kebab-case like 'google-ai-studio'";

    /// <summary>Why <paramref name="value"/> is not a provider or author ID, or null when it is one.</summary>
    public static string? Problem(string? value) => value switch
    {
        null => "is required",
        "" => "must not be empty",
        { Length: > MaxLength } => $"is longer than {MaxLength} characters",
        _ when !IsKebabCase(value) => KebabCaseReason,
        _ => null,
    };

    private static bool IsKebabCase(string value)
    {
        // ^[a-z0-9]+(-[a-z0-9]+)*$ without a regex: no leading, trailing or doubled hyphen.
        var previousHyphen = true;
        foreach (var c in value)
        {
            if (c == '-')
            {
                if (previousHyphen)
                {
                    return false;
                }
                previousHyphen = true;
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                previousHyphen = false;
            }
            else
            {
                return false;
            }
        }
        return !previousHyphen;
    }
}
