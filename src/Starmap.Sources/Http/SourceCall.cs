using Starmap.Sources.Keys;

namespace Starmap.Sources.Http;

/// <summary>Who a request is for and what it carries: the provider (for messages), a key, static headers.</summary>
internal sealed record SourceCall(string ProviderId, ApiKey? Key, EquatableArray<HeaderValue> StaticHeaders, long MaxBytes)
{
    public string? Secret => Key?.Value;

    public SourceException Fail(Uri location, string reason, Exception? inner = null) =>
        new(ProviderId, Http.SourceHttp.Display(location), Secrets.Scrub(reason, Secret), SafeInner(inner));

    // An inner exception is attached only when nothing in it can carry the key.
    private Exception? SafeInner(Exception? inner) =>
        inner is null || Secret is null || !inner.ToString().Contains(Secret, StringComparison.Ordinal) ? inner : null;
}
