[assembly: AssemblyFixture(typeof(Starmap.EndToEnd.Tests.SharedSilo))]

namespace Starmap.EndToEnd.Tests;

/// <summary>One seeded silo process shared by the read-only end-to-end tests.</summary>
public sealed class SharedSilo : IAsyncLifetime
{
    private readonly string _data = TestFolders.New("shared");

    public SiloProcess Silo { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Silo = await SiloProcess.StartAsync(_data);

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        TestFolders.Delete(_data);
    }
}
