namespace Starmap;

/// <summary>
/// Checks a provider or author ID before it becomes a grain key. Orleans refuses an empty or blank string
/// key in <c>GetGrain</c> with an <see cref="ArgumentException"/> ("primaryKey") before any grain can
/// validate it, so every caller (HTTP, module, .NET clients) would see a crash instead of the
/// <see cref="StarmapValidationException"/> the grains throw for every other malformed ID.
/// </summary>
internal static class GrainKeys
{
    /// <summary><paramref name="id"/> when Orleans can address a grain with it; else a validation error naming <paramref name="field"/>.</summary>
    public static string Check(string? id, string field) => id switch
    {
        null => throw new StarmapValidationException(field, null, "is required"),
        "" => throw new StarmapValidationException(field, id, "must not be empty"),
        _ when string.IsNullOrWhiteSpace(id) => throw new StarmapValidationException(field, id, "must be lower-case kebab-case like 'google-ai-studio', not blank"),
        _ => id,
    };
}
