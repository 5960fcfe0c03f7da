namespace Starmap.Catalog.Validation;

public static partial class CatalogValidator
{
    private static void ValidateProvider(Provider provider, string field)
    {
        IdRules.ValidateProviderId(provider.Id, field + ".id");
        FieldChecks.Name(provider.Name, field + ".name");
        FieldChecks.Aliases(provider.Aliases, provider.Id, field + ".aliases");
        FieldChecks.Url(provider.IconUrl, field + ".icon_url");
        FieldChecks.Url(provider.DocsUrl, field + ".docs_url");
        FieldChecks.Url(provider.StatusPageUrl, field + ".status_page_url");
        if (provider.Auth is { } auth)
        {
            ValidateAuth(auth, field + ".auth");
        }
        if (provider.Catalog is { } catalog)
        {
            ValidateCatalogConfig(catalog, field + ".catalog");
        }
        if (provider.Inference is { } inference)
        {
            ValidateInference(inference, field + ".inference");
        }
        if (provider.PrivacyPolicy is { } privacy)
        {
            FieldChecks.Url(privacy.PrivacyPolicyUrl, field + ".privacy_policy.privacy_policy_url");
            FieldChecks.Url(privacy.TermsOfServiceUrl, field + ".privacy_policy.terms_of_service_url");
        }
        if (provider.RetentionPolicy is { } retention)
        {
            FieldChecks.Defined(retention.Type, field + ".retention_policy.type");
            if (retention.Duration is { } duration && duration < TimeSpan.Zero)
            {
                throw IdRules.Invalid(field + ".retention_policy.duration", duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture), "must not be negative");
            }
        }
    }

    private static void ValidateAuth(ProviderAuth auth, string field)
    {
        for (var i = 0; i < auth.ApiKeyEnvVars.Count; i++)
        {
            FieldChecks.EnvVarName(auth.ApiKeyEnvVars[i], FieldChecks.Index(field + ".api_key_env_vars", i));
        }
        FieldChecks.Regex(auth.ApiKeyPattern, field + ".api_key_pattern");
        if (auth.Header is not null)
        {
            FieldChecks.NonBlank(auth.Header, field + ".header");
        }
        if (auth.QueryParameter is not null)
        {
            FieldChecks.NonBlank(auth.QueryParameter, field + ".query_parameter");
        }
        FieldChecks.Defined(auth.Scheme, field + ".scheme");
        for (var i = 0; i < auth.EnvVars.Count; i++)
        {
            var path = FieldChecks.Index(field + ".env_vars", i);
            FieldChecks.EnvVarName(auth.EnvVars[i].Name, path + ".name");
            FieldChecks.Regex(auth.EnvVars[i].Pattern, path + ".pattern");
        }
        for (var i = 0; i < auth.StaticHeaders.Count; i++)
        {
            FieldChecks.NonBlank(auth.StaticHeaders[i].Name, FieldChecks.Index(field + ".static_headers", i) + ".name");
        }
    }

    private static void ValidateCatalogConfig(ProviderCatalogConfig catalog, string field)
    {
        FieldChecks.Url(catalog.DocsUrl, field + ".docs_url");
        for (var i = 0; i < catalog.Authors.Count; i++)
        {
            IdRules.ValidateAuthorId(catalog.Authors[i], FieldChecks.Index(field + ".authors", i));
        }
        if (catalog.Endpoint is not { } endpoint)
        {
            return;
        }
        var path = field + ".endpoint";
        FieldChecks.Defined(endpoint.Type, path + ".type");
        FieldChecks.Url(endpoint.Url, path + ".url", required: true);
        for (var i = 0; i < endpoint.FieldMappings.Count; i++)
        {
            var mapping = FieldChecks.Index(path + ".field_mappings", i);
            FieldChecks.NonBlank(endpoint.FieldMappings[i].From, mapping + ".from");
            FieldChecks.NonBlank(endpoint.FieldMappings[i].To, mapping + ".to");
        }
        for (var i = 0; i < endpoint.FeatureRules.Count; i++)
        {
            var rule = endpoint.FeatureRules[i];
            var rulePath = FieldChecks.Index(path + ".feature_rules", i);
            FieldChecks.NonBlank(rule.Field, rulePath + ".field");
            FieldChecks.Defined(rule.Feature, rulePath + ".feature");
            if (rule.Contains.IsEmpty)
            {
                throw IdRules.Invalid(rulePath + ".contains", null, "must list at least one substring");
            }
            for (var j = 0; j < rule.Contains.Count; j++)
            {
                // An empty substring would match every model and silently set the feature everywhere.
                if (string.IsNullOrEmpty(rule.Contains[j]))
                {
                    throw IdRules.Invalid(FieldChecks.Index(rulePath + ".contains", j), rule.Contains[j], "must not be empty");
                }
            }
        }
        if (endpoint.AuthorMapping is { } authorMapping)
        {
            FieldChecks.NonBlank(authorMapping.Field, path + ".author_mapping.field");
            for (var i = 0; i < authorMapping.Normalized.Count; i++)
            {
                var alias = FieldChecks.Index(path + ".author_mapping.normalized", i);
                FieldChecks.NonBlank(authorMapping.Normalized[i].Raw, alias + ".raw");
                IdRules.ValidateAuthorId(authorMapping.Normalized[i].AuthorId, alias + ".author_id");
            }
        }
    }

    private static void ValidateInference(ProviderInference inference, string field)
    {
        FieldChecks.Url(inference.BaseUrl, field + ".base_url");
        FieldChecks.Url(inference.ChatCompletionsUrl, field + ".chat_completions_url");
        FieldChecks.Url(inference.HealthApiUrl, field + ".health_api_url");
        if (inference.SdkPackage is not null)
        {
            FieldChecks.Name(inference.SdkPackage, field + ".sdk_package");
        }
        for (var i = 0; i < inference.HealthComponents.Count; i++)
        {
            FieldChecks.NonBlank(inference.HealthComponents[i].Id, FieldChecks.Index(field + ".health_components", i) + ".id");
        }
        var operations = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inference.Endpoints.Count; i++)
        {
            var endpoint = inference.Endpoints[i];
            var path = FieldChecks.Index(field + ".endpoints", i);
            // The operation becomes the second half of the endpoint ID (openai/chat-completions).
            if (IdRules.EntityIdProblem(endpoint.Operation) is { } problem)
            {
                var reason = problem == IdRules.KebabCaseReason ? "must be lower-case kebab-case like 'chat-completions'" : problem;
                throw IdRules.Invalid(path + ".operation", endpoint.Operation, reason);
            }
            if (!operations.Add(endpoint.Operation))
            {
                throw IdRules.Invalid(path + ".operation", endpoint.Operation, "appears twice");
            }
            FieldChecks.Url(endpoint.Url, path + ".url", required: true);
            FieldChecks.Url(endpoint.StreamUrl, path + ".stream_url");
        }
    }
}
