using System.Text;
using Starmap.Catalog.Validation;

namespace Starmap.Sources.ModelsDev;

/// <summary>
/// A models.dev provider entry as a catalog <see cref="Provider"/>: what models.dev knows of it (name,
/// key variable names, API base URL, docs URL, SDK package) and nothing it does not (no list endpoint,
/// no policies), so a provider discovered from models.dev is synced from models.dev alone until someone
/// gives it more. A value the catalog cannot hold (a URL that is not one, a variable name with a dot)
/// is left out with a warning rather than refusing the whole provider.
/// </summary>
public static class ModelsDevProviderMapping
{
    /// <summary>
    /// The provider record for <paramref name="entry"/>. Throws <see cref="StarmapValidationException"/>
    /// (field <c>provider.id</c>, the raw ID) when its ID cannot become a provider ID at all.
    /// </summary>
    public static Provider ToProvider(ModelsDevProvider entry) => ToProvider(entry, null);

    /// <summary>As <see cref="ToProvider(ModelsDevProvider)"/>, adding a line to <paramref name="warnings"/> per value changed or left out.</summary>
    public static Provider ToProvider(ModelsDevProvider entry, ICollection<string>? warnings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = ProviderIdFor(entry.Id)
            ?? throw new StarmapValidationException("provider.id", entry.Id, "is a models.dev provider ID with no letter or digit, so it cannot become a provider ID");
        void Warn(string message) => warnings?.Add($"models.dev provider '{entry.Id}': {message}");
        if (id != entry.Id)
        {
            Warn($"named '{id}' here (provider IDs are {IdRulesText})");
        }

        var env = new List<string>();
        foreach (var name in entry.Env)
        {
            if (IsEnvVarName(name))
            {
                if (!env.Contains(name, StringComparer.Ordinal))
                {
                    env.Add(name);
                }
            }
            else
            {
                Warn($"key variable '{Shorten(name)}' is not an environment variable name, left out");
            }
        }

        return new Provider
        {
            Id = id,
            Name = NameOf(entry, id, Warn),
            DocsUrl = Url(entry.Doc, "docs URL", Warn),
            Auth = env.Count == 0 ? null : new ProviderAuth { ApiKeyEnvVars = env.ToEquatableArray() },
            Inference = Inference(Url(entry.Api, "API URL", Warn), Package(entry.Npm, Warn)),
        };
    }

    /// <summary>
    /// The provider ID a models.dev provider ID becomes: itself when it is one already, else lower-cased
    /// with every run of other characters turned into one hyphen (<c>wafer.ai</c> → <c>wafer-ai</c>),
    /// cut to 64 characters; null when nothing usable is left.
    /// </summary>
    public static string? ProviderIdFor(string? modelsDevId)
    {
        if (modelsDevId is null)
        {
            return null;
        }
        if (IdRules.IsEntityId(modelsDevId))
        {
            return modelsDevId;
        }
        var id = new StringBuilder(modelsDevId.Length);
        var gap = false;
        foreach (var c in modelsDevId.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (gap && id.Length > 0)
                {
                    id.Append('-');
                }
                id.Append(c);
                gap = false;
            }
            else
            {
                gap = true;
            }
        }
        var text = id.Length > IdRules.MaxEntityIdLength ? id.ToString(0, IdRules.MaxEntityIdLength).TrimEnd('-') : id.ToString();
        return text.Length == 0 ? null : text;
    }

    private const string IdRulesText = "lower-case kebab-case";

    private static ProviderInference? Inference(string? baseUrl, string? package) =>
        baseUrl is null && package is null ? null : new ProviderInference { BaseUrl = baseUrl, SdkPackage = package };

    // The catalog needs a name; models.dev sometimes has none, or one with a tab in it.
    private static string NameOf(ModelsDevProvider entry, string id, Action<string> warn)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            return id;
        }
        var name = CleanText(entry.Name);
        if (name.Length > FieldChecks.MaxNameLength)
        {
            name = name[..FieldChecks.MaxNameLength].TrimEnd();
        }
        if (name != entry.Name)
        {
            warn($"name '{Shorten(entry.Name)}' is stored as '{name}'");
        }
        return name.Length == 0 ? id : name;
    }

    private static string? Package(string? npm, Action<string> warn)
    {
        if (npm is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(npm) || npm.Length > FieldChecks.MaxNameLength || npm.Any(char.IsControl))
        {
            warn($"SDK package '{Shorten(npm)}' is not a package name, left out");
            return null;
        }
        return npm;
    }

    private static string? Url(string? value, string what, Action<string> warn)
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            FieldChecks.Url(value, what);
            return value;
        }
        catch (StarmapValidationException)
        {
            warn($"{what} '{Shorten(value)}' is not an absolute http or https URL, left out");
            return null;
        }
    }

    private static bool IsEnvVarName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    // Control characters become spaces and runs of white space one space: what a reader would see.
    private static string CleanText(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (ch != ' ' || (clean.Length > 0 && clean[^1] != ' '))
            {
                clean.Append(ch);
            }
        }
        return clean.ToString().Trim();
    }

    private static string Shorten(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text.Length > 80 ? text[..80] + "…" : text)
        {
            escaped.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }
        return escaped.ToString();
    }
}
