using System.Runtime.CompilerServices;

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

    // One import hands the same document to every provider's sync: it is parsed once (3 MB took ~30 ms a
    // provider, 175 times), and kept only while the import holds the document.
    private static readonly ConditionalWeakTable<string, Lazy<ModelsDevSnapshot>> Parsed = [];

    public string SourceId => SourceIds.ModelsDev;

    /// <summary>Whether this very document has been parsed and is kept (for tests).</summary>
    internal static bool IsParsed(string document) => Parsed.TryGetValue(document, out var parsed) && parsed.IsValueCreated;

    public Task<SourceOutcome> FetchAsync(Provider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ModelsDevSnapshot snapshot;
        try
        {
            snapshot = Parsed.GetValue(document, d => new Lazy<ModelsDevSnapshot>(() => ModelsDevParser.Parse(d))).Value;
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
