namespace Starmap.Catalog.Validation;

public static partial class CatalogValidator
{
    private static void ValidateOffering(Offering offering, string? providerId, string field)
    {
        IdRules.ValidateProviderId(offering.ProviderId, field + ".provider_id");
        if (providerId is not null && !string.Equals(offering.ProviderId, providerId, StringComparison.Ordinal))
        {
            throw IdRules.Invalid(field + ".provider_id", offering.ProviderId, $"must be '{providerId}', the provider that serves it");
        }
        IdRules.ValidateModelId(offering.ModelId, field + ".model_id");
        if (offering.DefinitionId is not null)
        {
            IdRules.ValidateDefinitionId(offering.DefinitionId, field + ".definition_id");
        }
        if (offering.Name is not null)
        {
            FieldChecks.Name(offering.Name, field + ".name");
        }
        FieldChecks.Description(offering.Description, field + ".description");
        if (offering.Pricing is { } pricing)
        {
            ValidatePricing(pricing, field + ".pricing");
        }
        if (offering.Limits is { } limits)
        {
            ValidateLimits(limits, field + ".limits");
        }
        if (offering.Lifecycle is { } lifecycle)
        {
            FieldChecks.Defined(lifecycle.Status, field + ".lifecycle.status");
            if (lifecycle is { DeprecatedAt: { } deprecated, RetiresAt: { } retires } && retires < deprecated)
            {
                throw IdRules.Invalid(field + ".lifecycle.retires_at", FieldChecks.Text(retires),
                    $"must not be before deprecated_at ({FieldChecks.Text(deprecated)})");
            }
        }
        FieldChecks.Defined(offering.Availability, field + ".availability");
        if (offering.Regions is { } regions)
        {
            for (var i = 0; i < regions.Count; i++)
            {
                var path = FieldChecks.Index(field + ".regions", i);
                FieldChecks.NonBlank(regions[i], path);
                if (regions[i].Any(char.IsControl))
                {
                    throw IdRules.Invalid(path, regions[i], "contains a control character");
                }
            }
        }
        ValidateAuthorIds(offering.AuthorIds, field + ".author_ids");
        if (offering.Features is { } features)
        {
            ValidateFeatures(features, field + ".features");
        }
    }

    private static void ValidatePricing(ModelPricing pricing, string field)
    {
        if (pricing.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            throw IdRules.Invalid(field + ".currency", pricing.Currency, "must be a 3-letter upper-case ISO 4217 code like 'USD'");
        }
        ValidateTokenPrices(pricing.Tokens, field + ".tokens");
        ValidateOperationPrices(pricing.Operations, field + ".operations");
        long? previous = null;
        for (var i = 0; i < pricing.Tiers.Count; i++)
        {
            var tier = pricing.Tiers[i];
            var path = FieldChecks.Index(field + ".tiers", i);
            var threshold = path + ".context_threshold";
            FieldChecks.Positive(tier.ContextThreshold, threshold);
            if (tier.ContextThreshold == previous)
            {
                throw IdRules.Invalid(threshold, FieldChecks.Text(tier.ContextThreshold), "appears twice");
            }
            if (tier.ContextThreshold < previous)
            {
                throw IdRules.Invalid(threshold, FieldChecks.Text(tier.ContextThreshold),
                    $"must be greater than the previous tier's ({FieldChecks.Text(previous.Value)}); tiers ascend");
            }
            previous = tier.ContextThreshold;
            if (tier.Name is not null)
            {
                FieldChecks.NonBlank(tier.Name, path + ".name");
            }
            ValidateTokenPrices(tier.Tokens, path + ".tokens");
            ValidateOperationPrices(tier.Operations, path + ".operations");
        }
        if (pricing is { EffectiveFrom: { } from, EffectiveUntil: { } until } && until <= from)
        {
            throw IdRules.Invalid(field + ".effective_until", FieldChecks.Text(until),
                $"must be after effective_from ({FieldChecks.Text(from)})");
        }
    }

    private static void ValidateTokenPrices(TokenPrices? prices, string field)
    {
        if (prices is null)
        {
            return;
        }
        FieldChecks.Price(prices.Input, field + ".input");
        FieldChecks.Price(prices.Output, field + ".output");
        FieldChecks.Price(prices.Reasoning, field + ".reasoning");
        FieldChecks.Price(prices.CacheRead, field + ".cache_read");
        FieldChecks.Price(prices.CacheWrite, field + ".cache_write");
    }

    private static void ValidateOperationPrices(OperationPrices? prices, string field)
    {
        if (prices is null)
        {
            return;
        }
        FieldChecks.Price(prices.Request, field + ".request");
        FieldChecks.Price(prices.ImageInput, field + ".image_input");
        FieldChecks.Price(prices.AudioInput, field + ".audio_input");
        FieldChecks.Price(prices.VideoInput, field + ".video_input");
        FieldChecks.Price(prices.ImageGen, field + ".image_gen");
        FieldChecks.Price(prices.AudioGen, field + ".audio_gen");
        FieldChecks.Price(prices.VideoGen, field + ".video_gen");
        FieldChecks.Price(prices.WebSearch, field + ".web_search");
        FieldChecks.Price(prices.FunctionCall, field + ".function_call");
        FieldChecks.Price(prices.ToolUse, field + ".tool_use");
    }

    private static void ValidateLimits(ModelLimits limits, string field)
    {
        FieldChecks.TokenCount(limits.ContextWindow, field + ".context_window");
        FieldChecks.TokenCount(limits.InputTokens, field + ".input_tokens");
        FieldChecks.TokenCount(limits.OutputTokens, field + ".output_tokens");
        if (limits.ContextWindow is not { } context)
        {
            return;
        }
        // The context window holds input plus output, so neither alone can exceed it.
        if (limits.OutputTokens > context)
        {
            throw IdRules.Invalid(field + ".output_tokens", FieldChecks.Text(limits.OutputTokens.Value),
                $"must not exceed context_window ({FieldChecks.Text(context)})");
        }
        if (limits.InputTokens > context)
        {
            throw IdRules.Invalid(field + ".input_tokens", FieldChecks.Text(limits.InputTokens.Value),
                $"must not exceed context_window ({FieldChecks.Text(context)})");
        }
    }

    private static void ValidateFeatures(ModelFeatures features, string field)
    {
        ValidateModalities(features.InputModalities, field + ".input_modalities");
        ValidateModalities(features.OutputModalities, field + ".output_modalities");
        var flags = features.Flags ?? FeatureFlags.None;
        foreach (var feature in flags.Supported.AsSpan())
        {
            var path = field + ".flags." + FeatureFlagsJsonConverter.NameOf(feature);
            FieldChecks.Defined(feature, path);
            if (flags.Unsupported.Contains(feature))
            {
                throw IdRules.Invalid(path, FeatureFlagsJsonConverter.NameOf(feature), "is both supported and unsupported");
            }
        }
        foreach (var feature in flags.Unsupported.AsSpan())
        {
            FieldChecks.Defined(feature, field + ".flags." + FeatureFlagsJsonConverter.NameOf(feature));
        }
    }

    private static void ValidateModalities(EquatableArray<Modality>? modalities, string field)
    {
        if (modalities is not { } list)
        {
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            FieldChecks.Defined(list[i], FieldChecks.Index(field, i));
        }
    }

    private static void ValidateAuthorIds(EquatableArray<string> authorIds, string field)
    {
        for (var i = 0; i < authorIds.Count; i++)
        {
            IdRules.ValidateAuthorId(authorIds[i], FieldChecks.Index(field, i));
        }
    }
}
