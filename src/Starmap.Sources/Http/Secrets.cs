namespace Starmap.Sources.Http;

/// <summary>Removes a secret from text that leaves the source (messages, warnings, reports).</summary>
internal static class Secrets
{
    public const string Mask = "***";

    public static string Scrub(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);

    public static string? ScrubOrNull(string? text, string? secret) => text is null ? null : Scrub(text, secret);
}
