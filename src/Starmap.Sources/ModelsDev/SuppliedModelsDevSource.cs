namespace Starmap.Sources.ModelsDev;

/// <summary>
/// models.dev read from a document the caller supplied (a file import) instead of the network: the
/// sync then merges exactly what the file says, through the same mapping and reconcile path as a
/// download, so an import and a sync never drift apart.
/// </summary>
internal sealed class SuppliedModelsDevSource(string document, TimeProvider time) : IObservationSource
{
    /// <summary>Where a supplied document is said to come from in reports.</summary>
    public const string Location = "models.dev file";

    public string SourceId => SourceIds.ModelsDev;

    public Task<SourceOutcome> FetchAsync(Provider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ModelsDevSnapshot snapshot;
        try
        {
            snapshot = ModelsDevParser.Parse(document);
        }
        catch (FormatException ex)
        {
            throw new SourceException(provider.Id, Location, ex.Message, ex);
        }
        var observation = ModelsDevMapper.ToObservation(snapshot, provider, time.GetUtcNow(), Location);
        return Task.FromResult(observation is null
            ? SourceOutcome.Skipped($"the models.dev file lists no provider named {string.Join(", ", new[] { provider.Id }.Concat(provider.Aliases))}", Location)
            : SourceOutcome.Observed(observation));
    }
}
