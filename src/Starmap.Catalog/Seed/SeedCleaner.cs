using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Starmap.Catalog;

/// <summary>
/// STAND-IN for the quarantine sanitizer: the one place where the seed generator refuses invalid source
/// values. A record that fails validation loses the field the validator names (it becomes unknown) and
/// keeps a <see cref="QuarantineNote"/> saying what was refused and why; a record whose ID is unusable,
/// or that still fails after every refusal, is skipped and reported by its raw ID. Replace the calls in
/// <see cref="SeedGenerator"/> with the sanitizer when it lands.
/// </summary>
internal static class SeedCleaner
{
    // A record has few fields a validator can name; more refusals than this means a loop, not bad data.
    private const int MaxRefusals = 32;

    /// <summary>
    /// <paramref name="record"/> made valid by dropping the fields <paramref name="validate"/> names, with a
    /// note per dropped field; null when it cannot be made valid (the reason is in <paramref name="problem"/>).
    /// </summary>
    public static T? Clean<T>(T record, Action<T> validate, string root, string source, DateTimeOffset observedAt,
        List<QuarantineNote> notes, out string? problem) where T : class
    {
        problem = null;
        for (var i = 0; i <= MaxRefusals; i++)
        {
            StarmapValidationException refused;
            try
            {
                validate(record);
                return record;
            }
            catch (StarmapValidationException ex)
            {
                refused = ex;
            }
            var path = refused.Field.StartsWith(root + ".", StringComparison.Ordinal) ? refused.Field[(root.Length + 1)..] : null;
            var node = JsonSerializer.SerializeToNode(record, StarmapJson.Options);
            if (path is null || IsIdentity(path) || node is null || !Remove(node, path))
            {
                problem = $"{refused.Field}: {refused.Reason}";
                return null;
            }
            try
            {
                record = node.Deserialize<T>(StarmapJson.Options)!;
            }
            catch (JsonException)
            {
                // The field is required (a name, an ID): the record cannot do without it.
                problem = $"{refused.Field}: {refused.Reason}";
                return null;
            }
            notes.Add(new QuarantineNote { Path = path, Value = Shorten(refused.Value), Reason = refused.Reason, Source = source, ObservedAt = observedAt });
        }
        problem = "too many invalid fields";
        return null;
    }

    private static bool IsIdentity(string path) => path is "id" or "model_id" or "provider_id";

    // Shown in a note and a report: control characters escaped, long values cut.
    private static string? Shorten(string? value) =>
        value is null ? null : StarmapValidationException.Escape(value.Length <= 200 ? value : value[..200] + "...");

    /// <summary>Removes the member or array item at a validator path such as <c>pricing.tiers[1].tokens.input</c>.</summary>
    private static bool Remove(JsonNode root, string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(bracket < 0 ? part : part[..bracket]);
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }
                segments.Add(index);
                bracket = part.IndexOf('[', close);
            }
        }
        var parent = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            JsonNode? next = segments[i] switch
            {
                string name when parent is JsonObject obj => obj[name],
                int index when parent is JsonArray array && index < array.Count => array[index],
                _ => null,
            };
            if (next is null)
            {
                return false;
            }
            parent = next;
        }
        return segments[^1] switch
        {
            string name when parent is JsonObject obj => obj.Remove(name),
            int index when parent is JsonArray array && index < array.Count => RemoveAt(array, index),
            _ => false,
        };
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }
}
