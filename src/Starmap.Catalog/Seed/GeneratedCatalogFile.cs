using System.IO.Compression;
using System.Text.Json;
using Starmap.Catalog.Json;

namespace Starmap.Catalog.Seed;

/// <summary>
/// The JSON shape of the generated built-in catalog (<c>Seed/catalog.json.gz</c>): whole provider and author
/// states as the seed generator (build/Starmap.SeedTool) made them from a models.dev snapshot and the curated catalog.
/// </summary>
public sealed record GeneratedCatalogFile
{
    /// <summary>Version of the built-in catalog: the curated version and the snapshot date.</summary>
    public required string Version { get; init; }

    /// <summary>Date of the models.dev snapshot (its newest <c>last_updated</c>, or as given).</summary>
    public required DateOnly Recorded { get; init; }

    /// <summary>Where the facts come from, and their licences.</summary>
    public string? Sources { get; init; }

    /// <summary>Providers with their offerings, sorted by ID.</summary>
    public required EquatableArray<ProviderDetails> Providers { get; init; }

    /// <summary>Authors with their definitions, sorted by ID.</summary>
    public required EquatableArray<AuthorDetails> Authors { get; init; }

    /// <summary>Writes this catalog as gzip-compressed JSON, the form the assembly embeds.</summary>
    public void Write(Stream destination)
    {
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        JsonSerializer.Serialize(gzip, this, StarmapJson.Options);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static GeneratedCatalogFile Read(Stream source)
    {
        // Decompressed whole first: read from a stream, the serializer would buffer and rescan the one large
        // array (a custom converter needs its value whole), which takes seconds instead of milliseconds.
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        return JsonSerializer.Deserialize<GeneratedCatalogFile>(json.GetBuffer().AsSpan(0, (int)json.Length), StarmapJson.Options)
            ?? throw new JsonException("the generated catalog is null");
    }
}
