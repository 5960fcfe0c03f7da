namespace Starmap.Cluster.Tests;

/// <summary>Waiting for a condition with a deadline, never a fixed sleep.</summary>
public static class Eventually
{
    /// <summary>
    /// Calls <paramref name="read"/> until <paramref name="done"/> holds; calls that throw count as "not yet"
    /// (a cluster that is failing over answers with errors for a while). Fails with the last value or error.
    /// </summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline, string what)
    {
        var clock = Stopwatch.StartNew();
        var last = "(no answer yet)";
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }
                last = $"last value: {value}";
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                last = $"last error: {ex.GetType().Name}: {ex.Message}";
            }
            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"not {what} within {deadline}; {last}");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
