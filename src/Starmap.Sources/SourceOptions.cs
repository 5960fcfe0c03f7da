namespace Starmap.Sources;

/// <summary>Limits and endpoints of the sources. Defaults suit a scheduled sync of a few providers.</summary>
public sealed class SourceOptions
{
    /// <summary>Where a Starmap silo binds these from; the validator's messages name keys under it.</summary>
    public const string Section = "Starmap:Sources";

    /// <summary>Longest wait for one HTTP request, headers and body together.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time one <see cref="SourceFetcher.FetchAsync"/> may take over all sources, retries included.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries after the first attempt, for 408, 429, 5xx, timeouts and broken connections.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubled per retry unless the server sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single retry delay, including a server's Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest provider API response (each page), in bytes.</summary>
    public long MaxProviderResponseBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest models.dev response, in bytes (the 2026 snapshot is 3.3 MB).</summary>
    public long MaxModelsDevResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Models asked for per page where the API pages (Anthropic <c>limit</c>, Google <c>pageSize</c>).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Stop following pages after this many; a list that never ends is an error, not a complete list.</summary>
    public int MaxPages { get; set; } = 100;

    /// <summary>Where models.dev's <c>api.json</c> is read from.</summary>
    public Uri ModelsDevUrl { get; set; } = new("https://models.dev/api.json");

    /// <summary>How long a fetched models.dev snapshot is reused across providers.</summary>
    public TimeSpan ModelsDevCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// After a failed models.dev download, how long syncs use the last snapshot (or report the failure)
    /// without asking again: an offline sync of every provider then asks once, not once per provider.
    /// </summary>
    public TimeSpan ModelsDevRetryAfterFailure { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Oldest cached models.dev snapshot a sync may fall back on when a refresh fails; an older one is
    /// refused (models.dev then fails for that sync) rather than feeding week-old prices in silently.
    /// </summary>
    public TimeSpan MaxModelsDevSnapshotAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Caps on the local catalog folder (file size, files, records); past one, the local source fails naming the file.</summary>
    public Formats.CatalogLimits CatalogLimits { get; set; } = new();

    /// <summary>A Starmap on-disk catalog folder read as the "local" source; null leaves that source out.</summary>
    public string? LocalCatalogPath { get; set; }

    /// <summary>Reads an environment variable; keys are looked up at call time through it (tests substitute it).</summary>
    public Func<string, string?> ReadEnvironment { get; set; } = Environment.GetEnvironmentVariable;
}
