using Microsoft.Extensions.Logging.Abstractions;
using Starmap.Silo;

namespace Starmap.Grains.Tests.Silo;

/// <summary>A silo's start asks a grain on a busy silo again after a timeout, and gives up on anything else.</summary>
public sealed class StartupCallsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_that_timed_out_twice_is_asked_again_and_its_answer_returned()
    {
        var calls = 0;
        var answer = await StartupCalls.AskAsync("status", () => ++calls < 3 ? throw new TimeoutException("busy") : Task.FromResult(42),
            NullLogger.Instance, new SteppingTime(TimeSpan.FromSeconds(3)), TimeSpan.FromMinutes(2), Cancel);
        Assert.Equal(42, answer);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Timeouts_past_the_patience_fail_the_start_with_the_last_timeout()
    {
        var calls = 0;
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => StartupCalls.AskAsync("schedule", () => { calls++; throw new TimeoutException($"busy {calls}"); },
            NullLogger.Instance, new SteppingTime(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(10), Cancel));
        // Each call takes 3 s of the clock: asked at 3, 6 and 9 s, the fourth (at 12 s) is past 10 s and is thrown.
        Assert.Equal(4, calls);
        Assert.Equal("busy 4", failure.Message);
    }

    [Fact]
    public async Task Any_other_error_fails_the_start_at_once()
    {
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => StartupCalls.AskAsync("schedule", () => { calls++; throw new InvalidOperationException("bad"); },
            NullLogger.Instance, new SteppingTime(TimeSpan.FromSeconds(3)), TimeSpan.FromMinutes(2), Cancel));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_start_that_is_cancelled_stops_asking()
    {
        using var stop = new CancellationTokenSource();
        var calls = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StartupCalls.AskAsync("schedule", () => { calls++; stop.Cancel(); throw new TimeoutException("busy"); },
            NullLogger.Instance, new SteppingTime(TimeSpan.FromSeconds(3)), TimeSpan.FromMinutes(2), stop.Token));
        Assert.Equal(1, calls);
    }

    /// <summary>A clock that moves by one step each time it is read, as if each call took that long.</summary>
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow()
        {
            var now = _now;
            _now += step;
            return now;
        }
    }
}
