using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>Blocks shared by definition and offering files: features, metadata, generation and the like.</summary>
internal static class ModelBlocksMapping
{
    // Starmap's tag vocabulary differs from ModelTag; these spell the same thing. Other unknown tags are dropped.
    private static readonly Dictionary<string, ModelTag> TagSynonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["embed"] = ModelTag.Embedding,
        ["stt"] = ModelTag.SpeechToText,
        ["tts"] = ModelTag.TextToSpeech,
        ["image-gen"] = ModelTag.TextToImage,
        ["vlm"] = ModelTag.Vision,
    };

    public static ModelFeatures? Features(FeaturesYaml? y, MappingContext c)
    {
        if (y is null)
        {
            return null;
        }
        var known = new List<KeyValuePair<Feature, bool>>();
        foreach (var flag in y.Flags)
        {
            if (!FeatureFlagsJsonConverter.TryParse(flag.Key, out var feature))
            {
                c.Warn($"features: '{flag.Key}' is not a known feature and is not imported", flag.Line);
            }
            else if (flag.Value is { } value)
            {
                known.Add(KeyValuePair.Create(feature, value));
            }
        }
        var modalities = y.Modalities;
        return new ModelFeatures
        {
            InputModalities = modalities is null ? null : c.KnownEnums<Modality>(modalities.Input, modalities, "input", "features.modalities.input"),
            OutputModalities = modalities is null ? null : c.KnownEnums<Modality>(modalities.Output, modalities, "output", "features.modalities.output"),
            Flags = FeatureFlags.From(known),
        };
    }

    public static FeaturesYaml? FeaturesYaml(ModelFeatures? f) => f is null ? null : new FeaturesYaml
    {
        Modalities = f.InputModalities is null && f.OutputModalities is null ? null : new ModalitiesYaml
        {
            Input = f.InputModalities is { } input ? [.. input.Select(StarmapEnums.Name)] : null,
            Output = f.OutputModalities is { } output ? [.. output.Select(StarmapEnums.Name)] : null,
        },
        Flags = [.. (f.Flags ?? FeatureFlags.None).Known().Select(k => new YamlFlag(FeatureFlagsJsonConverter.NameOf(k.Key), k.Value, 0))],
    };

    public static ModelMetadata? Metadata(MetadataYaml? y, MappingContext c) => y is null ? null : new ModelMetadata
    {
        ReleaseDate = c.Date(y.ReleaseDate, y, "release_date", "metadata.release_date"),
        KnowledgeCutoff = c.Date(y.KnowledgeCutoff, y, "knowledge_cutoff", "metadata.knowledge_cutoff"),
        OpenWeights = y.OpenWeights,
        Tags = y.Tags is { } tags ? Tags(tags, y, c) : null,
        Architecture = y.Architecture is { } a ? new ModelArchitecture
        {
            ParameterCount = a.ParameterCount,
            Type = c.KnownEnum<ArchitectureType>(a.Type, a, "type", "metadata.architecture.type"),
            Tokenizer = a.Tokenizer,
            Quantization = c.KnownEnum<Quantization>(a.Quantization, a, "quantization", "metadata.architecture.quantization"),
            Quantized = a.Quantized,
            FineTuned = a.FineTuned,
            BaseModel = a.BaseModel,
        } : null,
    };

    public static MetadataYaml? MetadataYaml(ModelMetadata? m) => m is null ? null : new MetadataYaml
    {
        ReleaseDate = m.ReleaseDate is { } release ? StarmapDates.Format(release) : null,
        OpenWeights = m.OpenWeights,
        KnowledgeCutoff = m.KnowledgeCutoff is { } cutoff ? StarmapDates.Format(cutoff) : null,
        Tags = m.Tags is { } tags ? [.. tags.Select(StarmapEnums.Name)] : null,
        Architecture = m.Architecture is { } a ? new ArchitectureYaml
        {
            ParameterCount = a.ParameterCount,
            Type = a.Type is { } type ? StarmapEnums.Name(type) : null,
            Tokenizer = a.Tokenizer,
            Quantization = a.Quantization is { } q ? StarmapEnums.Name(q) : null,
            Quantized = a.Quantized,
            FineTuned = a.FineTuned,
            BaseModel = a.BaseModel,
        } : null,
    };

    // A list whose every tag has no equivalent says nothing we can hold, so it stays unknown, not empty.
    private static EquatableArray<ModelTag>? Tags(List<string> tags, MetadataYaml y, MappingContext c)
    {
        var mapped = new List<ModelTag>();
        foreach (var tag in tags)
        {
            if (StarmapEnums.TryParse<ModelTag>(tag, out var known) || TagSynonyms.TryGetValue(tag, out known))
            {
                if (!mapped.Contains(known))
                {
                    mapped.Add(known);
                }
            }
            else
            {
                c.Warn($"metadata.tags: '{tag}' has no equivalent tag and is not imported", y.LineOf("tags"));
            }
        }
        return tags.Count > 0 && mapped.Count == 0 ? null : mapped.ToEquatableArray();
    }

    public static ModelLineage? Lineage(LineageYaml? y) =>
        y is null ? null : new ModelLineage { Family = y.Family, Root = y.Root, Parent = y.Parent };

    public static LineageYaml? LineageYaml(ModelLineage? l) =>
        l is null ? null : new LineageYaml { Family = l.Family, Root = l.Root, Parent = l.Parent };

    public static ModelAttachments? Attachments(AttachmentsYaml? y) => y is null ? null : new ModelAttachments
    {
        MimeTypes = y.MimeTypes?.ToEquatableArray(),
        MaxFileSize = y.MaxFileSize,
        MaxFiles = y.MaxFiles,
    };

    public static AttachmentsYaml? AttachmentsYaml(ModelAttachments? a) => a is null ? null : new AttachmentsYaml
    {
        MimeTypes = a.MimeTypes is { } types ? [.. types] : null,
        MaxFileSize = a.MaxFileSize,
        MaxFiles = a.MaxFiles,
    };

    public static ControlLevels? Levels(ControlLevelsYaml? y, string key, MappingContext c) => y is null ? null : new ControlLevels
    {
        Levels = c.KnownEnums<ControlLevel>(y.Levels ?? [], y, "levels", key + ".levels") ?? [],
        Default = c.KnownEnum<ControlLevel>(y.Default, y, "default", key + ".default"),
    };

    public static ControlLevelsYaml? LevelsYaml(ControlLevels? l) => l is null ? null : new ControlLevelsYaml
    {
        Levels = [.. l.Levels.Select(StarmapEnums.Name)],
        Default = l.Default is { } level ? StarmapEnums.Name(level) : null,
    };

    public static FloatRange? Range(FloatRangeYaml? y) => y is null ? null : new FloatRange { Min = y.Min, Max = y.Max, Default = y.Default };

    public static FloatRangeYaml? RangeYaml(FloatRange? r) => r is null ? null : new FloatRangeYaml { Min = r.Min, Max = r.Max, Default = r.Default };

    public static IntRange? Range(IntRangeYaml? y) => y is null ? null : new IntRange { Min = y.Min, Max = y.Max, Default = y.Default };

    public static IntRangeYaml? RangeYaml(IntRange? r) => r is null ? null : new IntRangeYaml { Min = r.Min, Max = r.Max, Default = r.Default };

    public static ModelTools? Tools(ToolsYaml? y) => y is null ? null : new ModelTools
    {
        ToolChoices = y.ToolChoices?.ToEquatableArray(),
        WebSearch = y.WebSearch is { } w ? new WebSearchSettings
        {
            MaxResults = w.MaxResults,
            SearchPrompt = w.SearchPrompt,
            SearchContextSizes = w.SearchContextSizes?.ToEquatableArray(),
            DefaultContextSize = w.DefaultContextSize,
        } : null,
    };

    public static ToolsYaml? ToolsYaml(ModelTools? t) => t is null ? null : new ToolsYaml
    {
        ToolChoices = t.ToolChoices is { } choices ? [.. choices] : null,
        WebSearch = t.WebSearch is { } w ? new WebSearchYaml
        {
            MaxResults = w.MaxResults,
            SearchPrompt = w.SearchPrompt,
            SearchContextSizes = w.SearchContextSizes is { } sizes ? [.. sizes] : null,
            DefaultContextSize = w.DefaultContextSize,
        } : null,
    };

    public static ModelDelivery? Delivery(ResponseYaml? y, MappingContext c) => y is null ? null : new ModelDelivery
    {
        Protocols = c.KnownEnums<DeliveryProtocol>(y.Protocols, y, "protocols", "response.protocols"),
        Streaming = c.KnownEnums<StreamingKind>(y.Streaming, y, "streaming", "response.streaming"),
        Formats = c.KnownEnums<ResponseFormat>(y.Formats, y, "formats", "response.formats"),
    };

    public static ResponseYaml? DeliveryYaml(ModelDelivery? d) => d is null ? null : new ResponseYaml
    {
        Protocols = d.Protocols is { } protocols ? [.. protocols.Select(StarmapEnums.Name)] : null,
        Streaming = d.Streaming is { } streaming ? [.. streaming.Select(StarmapEnums.Name)] : null,
        Formats = d.Formats is { } formats ? [.. formats.Select(StarmapEnums.Name)] : null,
    };

    public static EquatableArray<string> AuthorIds(List<AuthorRefYaml>? authors, MappingContext c) =>
        (authors ?? []).Select(a => c.Author(c.Required(a.Id, a, "id", "authors.id"), a, "id")).ToEquatableArray();

    public static List<AuthorRefYaml>? AuthorRefs(EquatableArray<string> ids, IReadOnlyDictionary<string, string> names) =>
        ids.IsEmpty ? null : [.. ids.Select(id => new AuthorRefYaml { Id = id, Name = names.GetValueOrDefault(id, id) })];
}
