namespace Starmap.Sources.Http;

/// <summary>
/// What one <see cref="SourceHttp.GetAsync"/> call tells the resilience pipeline and the attempt handler
/// (through the request's options): who it is for, how big an answer may be, and what the attempts did.
/// </summary>
internal sealed class SourceAttempt(SourceCall call, Uri url)
{
    public static readonly HttpRequestOptionsKey<SourceAttempt> Key = new("Starmap.Sources.Attempt");

    public SourceCall Call { get; } = call;

    /// <summary>The URL as messages show it, never with a query key.</summary>
    public string Display { get; } = SourceHttp.Display(url);

    /// <summary>Attempts started so far (the first plus retries).</summary>
    public int Attempts { get; private set; }

    /// <summary>True once the last attempt had its headers and was reading the body.</summary>
    public bool ReadingBody { get; set; }

    public void Start()
    {
        Attempts++;
        ReadingBody = false;
    }
}
