using System.Text.Json;
using Starmap.Sources.ModelsDev;

namespace Starmap.Grains.Sync;

/// <summary>A models.dev file to import: its parsed snapshot, and each provider entry's own text for that provider's sync.</summary>
internal sealed record ModelsDevImport(ModelsDevSnapshot Snapshot, IReadOnlyDictionary<string, string> Documents)
{
    /// <summary>Reads <paramref name="document"/>; a file that is not one, or is past <paramref name="limits"/>, is refused naming why.</summary>
    public static ModelsDevImport Read(string? document, Formats.CatalogLimits limits)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            throw new StarmapValidationException("document", null, "is empty; expected a models.dev api.json");
        }
        if (document.Length > limits.MaxJsonFileBytes)
        {
            throw new StarmapValidationException("document", null,
                $"is {document.Length} characters, over the {limits.MaxJsonFileBytes}-byte cap for a JSON file (CatalogLimits.MaxJsonFileBytes); nothing was imported");
        }
        ModelsDevSnapshot snapshot;
        try
        {
            snapshot = ModelsDevImportDocument.Parse(document);
        }
        catch (FormatException ex)
        {
            throw new StarmapValidationException("document", null, ex.Message);
        }
        if (snapshot.Providers.Count + snapshot.ModelCount > limits.MaxItems)
        {
            throw new StarmapValidationException("document", null,
                $"holds {snapshot.Providers.Count + snapshot.ModelCount} providers and models, over the {limits.MaxItems}-record cap (CatalogLimits.MaxItems); nothing was imported");
        }
        // Each provider's sync gets only its own entry, as a one-provider api.json.
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(document, new JsonDocumentOptions { MaxDepth = 64 }))
        {
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (snapshot.Providers.ContainsKey(property.Name))
                {
                    documents[property.Name] = "{" + JsonSerializer.Serialize(property.Name) + ":" + property.Value.GetRawText() + "}";
                }
            }
        }
        return new ModelsDevImport(snapshot, documents);
    }
}
