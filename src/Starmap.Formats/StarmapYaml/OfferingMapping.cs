namespace Starmap.Formats.StarmapYaml;

/// <summary>Offerings ⇄ <c>providers/&lt;provider&gt;/models/&lt;model-id&gt;.yaml</c>.</summary>
internal static class OfferingMapping
{
    /// <summary>The model ID is the file's path below <c>models/</c>; an <c>id</c> key must agree with it.</summary>
    public static Offering ToRecord(OfferingYaml y, string providerId, string modelId, MappingContext c)
    {
        if (y.Id is { } id && id != modelId)
        {
            throw c.Fail(y, "id", "id", $"'{StarmapValidationException.Printable(id)}' must equal the file's path below models/ ('{modelId}')");
        }
        var hasLifecycle = y.Status is not null || y.DeprecatedAt is not null || y.RetiresAt is not null;
        return new Offering
        {
            ProviderId = providerId,
            ModelId = modelId,
            DefinitionId = y.Model is { } model ? c.Ids.Definition(model, c.File, y.LineOf("model")) : null,
            Name = y.Name,
            Pricing = PricingMapping.ToRecord(y.Pricing, c),
            Limits = y.Limits is { } limits ? Limits(limits, c) : null,
            Lifecycle = hasLifecycle ? new OfferingLifecycle
            {
                Status = c.KnownEnum<LifecycleStatus>(y.Status, y, "status", "status") ?? LifecycleStatus.Unknown,
                DeprecatedAt = c.Date(y.DeprecatedAt, y, "deprecated_at", "deprecated_at"),
                RetiresAt = c.Date(y.RetiresAt, y, "retires_at", "retires_at"),
            } : null,
            Availability = c.KnownEnum<Availability>(y.Availability, y, "availability", "availability") ?? Availability.Unknown,
            Regions = y.Regions?.ToEquatableArray(),
            AuthorIds = ModelBlocksMapping.AuthorIds(y.Authors, c),
            Description = y.Description,
            Metadata = ModelBlocksMapping.Metadata(y.Metadata, c),
            Lineage = ModelBlocksMapping.Lineage(y.Lineage),
            Features = ModelBlocksMapping.Features(y.Features, c),
            Generation = GenerationMapping.ToRecord(y.Generation),
            Reasoning = ModelBlocksMapping.Levels(y.Reasoning, "reasoning", c),
            ReasoningTokens = ModelBlocksMapping.Range(y.ReasoningTokens),
            Modes = ModesMapping.ToRecord(y.Modes, c),
            CreatedAt = c.Timestamp(y.CreatedAt, y, "created_at", "created_at"),
            UpdatedAt = c.Timestamp(y.UpdatedAt, y, "updated_at", "updated_at"),
            Provenance = (y.Provenance ?? []).Select(p => new FieldProvenance
            {
                Path = c.Required(p.Path, p, "path", "provenance.path"),
                Source = c.Required(p.Source, p, "source", "provenance.source"),
                ObservedAt = c.RequiredTimestamp(p.ObservedAt, p, "observed_at", "provenance.observed_at"),
            }).ToEquatableArray(),
        };
    }

    public static OfferingYaml ToYaml(Offering o, IReadOnlyDictionary<string, string> authorNames) => new()
    {
        Id = o.ModelId,
        Model = o.DefinitionId,
        Name = o.Name,
        Authors = ModelBlocksMapping.AuthorRefs(o.AuthorIds, authorNames),
        Description = o.Description,
        Metadata = ModelBlocksMapping.MetadataYaml(o.Metadata),
        Lineage = ModelBlocksMapping.LineageYaml(o.Lineage),
        Features = ModelBlocksMapping.FeaturesYaml(o.Features),
        Generation = GenerationMapping.ToYaml(o.Generation),
        Reasoning = ModelBlocksMapping.LevelsYaml(o.Reasoning),
        ReasoningTokens = ModelBlocksMapping.RangeYaml(o.ReasoningTokens),
        Modes = ModesMapping.ToYaml(o.Modes),
        Pricing = PricingMapping.ToYaml(o.Pricing),
        Limits = o.Limits is { } limits ? new LimitsYaml
        {
            ContextWindow = limits.ContextWindow,
            InputTokens = limits.InputTokens,
            OutputTokens = limits.OutputTokens,
        } : null,
        // Status is written even when unknown, so a lifecycle without dates survives a round trip.
        Status = o.Lifecycle is { } lifecycle ? StarmapEnums.Name(lifecycle.Status) : null,
        DeprecatedAt = o.Lifecycle?.DeprecatedAt is { } deprecated ? StarmapDates.Format(deprecated) : null,
        RetiresAt = o.Lifecycle?.RetiresAt is { } retires ? StarmapDates.Format(retires) : null,
        Availability = o.Availability == Availability.Unknown ? null : StarmapEnums.Name(o.Availability),
        Regions = o.Regions is { } regions ? [.. regions] : null,
        CreatedAt = o.CreatedAt is { } created ? StarmapDates.Format(created) : null,
        UpdatedAt = o.UpdatedAt is { } updated ? StarmapDates.Format(updated) : null,
        Provenance = o.Provenance.IsEmpty ? null : [.. o.Provenance.Select(p => new ProvenanceYaml
        {
            Path = p.Path,
            Source = p.Source,
            ObservedAt = StarmapDates.Format(p.ObservedAt),
        })],
    };

    private static ModelLimits Limits(LimitsYaml y, MappingContext c)
    {
        var context = Limit(y.ContextWindow, y, "context_window", c);
        var input = Limit(y.InputTokens, y, "input_tokens", c);
        var output = Limit(y.OutputTokens, y, "output_tokens", c);
        // A context window holds input plus output. Starmap copies Google's input limit into
        // context_window for TTS, image and video models (8192 in, 16384 out), so a window smaller than
        // either limit is an input limit, and the real window is unknown.
        if (context is { } window && (output > window || input > window))
        {
            c.Warn("limits.context_window smaller than output_tokens is read as the input limit (context window unknown)", y.LineOf("context_window"));
            input ??= window;
            context = null;
        }
        return new ModelLimits { ContextWindow = context, InputTokens = input, OutputTokens = output };
    }

    // Starmap's Go writer puts 0 where a limit is not set; a limit of 0 tokens is not a fact, so it is unknown.
    private static long? Limit(long? value, LimitsYaml limits, string key, MappingContext c)
    {
        if (value == 0)
        {
            c.Warn($"limits.{key}: 0 (Starmap's 'not set') is imported as unknown", limits.LineOf(key));
            return null;
        }
        return value;
    }
}
