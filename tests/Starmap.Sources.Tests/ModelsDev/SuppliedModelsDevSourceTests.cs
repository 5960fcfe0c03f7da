using Starmap.Sources.ModelsDev;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests.ModelsDev;

/// <summary>A models.dev file import: every provider's sync reads the one supplied document.</summary>
public sealed class SuppliedModelsDevSourceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_provider_of_an_import_reads_the_one_parse_of_its_document()
    {
        await using var server = await ReplayServer.StartAsync(Ct);
        var document = await File.ReadAllTextAsync(Fixture("models.dev", "api.json"), Ct);
        var other = new string(document.AsSpan()); // the same text in another import
        Assert.False(SuppliedModelsDevSource.IsParsed(document));

        // The fetcher makes a source per provider; each is handed the same document.
        var openai = await new SuppliedModelsDevSource(document, TimeProvider.System).FetchAsync(OpenAI(server), Ct);
        Assert.True(SuppliedModelsDevSource.IsParsed(document));
        Assert.False(SuppliedModelsDevSource.IsParsed(other));
        var google = await new SuppliedModelsDevSource(document, TimeProvider.System).FetchAsync(Google(server), Ct);

        Assert.Equal(3, openai.Observation!.Models.Count);
        Assert.Single(google.Observation!.Models);
        Assert.All([openai, google], o => Assert.Equal(SuppliedModelsDevSource.Location, o.Location));
    }

    [Fact]
    public async Task A_malformed_document_fails_each_provider_naming_the_file_and_what_is_wrong()
    {
        await using var server = await ReplayServer.StartAsync(Ct);
        const string document = "{\"openai\": [";

        foreach (var provider in new[] { OpenAI(server), Google(server) })
        {
            var error = await Assert.ThrowsAsync<SourceException>(() => new SuppliedModelsDevSource(document, TimeProvider.System).FetchAsync(provider, Ct));
            Assert.Equal(SuppliedModelsDevSource.Location, error.Location);
            Assert.Equal(provider.Id, error.ProviderId);
        }
    }
}
