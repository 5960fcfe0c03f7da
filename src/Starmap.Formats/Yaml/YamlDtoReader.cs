using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Starmap.Catalog.Validation;

namespace Starmap.Formats.Yaml;

/// <summary>
/// Fills DTOs from a parsed YAML tree. A value of the wrong type throws <see cref="CatalogFileException"/>
/// with its line and key path; a key the DTO does not declare is reported once per kind as a warning.
/// YAML <c>null</c> and an omitted key both leave the property null: "unknown" and "no claim" are
/// the same to the records, and neither is ever turned into false or 0.
/// </summary>
internal sealed class YamlDtoReader(string file, string kind, WarningList warnings)
{
    /// <summary>
    /// Reads a mapping into <typeparamref name="T"/>. <paramref name="path"/> prefixes key paths in errors
    /// (e.g. <c>[3]</c> for the fourth entry of a list file); warnings use paths without it.
    /// </summary>
    public T Read<T>(YamlNode node, string path = "") where T : YamlDto, new() =>
        (T)ReadDto(typeof(T), node, path, "");

    private YamlDto ReadDto(Type type, YamlNode node, string path, string schemaPath)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, "expected a mapping of keys to values" + Got(node));
        }
        var schema = DtoSchema.For(type);
        var dto = (YamlDto)Activator.CreateInstance(type)!;
        dto.Line = node.Start.Line;
        List<YamlFlag>? rest = null;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw Error(keyNode, path, "keys must be text");
            }
            var keyPath = Join(path, key);
            if (schema.ByKey.TryGetValue(key, out var dtoKey))
            {
                dto.KeyLines[key] = keyNode.Start.Line;
                // A one-or-many key also takes a single mapping: Starmap's attribution is one rule, ours a list.
                var value = dtoKey.OneOrMany && valueNode is YamlMappingNode
                    ? ReadValue(dtoKey.Property.PropertyType, new YamlSequenceNode(valueNode), keyPath, Join(schemaPath, key))
                    : ReadValue(dtoKey.Property.PropertyType, valueNode, keyPath, Join(schemaPath, key));
                dtoKey.Property.SetValue(dto, value);
            }
            else if (schema.Rest is not null)
            {
                (rest ??= []).Add(new YamlFlag(key, ReadBool(valueNode, keyPath), keyNode.Start.Line));
            }
            else
            {
                warnings.Add($"{kind}: key '{Join(schemaPath, key)}' is not modelled; kept as written for export", file, keyNode.Start.Line);
            }
        }
        schema.Rest?.SetValue(dto, rest ?? []);
        return dto;
    }

    private object? ReadValue(Type type, YamlNode node, string path, string schemaPath)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }
        if (type == typeof(YamlNode))
        {
            return node; // taken as it is; the mapping layer reads it (a subtree of any shape)
        }
        if (type == typeof(string))
        {
            return Scalar(node, path, "text").Value ?? "";
        }
        if (type == typeof(bool?))
        {
            return ReadBool(node, path);
        }
        if (type == typeof(long?) || type == typeof(int?))
        {
            var text = Plain(node, path, "a whole number");
            if (!YamlScalars.TryLong(text, out var value) || (type == typeof(int?) && value is < int.MinValue or > int.MaxValue))
            {
                throw Error(node, path, $"expected a whole number, got '{Printable(text)}'");
            }
            return type == typeof(int?) ? (object)(int)value : value;
        }
        if (type == typeof(decimal?))
        {
            var text = Plain(node, path, "a number");
            return YamlScalars.TryDecimal(text, out var value) ? value : throw Error(node, path, $"expected a number, got '{Printable(text)}'");
        }
        if (type == typeof(double?))
        {
            var text = Plain(node, path, "a number");
            return YamlScalars.TryDouble(text, out var value) ? value : throw Error(node, path, $"expected a number, got '{Printable(text)}'");
        }
        if (type == typeof(List<KeyValuePair<string, string>>))
        {
            return ReadPairs(node, path);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return ReadList(type, node, path, schemaPath);
        }
        if (typeof(YamlDto).IsAssignableFrom(type))
        {
            return ReadDto(type, node, path, schemaPath);
        }
        throw new InvalidOperationException($"DTO property type {type} is not supported");
    }

    private object ReadList(Type type, YamlNode node, string path, string schemaPath)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, path, "expected a list" + Got(node));
        }
        var itemType = type.GetGenericArguments()[0];
        var list = (System.Collections.IList)Activator.CreateInstance(type)!;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = $"{path}[{i}]";
            list.Add(ReadValue(itemType, item, itemPath, schemaPath + "[]") ?? throw Error(item, itemPath, "list items must not be null"));
        }
        return list;
    }

    private List<KeyValuePair<string, string>> ReadPairs(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, path, "expected a mapping of text to text" + Got(node));
        }
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in mapping.Children)
        {
            var keyText = Scalar(key, path, "text").Value ?? "";
            var valuePath = Join(path, keyText);
            if (YamlScalars.IsNull(value))
            {
                throw Error(value, valuePath, "must not be null");
            }
            pairs.Add(KeyValuePair.Create(keyText, Scalar(value, valuePath, "text").Value ?? ""));
        }
        return pairs;
    }

    private bool? ReadBool(YamlNode node, string path)
    {
        if (YamlScalars.IsNull(node))
        {
            return null;
        }
        var text = Plain(node, path, "true, false or null");
        return YamlScalars.TryBool(text, out var value) ? value : throw Error(node, path, $"expected true, false or null, got '{Printable(text)}'");
    }

    private YamlScalarNode Scalar(YamlNode node, string path, string expected) =>
        node as YamlScalarNode ?? throw Error(node, path, $"expected {expected}" + Got(node));

    // Quoted scalars are text in YAML: "5" is not the number 5, so it is refused where a number belongs.
    private string Plain(YamlNode node, string path, string expected)
    {
        var scalar = Scalar(node, path, expected);
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            throw Error(node, path, $"expected {expected}, got quoted text '{Printable(scalar.Value ?? "")}'");
        }
        return scalar.Value ?? "";
    }

    public CatalogFileException Error(YamlNode node, string path, string reason) =>
        new(file, node.Start.Line, path.Length == 0 ? null : path, reason);

    private static string Got(YamlNode node) => node switch
    {
        YamlSequenceNode => ", got a list",
        YamlMappingNode => ", got a mapping",
        YamlScalarNode scalar => $", got '{Printable(scalar.Value ?? "")}'",
        _ => "",
    };

    private static string Printable(string value) => StarmapValidationException.Printable(value);

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
