namespace Starmap.Sources.ModelsDev;

/// <summary>
/// Turns one provider's part of a models.dev snapshot into a <see cref="SourceObservation"/>.
/// Facts the entry does not state stay null. The observation is never a complete list: models.dev is
/// curated by hand and lags providers, so a model missing from it has not thereby gone.
/// </summary>
public static class ModelsDevMapper
{
    /// <summary>
    /// The observation of <paramref name="provider"/>, matched to a models.dev provider by its ID and
    /// then its aliases; null when models.dev has no such provider.
    /// </summary>
    public static SourceObservation? ToObservation(ModelsDevSnapshot snapshot, Provider provider, DateTimeOffset observedAt, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(provider);
        if (snapshot.FindProvider([provider.Id, .. provider.Aliases]) is not { } entry)
        {
            return null;
        }
        var warnings = new List<string>();
        var prefix = entry.Id + "/";
        warnings.AddRange(snapshot.Warnings.Where(w => w.StartsWith(prefix, StringComparison.Ordinal) || w.StartsWith(entry.Id + ":", StringComparison.Ordinal)));
        var authors = new ModelsDevAuthors(provider);
        var models = entry.Models
            .Select(m => ToObservedModel(provider.Id, m, authors, warnings, observedAt))
            .OrderBy(m => m.ModelId, StringComparer.Ordinal)
            .ToEquatableArray();
        return new SourceObservation
        {
            Source = SourceIds.ModelsDev,
            ProviderId = provider.Id,
            ObservedAt = observedAt,
            IsCompleteList = false,
            Models = models,
            Warnings = warnings.ToEquatableArray(),
            Location = location,
        };
    }

    /// <summary>Same as the <see cref="Provider"/> overload, for a provider known only by its IDs.</summary>
    public static SourceObservation? ToObservation(ModelsDevSnapshot snapshot, string providerId, IEnumerable<string> aliases, DateTimeOffset observedAt, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var provider = new Provider { Id = providerId, Name = providerId, Aliases = aliases.ToEquatableArray() };
        return ToObservation(snapshot, provider, observedAt, location);
    }

    private static ObservedModel ToObservedModel(string providerId, ModelsDevModel model, ModelsDevAuthors authors, List<string> warnings, DateTimeOffset observedAt)
    {
        var features = Features(model, warnings, providerId);
        var authorIds = authors.For(model.Id, model.Family);
        var facts = ModelsDevFacts.Of(model);
        // The model's own facts go on the offering whoever made it, so a model no author is known for
        // still answers released_after, open_weights and family; a linked definition's take precedence.
        var offering = new Offering
        {
            ProviderId = providerId,
            ModelId = model.Id,
            Name = model.Name,
            Description = facts.Description,
            Pricing = Pricing(model.Cost),
            Limits = Limits(model.Limit),
            Lifecycle = Lifecycle(model.Status, providerId, model.Id, warnings),
            AuthorIds = authorIds,
            Features = features,
            Metadata = facts.Metadata,
            Lineage = facts.Lineage,
            Reasoning = facts.Reasoning,
            ReasoningTokens = facts.ReasoningTokens,
            UpdatedAt = model.LastUpdated is { } updated ? new DateTimeOffset(updated.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Quarantine = model.Quarantine.Select(n => n with { ObservedAt = observedAt }).ToEquatableArray(),
        };
        // The definition ID is a guess (author plus the ID without its namespace); the offering's
        // DefinitionId stays unset so a guess is never mistaken for a link someone made.
        var definitionId = authorIds.IsEmpty ? null : ModelsDevAuthors.DefinitionId(authorIds[0], model.Id);
        return new ObservedModel
        {
            ModelId = model.Id,
            Offering = offering,
            Definition = definitionId is null ? null : Definition(definitionId, model, authorIds, features, facts),
        };
    }

    private static ModelDefinition Definition(string id, ModelsDevModel model, EquatableArray<string> authorIds, ModelFeatures? features, ModelsDevFacts facts) =>
        new()
        {
            Id = id,
            Name = model.Name ?? model.Id,
            Description = facts.Description,
            AuthorIds = authorIds,
            Metadata = facts.Metadata,
            Features = features,
            Reasoning = facts.Reasoning,
            ReasoningTokens = facts.ReasoningTokens,
            Lineage = facts.Lineage,
        };

    private static ModelFeatures? Features(ModelsDevModel model, List<string> warnings, string providerId)
    {
        var known = new List<KeyValuePair<Feature, bool>>();
        void Set(Feature feature, bool? value)
        {
            if (value is { } v)
            {
                known.Add(KeyValuePair.Create(feature, v));
            }
        }
        Set(Feature.Attachments, model.Attachment);
        Set(Feature.Reasoning, model.Reasoning);
        Set(Feature.ToolCalls, model.ToolCall);
        Set(Feature.Tools, model.ToolCall);
        Set(Feature.Temperature, model.Temperature);
        Set(Feature.StructuredOutputs, model.StructuredOutput);
        if (model.ReasoningOptions.Any(o => o.Type == "effort"))
        {
            Set(Feature.ReasoningEffort, true);
        }
        if (model.ReasoningOptions.Any(o => o.Type == "budget_tokens"))
        {
            Set(Feature.ReasoningTokens, true);
        }
        var input = Modalities(model.InputModalities, providerId, model.Id, warnings);
        var output = Modalities(model.OutputModalities, providerId, model.Id, warnings);
        if (known.Count == 0 && input is null && output is null)
        {
            return null;
        }
        return new ModelFeatures { InputModalities = input, OutputModalities = output, Flags = FeatureFlags.From(known) };
    }

    private static EquatableArray<Modality>? Modalities(EquatableArray<string>? names, string providerId, string modelId, List<string> warnings)
    {
        if (names is not { } list)
        {
            return null;
        }
        var result = new SortedSet<Modality>();
        foreach (var name in list)
        {
            Modality? modality = name.ToUpperInvariant() switch
            {
                "TEXT" => Modality.Text,
                "IMAGE" => Modality.Image,
                "AUDIO" => Modality.Audio,
                "VIDEO" => Modality.Video,
                "PDF" => Modality.Pdf,
                "EMBEDDING" or "EMBEDDINGS" => Modality.Embedding,
                _ => null,
            };
            if (modality is { } m)
            {
                result.Add(m);
            }
            else
            {
                warnings.Add($"{providerId}/{modelId}: unknown modality '{name}' dropped");
            }
        }
        return result.ToEquatableArray();
    }

    private static ModelPricing? Pricing(ModelsDevCost? cost)
    {
        if (cost is null)
        {
            return null;
        }
        // Audio token prices (input_audio, output_audio) have no per-token home in the contracts; the
        // per-unit operation prices mean something else, so they are not mapped rather than misfiled.
        var tokens = Tokens(cost.Input, cost.Output, cost.Reasoning, cost.CacheRead, cost.CacheWrite);
        var tiers = cost.Tiers
            .Select(t => new PricingTier
            {
                Name = "context>" + t.ContextOver.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ContextThreshold = t.ContextOver,
                Tokens = Tokens(t.Input, t.Output, t.Reasoning, t.CacheRead, t.CacheWrite),
            })
            .ToEquatableArray();
        return tokens is null && tiers.IsEmpty ? null : new ModelPricing { Currency = "USD", Tokens = tokens, Tiers = tiers };
    }

    private static TokenPrices? Tokens(decimal? input, decimal? output, decimal? reasoning, decimal? cacheRead, decimal? cacheWrite) =>
        input is null && output is null && reasoning is null && cacheRead is null && cacheWrite is null
            ? null
            : new TokenPrices { Input = input, Output = output, Reasoning = reasoning, CacheRead = cacheRead, CacheWrite = cacheWrite };

    // models.dev writes 0 for a limit it does not know (no model has a zero-token context), so a
    // zero or negative limit stays unknown; a price of 0, by contrast, means free and is kept.
    private static ModelLimits? Limits(ModelsDevLimit? limit)
    {
        static long? Known(long? value) => value is > 0 ? value : null;
        if (limit is null)
        {
            return null;
        }
        var result = new ModelLimits { ContextWindow = Known(limit.Context), InputTokens = Known(limit.Input), OutputTokens = Known(limit.Output) };
        return result is { ContextWindow: null, InputTokens: null, OutputTokens: null } ? null : result;
    }

    private static OfferingLifecycle? Lifecycle(string? status, string providerId, string modelId, List<string> warnings)
    {
        LifecycleStatus? mapped = status?.ToUpperInvariant() switch
        {
            null => null,
            "ACTIVE" => LifecycleStatus.Active,
            "BETA" => LifecycleStatus.Beta,
            // No alpha stage in the contracts: an alpha is a preview of what is to come.
            "ALPHA" or "PREVIEW" => LifecycleStatus.Preview,
            "DEPRECATED" => LifecycleStatus.Deprecated,
            "RETIRED" => LifecycleStatus.Retired,
            _ => null,
        };
        if (mapped is null && status is not null)
        {
            warnings.Add($"{providerId}/{modelId}: unknown status '{status}' left unknown");
        }
        return mapped is { } s ? new OfferingLifecycle { Status = s } : null;
    }
}
