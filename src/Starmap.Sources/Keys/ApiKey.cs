using Starmap.Sources.Http;

namespace Starmap.Sources.Keys;

/// <summary>
/// A resolved API key and where it goes. Internal and never printed: <see cref="ToString"/> is masked
/// so an accidental interpolation cannot leak it.
/// </summary>
internal sealed class ApiKey(string value, string? header, AuthScheme scheme, string? queryParameter)
{
    public string Value { get; } = value;

    /// <summary>Header name when the key travels in a header.</summary>
    public string? Header { get; } = queryParameter is null ? header ?? "Authorization" : null;

    public AuthScheme Scheme { get; } = scheme;

    /// <summary>Query parameter name when the key travels in the URL.</summary>
    public string? QueryParameter { get; } = queryParameter;

    public string HeaderValue => Scheme switch
    {
        AuthScheme.Bearer => "Bearer " + Value,
        AuthScheme.Basic => "Basic " + Value,
        _ => Value,
    };

    public override string ToString() => Secrets.Mask;
}
