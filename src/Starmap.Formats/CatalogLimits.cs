using System.Globalization;

namespace Starmap.Formats;

/// <summary>
/// Bounds on a Starmap catalog folder read by <see cref="StarmapFiles.Import(string, CatalogLimits?)"/>: a folder
/// past any of them is refused with the file and the cap named, and nothing is imported. The defaults are
/// far above Starmap's own catalog (about 1,200 files, the largest 370 KB, a few thousand records).
/// </summary>
public sealed record CatalogLimits
{
    /// <summary>The defaults.</summary>
    public static CatalogLimits Default { get; } = new();

    /// <summary>Largest single YAML file, in bytes (checked before it is read).</summary>
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Most YAML files read from one catalog folder.</summary>
    public int MaxFiles { get; set; } = 20_000;

    /// <summary>Most records (providers, authors, offerings and definitions together) in one catalog.</summary>
    public int MaxItems { get; set; } = 100_000;

    /// <summary>Largest JSON catalog file (an <c>Export-StarmapCatalog -Format Json</c> holds the whole catalog in one file).</summary>
    public long MaxJsonFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Throws a message naming the limit that cannot work.</summary>
    public void Validate()
    {
        if (MaxFileBytes <= 0 || MaxFiles <= 0 || MaxItems <= 0 || MaxJsonFileBytes <= 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"CatalogLimits: MaxFileBytes ({MaxFileBytes}), MaxFiles ({MaxFiles}), MaxItems ({MaxItems}) and MaxJsonFileBytes ({MaxJsonFileBytes}) must be positive"));
        }
    }
}
