namespace Starmap.Http.Tests;

/// <summary>
/// <c>/ready</c> runs the readiness health checks, the store's among them, on a silo of its own; <c>/health</c>
/// (liveness) runs none, so it stays 200 while the store is gone.
/// </summary>
public sealed class ReadinessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_answers_503_naming_the_store_while_its_database_is_gone_and_200_once_it_is_back()
    {
        var data = await SeededStore.NewFolderAsync("http-readiness");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(HttpSilo.ApiKey));
            using var client = new HttpClient { BaseAddress = silo.Http };
            var ready = await client.JsonAsync("/ready");
            Assert.Equal("ready", (string?)ready["status"]);
            var generation = (long)ready["generation"]!;

            var database = Path.Combine(data, "starmap.db");
            var away = database + ".away";
            File.Move(database, away);
            try
            {
                var error = Responses.Error(await client.JsonAsync("/ready", HttpStatusCode.ServiceUnavailable), "not_ready");
                Assert.StartsWith("the store does not answer: the database '" + database + "' cannot be read", (string?)error["message"], StringComparison.Ordinal);
                Assert.Equal("live", (string?)(await client.JsonAsync("/health"))["status"]);
            }
            finally
            {
                File.Move(away, database);
            }

            var back = await client.JsonAsync("/ready");
            Assert.Equal("ready", (string?)back["status"]);
            Assert.Equal(generation, (long)back["generation"]!);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }
}
