namespace Starmap.Cluster.Tests;

/// <summary>
/// Measured failover figures: written to the test output and appended to <c>STARMAP_FIGURES</c> (the test
/// script points it at artifacts/test-results/cluster-figures.txt and prints it at the end).
/// </summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var file = Environment.GetEnvironmentVariable("STARMAP_FIGURES");
        if (!string.IsNullOrEmpty(file))
        {
            lock (Gate)
            {
                File.AppendAllText(file, line + Environment.NewLine);
            }
        }
    }
}
