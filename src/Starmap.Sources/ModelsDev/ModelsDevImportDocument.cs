namespace Starmap.Sources.ModelsDev;

/// <summary>
/// The checks a models.dev api.json given to import (a file, a request body) passes before anything is
/// written, shared by the module and the cluster so both refuse the same files with the same words.
/// </summary>
public static class ModelsDevImportDocument
{
    /// <summary>
    /// Parses <paramref name="document"/>; one that is not a models.dev api.json, or lists no providers, fails
    /// with a <see cref="FormatException"/> whose message is the reason, written to follow its subject
    /// (<c>'api.json' lists no providers: …</c>).
    /// </summary>
    public static ModelsDevSnapshot Parse(string document)
    {
        ModelsDevSnapshot snapshot;
        try
        {
            snapshot = ModelsDevParser.Parse(document);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"is not a models.dev api.json: {ex.Message}; nothing was imported", ex);
        }
        // A JSON object whose members are all something else parses to no providers: nothing to import.
        if (snapshot.Providers.Count == 0)
        {
            throw new FormatException("lists no providers: a models.dev api.json is an object of providers, each with its models; nothing was imported");
        }
        return snapshot;
    }
}
