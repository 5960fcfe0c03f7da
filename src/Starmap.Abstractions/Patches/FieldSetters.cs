namespace Starmap;

/// <summary>
/// The field paths a patch may name, each with how it copies its value from the patch's values onto
/// the stored record. Paths are snake_case as in catalog files and in sync changesets, and apply in the
/// table's order (so a list URL exists before its list type is set), never in the caller's order.
/// </summary>
internal sealed class FieldSetters<T>(string entity, params (string Path, Func<T, T, T> Set)[] setters)
    where T : class
{
    public IReadOnlyList<string> Paths { get; } = [.. setters.Select(s => s.Path)];

    public T Apply(T current, EquatableArray<string> fields, T values)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (values is null)
        {
            throw new StarmapValidationException("values", null, "is required");
        }
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!Paths.Contains(field, StringComparer.Ordinal))
            {
                throw new StarmapValidationException("fields", field, $"is not a field a {entity} patch can change; one of: {string.Join(", ", Paths)}");
            }
            wanted.Add(field);
        }
        foreach (var (path, set) in setters)
        {
            if (wanted.Contains(path))
            {
                current = set(current, values);
            }
        }
        return current;
    }
}
