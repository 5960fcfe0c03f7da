namespace Starmap.Grains.Tests;

/// <summary>Waits for a condition with a deadline, checking as often as the awaited call allows.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        T last;
        while (!condition(last = await read()))
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"condition not met within {deadline}; last value: {last}");
            }
            // Yield between polls; each poll is a grain call, so this does not spin the CPU.
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
        return last;
    }
}
