using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Starmap.Deploy.Tests;

/// <summary>
/// YAML as plain data: maps are <c>Dictionary&lt;object, object?&gt;</c>, lists <c>List&lt;object?&gt;</c>,
/// scalars strings. Anchors and merge keys (<c>&lt;&lt;: *silo</c>) are resolved as compose resolves them.
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of a (multi-document) stream; throws on malformed text.</summary>
    public static IReadOnlyList<object?> LoadAll(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        parser.Consume<StreamStart>();
        var documents = new List<object?>();
        while (!parser.TryConsume<StreamEnd>(out _))
        {
            documents.Add(Deserializer.Deserialize<object?>(parser));
        }
        return documents;
    }

    public static IReadOnlyList<object?> LoadFile(string relative) => LoadAll(Repo.Read(relative));

    /// <summary>The node at <paramref name="path"/> (map keys, or list indexes as ints); null when absent.</summary>
    public static object? At(this object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (IDictionary<object, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null,
                (IList<object?> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }
        return node;
    }

    public static IDictionary<object, object?> Map(this object? node) =>
        node as IDictionary<object, object?> ?? new Dictionary<object, object?>();

    public static IList<object?> List(this object? node) => node as IList<object?> ?? [];

    public static string? Str(this object? node) => node as string;

    /// <summary>A map of strings (environment, labels, ConfigMap data), or a compose list of NAME=value.</summary>
    public static Dictionary<string, string?> Strings(this object? node)
    {
        if (node is IList<object?> list)
        {
            return list.OfType<string>().Select(item => item.Split('=', 2))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : null);
        }
        return node.Map().ToDictionary(pair => (string)pair.Key, pair => pair.Value?.ToString());
    }
}
