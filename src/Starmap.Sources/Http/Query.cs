namespace Starmap.Sources.Http;

/// <summary>Adds or replaces one query parameter, keeping the rest of the URL as it is.</summary>
internal static class Query
{
    public static Uri With(Uri url, string name, string value)
    {
        var builder = new UriBuilder(url);
        var prefix = Uri.EscapeDataString(name) + "=";
        var kept = builder.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.StartsWith(prefix, StringComparison.Ordinal) && part != Uri.EscapeDataString(name));
        builder.Query = string.Join('&', kept.Append(prefix + Uri.EscapeDataString(value)));
        return builder.Uri;
    }
}
