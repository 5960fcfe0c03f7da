namespace Starmap;

/// <summary>
/// Checks a provider or author ID before it becomes a grain key. Orleans refuses an empty or blank string
/// key in <c>GetGrain</c> with an <see cref="ArgumentException"/> ("primaryKey") before any grain can
/// validate it, so every caller (HTTP, module, .NET clients) would see a crash instead of the
/// <see cref="StarmapValidationException"/> the grains throw for every other malformed ID. Any other ID that
/// breaks the rule (<see cref="EntityIds"/>) is refused here too: it would only activate a grain to fail there,
/// with a failure in the silo's log for every mistyped or hostile ID.
/// </summary>
internal static class GrainKeys
{
    /// <summary><paramref name="id"/> when it can be a provider's or author's grain key; else a validation error naming <paramref name="field"/>.</summary>
    public static string Check(string? id, string field) =>
        // Blank is named as such (Orleans refuses it before any rule could); every other case is the ID rule's.
        !string.IsNullOrEmpty(id) && string.IsNullOrWhiteSpace(id)
            ? throw new StarmapValidationException(field, id, "must be lower-case kebab-case like 'google-ai-studio', not blank")
            : EntityIds.Problem(id) is { } problem ? throw new StarmapValidationException(field, id, problem) : id!;
}
