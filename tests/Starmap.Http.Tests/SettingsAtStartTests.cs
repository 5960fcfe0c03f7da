namespace Starmap.Http.Tests;

/// <summary>
/// Settings are options validated when the silo starts (ValidateOnStart): a value that cannot work stops a
/// real silo process with exit code 1 and one line naming the key, not a stack trace.
/// </summary>
public sealed class SettingsAtStartTests
{
    [Theory]
    // Read before the host is built (the rate limiter and body limits are set up from it), by the same validator.
    [InlineData("Starmap__Http__MaxImportBytes", "0", "starmap: Starmap:Http:MaxImportBytes must be positive, not 0")]
    [InlineData("Starmap__Http__ResponseCacheBytes", "-1", "starmap: Starmap:Http:ResponseCacheBytes must be 0 (no cache) or more, not -1")]
    // Checked only when the host starts.
    [InlineData("Starmap__Sources__RequestTimeout", "00:00:00", "starmap: Starmap:Sources:RequestTimeout must be from 00:00:00.010 to 1.00:00:00, not 00:00:00")]
    [InlineData("Starmap__Sync__MaxShrinkFraction", "1.5", "starmap: Starmap:Sync:MaxShrinkFraction must be from 0 to 1, not 1.5")]
    [InlineData("Starmap__Sources__MaxRetries", "-2", "starmap: Starmap:Sources:MaxRetries must be 0 or more, not -2")]
    // Not of the setting's type at all: the binder refuses it.
    [InlineData("Starmap__Sync__Rehearse", "maybe", "starmap: Failed to convert configuration value 'maybe' at 'Starmap:Sync:Rehearse' to type 'System.Boolean'.")]
    [InlineData("Starmap__Sync__DiscoverInterval", "daily", "starmap: Failed to convert configuration value 'daily' at 'Starmap:Sync:DiscoverInterval' to type 'System.TimeSpan'.")]
    public async Task A_setting_that_cannot_work_stops_the_silo_at_start_naming_the_key(string variable, string value, string expected)
    {
        var data = TestFolders.New("http-settings");
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey, (variable, value))));
            Assert.Contains("silo exited with code 1", failure.Message, StringComparison.Ordinal);
            Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
