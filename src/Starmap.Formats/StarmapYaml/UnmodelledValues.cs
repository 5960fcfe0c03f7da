using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Keeps what a record cannot say so an export writes its file back as it was. On import the file's
/// tree is compared with the tree the record writes: every value that differs or that the record does
/// not write is kept (<see cref="Capture"/>), with what the record wrote in its place. On export each
/// kept value is put back where the record still writes what it replaced (<see cref="Apply"/>), so a
/// field changed since the import (an edit, a sync) is written as it is now, never the old spelling.
/// Mappings are compared key by key; a list is one value. Scalars compare as typed YAML values, so
/// <c>10.00</c> and <c>10</c> are the same and neither is kept.
/// </summary>
internal static class UnmodelledValues
{
    public static EquatableArray<UnmodelledValue> Capture(YamlNode written, YamlMappingNode rendered)
    {
        var values = new List<UnmodelledValue>();
        if (written is YamlMappingNode mapping)
        {
            Capture(mapping, rendered, [], values);
        }
        // In path order, not the file's key order, so a file and its re-export keep equal records.
        return values.OrderBy(v => string.Join('\u0000', v.Path), StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>Puts the kept values back into <paramref name="rendered"/> (changed in place) and returns it.</summary>
    public static YamlMappingNode Apply(YamlMappingNode rendered, EquatableArray<UnmodelledValue> values, string record)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value.Path.IsEmpty)
            {
                throw new StarmapValidationException($"{record}.unmodelled[{i}].path", null, "is required");
            }
            var replaces = Parse(value.Replaces, $"{record}.unmodelled[{i}].replaces");
            var written = Parse(value.Written, $"{record}.unmodelled[{i}].written");
            if (!Same(Find(rendered, value.Path), replaces))
            {
                continue; // the record changed there since it was read: what it writes now wins
            }
            if (written is null)
            {
                Remove(rendered, value.Path);
            }
            else
            {
                Set(rendered, value.Path, written);
            }
        }
        return rendered;
    }

    private static void Capture(YamlMappingNode written, YamlMappingNode rendered, List<string> path, List<UnmodelledValue> values)
    {
        foreach (var (keyNode, value) in written.Children)
        {
            var key = KeyText(keyNode);
            var mine = Child(rendered, key);
            path.Add(key);
            if (mine is null)
            {
                values.Add(Kept(path, value, null));
            }
            else if (value is YamlMappingNode { Children.Count: > 0 } inner && mine is YamlMappingNode { Children.Count: > 0 } renderedInner)
            {
                Capture(inner, renderedInner, path, values);
            }
            else if (!Same(value, mine))
            {
                values.Add(Kept(path, value, mine));
            }
            path.RemoveAt(path.Count - 1);
        }
        foreach (var (keyNode, value) in rendered.Children)
        {
            var key = KeyText(keyNode);
            if (Child(written, key) is null)
            {
                values.Add(Kept([.. path, key], null, value));
            }
        }
    }

    private static UnmodelledValue Kept(List<string> path, YamlNode? written, YamlNode? replaces) => new()
    {
        Path = path.ToEquatableArray(),
        Written = written is null ? null : YamlText.Write(written),
        Replaces = replaces is null ? null : YamlText.Write(replaces),
    };

    /// <summary>True when both are absent or both hold the same typed value.</summary>
    internal static bool Same(YamlNode? a, YamlNode? b) => (a, b) switch
    {
        (null, null) => true,
        (YamlScalarNode x, YamlScalarNode y) => Typed(x) == Typed(y),
        (YamlSequenceNode x, YamlSequenceNode y) => x.Children.Count == y.Children.Count && x.Children.Zip(y.Children).All(p => Same(p.First, p.Second)),
        (YamlMappingNode x, YamlMappingNode y) => x.Children.Count == y.Children.Count
            && x.Children.All(p => Same(p.Value, Child(y, KeyText(p.Key)))),
        _ => false,
    };

    // YAML 1.2 core schema: a plain scalar is null, a boolean, a number or text; a quoted one is text.
    private static string Typed(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return "text:" + text;
        }
        if (YamlScalars.IsNull(scalar))
        {
            return "null";
        }
        if (YamlScalars.TryBool(text, out var flag))
        {
            return flag ? "true" : "false";
        }
        return YamlScalars.TryDecimal(text, out var number) ? "number:" + YamlScalars.Format(number) : "text:" + text;
    }

    // Keys are text in Starmap's files; a key of another shape (inside extensions) is kept by its YAML text.
    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : YamlText.Write(key);

    private static YamlNode? Child(YamlMappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (string.Equals(KeyText(k), key, StringComparison.Ordinal))
            {
                return v;
            }
        }
        return null;
    }

    private static YamlNode? Find(YamlMappingNode root, EquatableArray<string> path)
    {
        YamlNode? node = root;
        foreach (var key in path)
        {
            node = node is YamlMappingNode mapping ? Child(mapping, key) : null;
        }
        return node;
    }

    private static void Set(YamlMappingNode root, EquatableArray<string> path, YamlNode value)
    {
        var mapping = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var next = Child(mapping, path[i]);
            if (next is null)
            {
                next = new YamlMappingNode();
                mapping.Add(YamlScalars.Text(path[i]), next);
            }
            if (next is not YamlMappingNode inner)
            {
                return; // the record writes a value there now; it wins
            }
            mapping = inner;
        }
        var last = path[path.Count - 1];
        var existing = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && string.Equals(name, last, StringComparison.Ordinal));
        if (existing is null)
        {
            mapping.Add(YamlScalars.Text(last), value);
        }
        else
        {
            mapping.Children[existing] = value;
        }
        mapping.Style = YamlDotNet.Core.Events.MappingStyle.Any; // was {} when empty
    }

    private static void Remove(YamlMappingNode root, EquatableArray<string> path)
    {
        if (Find(root, path.Take(path.Count - 1).ToEquatableArray()) is YamlMappingNode parent)
        {
            var key = parent.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && string.Equals(name, path[path.Count - 1], StringComparison.Ordinal));
            if (key is not null)
            {
                parent.Children.Remove(key);
            }
        }
    }

    // A YAML document of one node; "null" is a node here (a key written as null), unlike YamlText.Load.
    private static YamlNode? Parse(string? yaml, string field)
    {
        if (yaml is null)
        {
            return null;
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode
                : throw new StarmapValidationException(field, null, "must hold exactly one YAML document");
        }
        catch (YamlException ex)
        {
            throw new StarmapValidationException(field, null, "is not valid YAML: " + ex.Message);
        }
    }
}
