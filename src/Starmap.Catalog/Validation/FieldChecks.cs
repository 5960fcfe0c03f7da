using System.Globalization;
using System.Text.RegularExpressions;

namespace Starmap.Catalog.Validation;

/// <summary>Field-level checks shared by the record validators; each throws naming the field path.</summary>
public static class FieldChecks
{
    /// <summary>Longest display name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Largest price accepted per unit (per 1M tokens or per operation).</summary>
    public const decimal MaxPrice = 1_000_000m;

    public static void Name(string? value, string field)
    {
        if (value is null)
        {
            throw IdRules.Invalid(field, null, "is required");
        }
        NonBlank(value, field);
        if (value.Length > MaxNameLength)
        {
            throw IdRules.Invalid(field, value, string.Create(CultureInfo.InvariantCulture, $"is longer than {MaxNameLength} characters"));
        }
        if (TextChecks.NameProblem(value) is { } problem)
        {
            throw IdRules.Invalid(field, value, problem);
        }
    }

    /// <summary>Free text that may span lines; null is unknown and allowed.</summary>
    public static void Description(string? value, string field)
    {
        if (value is not null && TextChecks.DescriptionProblem(value) is { } problem)
        {
            throw IdRules.Invalid(field, value, problem);
        }
    }

    public static void NonBlank(string? value, string field)
    {
        if (value is null)
        {
            throw IdRules.Invalid(field, null, "is required");
        }
        if (string.IsNullOrWhiteSpace(value))
        {
            throw IdRules.Invalid(field, value, "must not be empty");
        }
    }

    public static void Url(string? value, string field, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                throw IdRules.Invalid(field, null, "is required");
            }
            return;
        }
        // On Unix "/path" parses as an absolute file: URI, so the scheme and host are checked too.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0
            || value.Any(char.IsWhiteSpace))
        {
            throw IdRules.Invalid(field, value, "must be an absolute http or https URL");
        }
    }

    public static void EnvVarName(string? value, string field)
    {
        NonBlank(value, field);
        var valid = (char.IsAsciiLetter(value![0]) || value[0] == '_')
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!valid)
        {
            throw IdRules.Invalid(field, value, "must be an environment variable name like 'OPENAI_API_KEY'");
        }
    }

    public static void Regex(string? value, string field)
    {
        if (value is null)
        {
            return;
        }
        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw IdRules.Invalid(field, value, "is not a valid regular expression: " + ex.Message);
        }
    }

    public static void Price(decimal? value, string field)
    {
        if (value is not { } price)
        {
            return;
        }
        if (price < 0)
        {
            throw IdRules.Invalid(field, Text(price), "must not be negative");
        }
        if (price > MaxPrice)
        {
            throw IdRules.Invalid(field, Text(price), "must not exceed 1,000,000");
        }
    }

    /// <summary>The most tokens a limit may state: no model holds near this many (the largest known hold ~10^7); a larger figure is a typo or a placeholder.</summary>
    public const long MaxTokens = 1_000_000_000;

    /// <summary>A token limit: greater than 0 and at most <see cref="MaxTokens"/>.</summary>
    public static void TokenCount(long? value, string field)
    {
        Positive(value, field);
        if (value > MaxTokens)
        {
            throw IdRules.Invalid(field, Text(value.Value), $"must be at most {Text(MaxTokens)} tokens (no model holds more; a larger figure is a typo or a placeholder)");
        }
    }

    public static void Positive(long? value, string field)
    {
        if (value is <= 0)
        {
            throw IdRules.Invalid(field, Text(value.Value), "must be greater than 0");
        }
    }

    public static void NotNegative(long? value, string field)
    {
        if (value is < 0)
        {
            throw IdRules.Invalid(field, Text(value.Value), "must not be negative");
        }
    }

    public static void Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw IdRules.Invalid(field, value.ToString(), $"is not a known {typeof(TEnum).Name}");
        }
    }

    /// <summary>Each ID valid, none repeated and none equal to the owner's own ID.</summary>
    public static void Aliases(EquatableArray<string> aliases, string ownId, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < aliases.Count; i++)
        {
            var path = Index(field, i);
            if (IdRules.EntityIdProblem(aliases[i]) is { } problem)
            {
                throw IdRules.Invalid(path, aliases[i], problem);
            }
            if (string.Equals(aliases[i], ownId, StringComparison.Ordinal))
            {
                throw IdRules.Invalid(path, aliases[i], "must differ from the ID it is an alias of");
            }
            if (!seen.Add(aliases[i]))
            {
                throw IdRules.Invalid(path, aliases[i], "appears twice");
            }
        }
    }

    public static string Index(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
