using Starmap.Catalog.Json;

namespace Starmap.Formats;

/// <summary>Reads a JSON catalog export within <see cref="CatalogLimits"/>: its size before reading, its records after.</summary>
public static class CatalogJsonFile
{
    /// <summary>The catalog in <paramref name="path"/>; a file past a cap throws <see cref="CatalogFileException"/> naming it.</summary>
    public static CatalogContent Read(string path, CatalogLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        limits ??= CatalogLimits.Default;
        limits.Validate();
        var file = new FileInfo(path);
        if (file.Length > limits.MaxJsonFileBytes)
        {
            throw new CatalogFileException(path, null, null,
                $"the file is {file.Length} bytes, over the {limits.MaxJsonFileBytes}-byte cap for a JSON catalog (CatalogLimits.MaxJsonFileBytes); nothing was imported");
        }
        var content = StarmapJson.Deserialize<CatalogContent>(File.ReadAllText(path));
        var records = content.Providers.Count + content.Authors.Count
            + content.Providers.Sum(p => p.Offerings.Count) + content.Authors.Sum(a => a.Definitions.Count);
        if (records > limits.MaxItems)
        {
            throw new CatalogFileException(path, null, null,
                $"the catalog holds {records} records (providers, authors, offerings and definitions), over the cap of {limits.MaxItems} (CatalogLimits.MaxItems); nothing was imported");
        }
        return content;
    }
}
