namespace Starmap.Catalog.Formats.ModelsDev;

/// <summary>
/// The provider record a models.dev provider entry gives. Minimal stand-in (name, key variables, API base
/// URL, docs URL) so the seed generator builds; the discover work replaces it with the full mapping.
/// </summary>
public static class ModelsDevProviderMapping
{
    /// <summary>The provider record for <paramref name="entry"/>; facts the entry does not state stay unknown.</summary>
    public static Provider ToProvider(ModelsDevProvider entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new Provider
        {
            Id = ProviderId(entry.Id),
            Name = string.IsNullOrWhiteSpace(entry.Name) ? entry.Id : entry.Name,
            DocsUrl = entry.Doc,
            Auth = entry.Env.IsEmpty ? null : new ProviderAuth { ApiKeyEnvVars = entry.Env },
            Inference = entry.Api is null ? null : new ProviderInference { BaseUrl = entry.Api },
        };
    }

    // A models.dev key that is not kebab-case (wafer.ai) becomes one (wafer-ai); a valid key is kept as it is.
    private static string ProviderId(string key)
    {
        if (IdRules.IsEntityId(key))
        {
            return key;
        }
        var words = new string(key.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray())
            .Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('-', words);
    }
}
