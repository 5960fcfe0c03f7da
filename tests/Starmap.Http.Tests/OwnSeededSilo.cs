namespace Starmap.Http.Tests;

/// <summary>
/// A silo process of a test class's own on a copy of the seeded store, with the shared silo's environment:
/// for tests that write (their writes would move the shared silo's generation under its ETag tests) or that
/// need a store nothing else writes to.
/// </summary>
public abstract class OwnSeededSilo(string name) : IAsyncLifetime
{
    // A copy of the seeded store (SeededStore), made in InitializeAsync.
    private string _data = "";

    public SiloProcess Silo { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _data = await SeededStore.NewFolderAsync(name);
        Silo = await SiloProcess.StartAsync(_data, HttpSilo.Environment(HttpSilo.ApiKey));
    }

    /// <summary>A client of the silo's HTTP API, sending <paramref name="apiKey"/> when given.</summary>
    public HttpClient Client(string? apiKey = null) => HttpSilo.ClientOf(Silo, apiKey);

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        TestFolders.Delete(_data);
        GC.SuppressFinalize(this);
    }
}
