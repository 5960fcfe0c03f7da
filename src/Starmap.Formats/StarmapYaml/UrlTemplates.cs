using System.Text.RegularExpressions;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Starmap URLs may hold <c>{variable}</c> placeholders bound to credential fields (<c>{base_url}</c>,
/// <c>{location}</c>). The records hold absolute URLs, so a placeholder whose field has a default is
/// filled with it; other placeholders stay as written (<c>{project}</c> in a path) when the URL is still
/// an absolute http(s) URL. A URL that is not (<c>{endpoint}/openai/models</c>) cannot be imported.
/// </summary>
internal sealed partial class UrlTemplates
{
    private readonly Dictionary<string, string> _defaults;

    private UrlTemplates(Dictionary<string, string> defaults) => _defaults = defaults;

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Variable → default value, from every profile's endpoint bindings.</summary>
    public static UrlTemplates From(CredentialsYaml? credentials)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = credentials?.Fields ?? [];
        foreach (var binding in (credentials?.Profiles ?? []).SelectMany(p => p.EndpointBindings ?? []))
        {
            if (binding is { Variable: { } variable, Field: { } field }
                && fields.FirstOrDefault(f => f.Id == field)?.Default is { } value)
            {
                defaults.TryAdd(variable, value.TrimEnd('/'));
            }
        }
        return new UrlTemplates(defaults);
    }

    /// <summary>The URL with defaults filled in, or null when it is not an absolute http(s) URL after that.</summary>
    public string? Resolve(string url)
    {
        var resolved = Placeholder().Replace(url, m => _defaults.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        return IsHttpUrl(resolved) ? resolved : null;
    }

    /// <summary>Joins a base URL and a path (or takes an absolute path as it is); null when either part is unusable.</summary>
    public string? Join(string? baseUrl, string path)
    {
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Resolve(path);
        }
        if (baseUrl is null)
        {
            return null;
        }
        return Resolve(baseUrl.EndsWith('/') && path.StartsWith('/') ? baseUrl + path[1..] : baseUrl + path);
    }

    /// <summary>The path to write for <paramref name="url"/> under <paramref name="baseUrl"/>: relative when it lies below it.</summary>
    public static string Relative(string? baseUrl, string url) =>
        baseUrl is not null && !baseUrl.EndsWith('/') && url.Length > baseUrl.Length
            && url.StartsWith(baseUrl, StringComparison.Ordinal) && url[baseUrl.Length] == '/'
            ? url[baseUrl.Length..]
            : url;

    // The same rule the validator applies to URLs.
    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
        && !value.Any(char.IsWhiteSpace);
}
