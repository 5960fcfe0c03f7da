using Microsoft.Extensions.Options;
using Starmap.Formats;

namespace Starmap.Sources.Local;

/// <summary>
/// The "local" source: a Starmap on-disk catalog folder (<see cref="SourceOptions.LocalCatalogPath"/>),
/// read on each sync so edits to the files count at once. A malformed file fails this source with
/// the file and line; the other sources still count.
/// </summary>
public sealed class LocalCatalogSource(IOptions<SourceOptions> options, TimeProvider time) : IObservationSource, IOptionalSource
{
    /// <inheritdoc/>
    public string SourceId => SourceIds.Local;

    /// <inheritdoc/>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.LocalCatalogPath);

    /// <inheritdoc/>
    public Task<SourceOutcome> FetchAsync(Provider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var path = options.Value.LocalCatalogPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return Task.FromResult(SourceOutcome.Skipped("no local catalog is configured (Starmap:Sources:LocalCatalogPath)"));
        }
        ImportedCatalog catalog;
        try
        {
            catalog = StarmapFiles.Import(path, options.Value.CatalogLimits);
        }
        catch (Exception ex) when (ex is StarmapException or IOException or UnauthorizedAccessException)
        {
            throw new SourceException(provider.Id, path, ex.Message, ex);
        }
        var observation = StarmapFiles.ToObservations(catalog, time.GetUtcNow()).FirstOrDefault(o => o.ProviderId == provider.Id);
        return Task.FromResult(observation is null
            ? SourceOutcome.Skipped($"{provider.Id} is not in the local catalog at {path}", path)
            : SourceOutcome.Observed(observation with { Location = path }));
    }
}
