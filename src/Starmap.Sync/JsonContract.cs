using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using Starmap.Catalog.Json;

namespace Starmap.Sync;

/// <summary>
/// One type's properties as <see cref="StarmapJson"/> writes them, read once from the serializer's own metadata: the
/// one table the typed diff (<see cref="SameJson"/>), the typed merge (<see cref="UnchangedProperties"/>) and the
/// partial flattening (<see cref="FieldMap"/>) read, so the three cannot come to disagree on what a record's JSON holds.
/// </summary>
internal sealed class JsonContract
{
    private static readonly ConcurrentDictionary<Type, JsonContract> Contracts = new();

    private JsonContract(JsonTypeInfo info)
    {
        IsObject = info.Kind == JsonTypeInfoKind.Object;
        // Every property the serializer can read, computed ones too (what may reach the JSON; stricter than needed, never looser).
        Properties = IsObject ? [.. info.Properties.Where(p => p.Get is not null)] : [];
        // Written one by one only where that cannot differ from writing the whole record: no converter of the type's
        // own, no property with its own converter or number handling, no extension data. A property without a setter
        // is not written (IgnoreReadOnlyProperties): computed ones such as an ID's parts.
        WrittenOneByOne = IsObject && info.NumberHandling is null &&
            !info.Properties.Any(p => p.CustomConverter is not null || p.NumberHandling is not null || p.IsExtensionData)
                ? [.. Properties.Where(p => p.Set is not null || !StarmapJson.Options.IgnoreReadOnlyProperties)]
                : null;
    }

    /// <summary>True when the serializer writes the type as an object of properties (no converter of its own, not a list or a leaf).</summary>
    public bool IsObject { get; }

    /// <summary>
    /// The properties with a getter, in the serializer's order; empty for a type that is not an object. An immutable
    /// array: the typed diff walks it for every record of a sync, and its enumerator allocates nothing.
    /// </summary>
    public ImmutableArray<JsonPropertyInfo> Properties { get; }

    /// <summary>The properties to write one at a time to get what writing the whole record gives, or null where that could differ.</summary>
    public ImmutableArray<JsonPropertyInfo>? WrittenOneByOne { get; }

    /// <summary>The contract of <paramref name="type"/> as written by <see cref="StarmapJson.Options"/>.</summary>
    public static JsonContract Of(Type type) => Contracts.GetOrAdd(type, static t => new JsonContract(StarmapJson.Options.GetTypeInfo(t)));
}
