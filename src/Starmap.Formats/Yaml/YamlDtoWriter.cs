using System.Collections;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Starmap.Formats.Yaml;

/// <summary>
/// Turns DTOs into YAML trees: keys in declaration order, null properties left out, empty mappings
/// and lists written as <c>{}</c> and <c>[]</c> so "present but empty" survives a round trip.
/// </summary>
internal static class YamlDtoWriter
{
    public static YamlMappingNode Write(YamlDto dto)
    {
        var schema = DtoSchema.For(dto.GetType());
        var mapping = new YamlMappingNode();
        foreach (var key in schema.Keys)
        {
            var node = key.Property.GetValue(dto) switch
            {
                null => null,
                string text when key.Plain => YamlScalars.Plain(text),
                IList { Count: 1 } list when key.OneOrMany => ToNode(list[0]!),
                var value => ToNode(value),
            };
            if (node is not null)
            {
                mapping.Add(YamlScalars.Text(key.Name), node);
            }
        }
        if (schema.Rest?.GetValue(dto) is List<YamlFlag> flags)
        {
            foreach (var flag in flags)
            {
                mapping.Add(YamlScalars.Text(flag.Key), flag.Value is { } known ? YamlScalars.Bool(known) : YamlScalars.Plain("null"));
            }
        }
        if (mapping.Children.Count == 0)
        {
            mapping.Style = MappingStyle.Flow;
        }
        return mapping;
    }

    private static YamlNode ToNode(object value) => value switch
    {
        string text => YamlScalars.Text(text),
        bool flag => YamlScalars.Bool(flag),
        long number => YamlScalars.Number(number),
        int number => YamlScalars.Number(number),
        decimal number => YamlScalars.Number(number),
        double number => YamlScalars.Number(number),
        YamlDto dto => Write(dto),
        YamlNode node => node,
        List<KeyValuePair<string, string>> pairs => Pairs(pairs),
        IList list => Sequence(list),
        _ => throw new InvalidOperationException($"DTO value type {value.GetType()} is not supported"),
    };

    private static YamlMappingNode Pairs(List<KeyValuePair<string, string>> pairs)
    {
        var mapping = new YamlMappingNode();
        foreach (var (key, value) in pairs)
        {
            mapping.Add(YamlScalars.Text(key), YamlScalars.Text(value));
        }
        if (mapping.Children.Count == 0)
        {
            mapping.Style = MappingStyle.Flow;
        }
        return mapping;
    }

    private static YamlSequenceNode Sequence(IList list)
    {
        var sequence = new YamlSequenceNode();
        foreach (var item in list)
        {
            sequence.Add(ToNode(item!));
        }
        if (sequence.Children.Count == 0)
        {
            sequence.Style = SequenceStyle.Flow;
        }
        return sequence;
    }
}
