using Starmap.Formats;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>A file catalog as the "local" sync source.</summary>
public sealed class LocalObservationTests
{
    private static readonly ImportedCatalog Small = StarmapFiles.Import(FormatFixtures.SmallCatalog);
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_provider_becomes_one_complete_local_observation_with_its_definitions()
    {
        var observations = StarmapFiles.ToObservations(Small, At);

        Assert.Equal(["cloudhost", "fastinfer"], observations.Select(o => o.ProviderId));
        Assert.All(observations, o => Assert.Equal((SourceIds.Local, At, true), (o.Source, o.ObservedAt, o.IsCompleteList)));
        var fastinfer = observations[1];
        Assert.Equal(Small.Providers[1].Offerings, fastinfer.Models.Select(m => m.Offering));
        Assert.Equal(["acme-1", "meta-llama/llama-4-scout"], fastinfer.Models.Select(m => m.ModelId));
        Assert.Equal("meta/llama-4-scout", fastinfer.Models[1].Definition!.Id);
        Assert.Equal(Path.Combine(Small.Root!, "providers", "fastinfer"), fastinfer.Location);
        Assert.Empty(fastinfer.Warnings);
    }

    [Fact]
    public void A_provider_without_model_files_removes_nothing_and_a_missing_definition_is_flagged()
    {
        var catalog = Small with
        {
            Providers = [.. Small.Providers, new ProviderDetails { Provider = new Provider { Id = "listed-only", Name = "Listed only" } }],
            Authors = [.. Small.Authors.Where(a => a.Author.Id != "acme-ai")],
        };
        var observations = StarmapFiles.ToObservations(catalog, At);

        var listed = Assert.Single(observations, o => o.ProviderId == "listed-only");
        Assert.False(listed.IsCompleteList);
        Assert.Empty(listed.Models);

        var fastinfer = Assert.Single(observations, o => o.ProviderId == "fastinfer");
        Assert.Null(fastinfer.Models[0].Definition);
        Assert.Equal(["offering 'acme-1' links definition 'acme-ai/acme-1', which the catalog does not hold"], fastinfer.Warnings);
    }
}
