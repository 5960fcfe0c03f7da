using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Starmap.Formats.Yaml;

/// <summary>Parses YAML text with file-and-line errors, and writes YAML trees as stable text.</summary>
internal static class YamlText
{
    // Unlimited width: folding long descriptions would make output depend on an arbitrary column.
    private static readonly EmitterSettings Settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024,
        skipAnchorName: false, indentSequences: false, newLine: "\n", useUtf16SurrogatePairs: false);

    /// <summary>The root node of a one-document file, or null when the file holds no document or only null.</summary>
    public static YamlNode? Load(string text, string file)
    {
        var parser = new LineTrackingParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new CatalogFileException(file, ex.Start.Line, null, "invalid YAML: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this for some malformed input (an unclosed flow list): report the last good line.
            throw new CatalogFileException(file, parser.Line, null, "invalid YAML near this line", ex);
        }
        if (stream.Documents.Count > 1)
        {
            throw new CatalogFileException(file, stream.Documents[1].RootNode.Start.Line, null, "holds more than one YAML document");
        }
        return stream.Documents.Count == 0 || YamlScalars.IsNull(stream.Documents[0].RootNode) ? null : stream.Documents[0].RootNode;
    }

    /// <summary>Writes one node as a document.</summary>
    public static string Write(YamlNode root) => Write(root, comments: null);

    /// <summary>Writes a list, with a comment line before each item (Starmap heads entries with their name).</summary>
    public static string Write(YamlSequenceNode root, IReadOnlyList<string> comments) => Write((YamlNode)root, comments);

    private static string Write(YamlNode root, IReadOnlyList<string>? comments)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        if (root is YamlSequenceNode sequence && comments is not null)
        {
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                emitter.Emit(new Comment(comments[i], isInline: false));
                Emit(emitter, sequence.Children[i]);
            }
            emitter.Emit(new SequenceEnd());
        }
        else
        {
            Emit(emitter, root);
        }
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        // A blank line before each entry's comment, as Starmap writes them. Only those comments start a
        // line with "# ": text with line breaks is always double-quoted, so no value line can.
        return comments is null ? writer.ToString() : writer.ToString().Replace("\n# ", "\n\n# ", StringComparison.Ordinal);
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value ?? "", scalar.Style, isPlainImplicit: plain, isQuotedImplicit: !plain));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, sequence.Style));
                foreach (var child in sequence.Children)
                {
                    Emit(emitter, child);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mapping.Style));
                foreach (var (key, value) in mapping.Children)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new InvalidOperationException($"YAML node {node.GetType()} is not supported");
        }
    }

    /// <summary>Remembers the line of the last event parsed, for errors the parser reports without one.</summary>
    private sealed class LineTrackingParser(IParser inner) : IParser
    {
        public long Line { get; private set; } = 1;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                Line = current.End.Line;
            }
            return moved;
        }
    }
}
