namespace Starmap.Formats.StarmapYaml;

/// <summary>Provider records ⇄ entries of providers.yaml.</summary>
internal static class ProviderMapping
{
    public static Provider ToRecord(ProviderYaml y, MappingContext c)
    {
        var urls = UrlTemplates.From(y.Credentials);
        var endpoint = y.Catalog?.Endpoint;
        return new Provider
        {
            Id = c.Provider(c.Required(y.Id, y, "id", "id"), y, "id"),
            Aliases = (y.Aliases ?? []).Select(a => c.Provider(a, y, "aliases")).ToEquatableArray(),
            Name = y.Name!,
            Description = y.Description,
            Headquarters = y.Headquarters,
            IconUrl = y.IconUrl,
            DocsUrl = y.DocsUrl,
            StatusPageUrl = y.StatusPageUrl,
            Auth = CredentialsMapping.ToRecord(y.Credentials, endpoint?.ProtocolOptions?.Anthropic?.Version, c),
            Catalog = y.Catalog is { } catalog ? Catalog(catalog, urls, c) : null,
            Inference = y.Inference is { } inference ? Inference(inference, urls, c) : null,
            PrivacyPolicy = y.PrivacyPolicy is { } privacy ? new PrivacyPolicy
            {
                PrivacyPolicyUrl = privacy.PrivacyPolicyUrl,
                TermsOfServiceUrl = privacy.TermsOfServiceUrl,
                RetainsData = privacy.RetainsData,
                TrainsOnData = privacy.TrainsOnData,
            } : null,
            RetentionPolicy = y.RetentionPolicy is { } retention ? Retention(retention, c) : null,
            GovernancePolicy = y.GovernancePolicy is { } governance ? new GovernancePolicy
            {
                ModerationRequired = governance.ModerationRequired,
                Moderated = governance.Moderated,
                Moderator = governance.Moderator,
            } : null,
        };
    }

    public static ProviderYaml ToYaml(Provider p)
    {
        var endpoint = p.Catalog?.Endpoint;
        string? anthropicVersion = null;
        return new ProviderYaml
        {
            Id = p.Id,
            Aliases = p.Aliases.IsEmpty ? null : [.. p.Aliases],
            Name = p.Name,
            Description = p.Description,
            DocsUrl = p.DocsUrl,
            Headquarters = p.Headquarters,
            IconUrl = p.IconUrl,
            Credentials = p.Auth is { } auth ? CredentialsMapping.ToYaml(auth, endpoint is not null, out anthropicVersion) : null,
            Catalog = p.Catalog is { } catalog ? new ProviderCatalogYaml
            {
                Docs = catalog.DocsUrl,
                Endpoint = endpoint is null ? null : EndpointYaml(endpoint, anthropicVersion),
                Authors = catalog.Authors.IsEmpty ? null : [.. catalog.Authors],
            } : null,
            StatusPageUrl = p.StatusPageUrl,
            Inference = p.Inference is { } inference ? InferenceYaml(inference) : null,
            PrivacyPolicy = p.PrivacyPolicy is { } privacy ? new PrivacyPolicyYaml
            {
                PrivacyPolicyUrl = privacy.PrivacyPolicyUrl,
                TermsOfServiceUrl = privacy.TermsOfServiceUrl,
                RetainsData = privacy.RetainsData,
                TrainsOnData = privacy.TrainsOnData,
            } : null,
            RetentionPolicy = p.RetentionPolicy is { } retention ? new RetentionPolicyYaml
            {
                Type = StarmapEnums.Name(retention.Type),
                Duration = retention.Duration is { } duration ? GoDuration.Format(duration) : null,
                Details = retention.Details,
            } : null,
            GovernancePolicy = p.GovernancePolicy is { } governance ? new GovernancePolicyYaml
            {
                ModerationRequired = governance.ModerationRequired,
                Moderated = governance.Moderated,
                Moderator = governance.Moderator,
            } : null,
        };
    }

    private static ProviderCatalogConfig Catalog(ProviderCatalogYaml y, UrlTemplates urls, MappingContext c)
    {
        CatalogEndpoint? endpoint = null;
        if (y.Endpoint is { } e)
        {
            var url = c.Required(e.Url, e, "url", "catalog.endpoint.url");
            var resolved = urls.Resolve(url);
            if (resolved is null)
            {
                c.Warn($"catalog.endpoint with a URL that stays a template ('{url}') is not imported", e.LineOf("url"));
            }
            else
            {
                endpoint = new CatalogEndpoint
                {
                    Type = c.Enum<CatalogEndpointType>(c.Required(e.Type, e, "type", "catalog.endpoint.type"), e, "type", "catalog.endpoint.type"),
                    Url = resolved,
                    FieldMappings = (e.FieldMappings ?? []).Select(m => new FieldMapping { From = m.From!, To = m.To! }).ToEquatableArray(),
                    FeatureRules = (e.FeatureRules ?? []).Select(r => FeatureRule(r, c)).ToEquatableArray(),
                    AuthorMapping = e.AuthorMapping is { } mapping ? new AuthorMapping
                    {
                        Field = mapping.Field ?? "owned_by",
                        Normalized = (mapping.Normalized ?? [])
                            .Select(n => new AuthorAlias { Raw = n.Key, AuthorId = c.Author(n.Value, mapping, "normalized") })
                            .ToEquatableArray(),
                    } : null,
                };
            }
        }
        return new ProviderCatalogConfig
        {
            DocsUrl = y.Docs,
            Endpoint = endpoint,
            Authors = (y.Authors ?? []).Select(a => c.Author(a, y, "authors")).ToEquatableArray(),
        };
    }

    private static FeatureRule FeatureRule(FeatureRuleYaml r, MappingContext c)
    {
        var name = c.Required(r.Feature, r, "feature", "feature_rules.feature");
        if (!FeatureFlagsJsonConverter.TryParse(name, out var feature))
        {
            throw c.Fail(r, "feature", "catalog.endpoint.feature_rules.feature", $"'{StarmapValidationException.Printable(name)}' is not a known feature");
        }
        return new FeatureRule { Field = r.Field ?? "id", Contains = (r.Contains ?? []).ToEquatableArray(), Feature = feature, Value = r.Value ?? true };
    }

    private static ProviderInference Inference(InferenceYaml y, UrlTemplates urls, MappingContext c)
    {
        string? baseUrl = null;
        if (y.BaseUrl is { } rawBase && (baseUrl = urls.Resolve(rawBase)) is null)
        {
            c.Warn($"inference.base_url that stays a template ('{rawBase}') is not imported", y.LineOf("base_url"));
        }
        var endpoints = new List<InferenceEndpoint>();
        foreach (var e in y.Endpoints ?? [])
        {
            var path = c.Required(e.Path, e, "path", "inference.endpoints.path");
            if (urls.Join(baseUrl, path) is not { } url)
            {
                c.Warn("inference.endpoints entry whose URL cannot be made absolute is not imported", e.Line);
                continue;
            }
            endpoints.Add(new InferenceEndpoint
            {
                Operation = c.Required(e.Operation, e, "operation", "inference.endpoints.operation"),
                Type = e.Type,
                Url = url,
                StreamUrl = e.StreamPath is { } stream ? urls.Join(baseUrl, stream) : null,
            });
        }
        return new ProviderInference
        {
            BaseUrl = baseUrl,
            SdkPackage = y.SdkPackage,
            ChatCompletionsUrl = y.ChatCompletionsUrl is { } chat ? urls.Resolve(chat) ?? chat : null,
            Endpoints = endpoints.ToEquatableArray(),
            HealthApiUrl = y.HealthApiUrl,
            HealthComponents = (y.HealthComponents ?? [])
                .Select(h => new HealthComponent { Id = c.Required(h.Id, h, "id", "inference.health_components.id"), Name = h.Name })
                .ToEquatableArray(),
        };
    }

    private static RetentionPolicy Retention(RetentionPolicyYaml y, MappingContext c)
    {
        TimeSpan? duration = null;
        if (y.Duration is { } text)
        {
            duration = GoDuration.TryParse(text, out var parsed)
                ? parsed
                : throw c.Fail(y, "duration", "retention_policy.duration", $"'{StarmapValidationException.Printable(text)}' is not a duration like '720h0m0s'");
        }
        return new RetentionPolicy
        {
            Type = c.Enum<RetentionType>(c.Required(y.Type, y, "type", "retention_policy.type"), y, "type", "retention_policy.type"),
            Duration = duration,
            Details = y.Details,
        };
    }

    private static CatalogEndpointYaml EndpointYaml(CatalogEndpoint e, string? anthropicVersion) => new()
    {
        Type = StarmapEnums.Name(e.Type),
        Url = e.Url,
        ProtocolOptions = anthropicVersion is null ? null : new ProtocolOptionsYaml { Anthropic = new AnthropicOptionsYaml { Version = anthropicVersion } },
        FieldMappings = e.FieldMappings.IsEmpty ? null : [.. e.FieldMappings.Select(m => new FieldMappingYaml { From = m.From, To = m.To })],
        FeatureRules = e.FeatureRules.IsEmpty ? null : [.. e.FeatureRules.Select(r => new FeatureRuleYaml
        {
            Field = r.Field,
            Contains = [.. r.Contains],
            Feature = FeatureFlagsJsonConverter.NameOf(r.Feature),
            Value = r.Value,
        })],
        AuthorMapping = e.AuthorMapping is { } mapping ? new AuthorMappingYaml
        {
            Field = mapping.Field,
            Normalized = [.. mapping.Normalized.Select(n => KeyValuePair.Create(n.Raw, n.AuthorId))],
        } : null,
    };

    private static InferenceYaml InferenceYaml(ProviderInference i) => new()
    {
        BaseUrl = i.BaseUrl,
        SdkPackage = i.SdkPackage,
        ChatCompletionsUrl = i.ChatCompletionsUrl,
        Endpoints = i.Endpoints.IsEmpty ? null : [.. i.Endpoints.Select(e => new InferenceEndpointYaml
        {
            Operation = e.Operation,
            Type = e.Type,
            Path = UrlTemplates.Relative(i.BaseUrl, e.Url),
            StreamPath = e.StreamUrl is { } stream ? UrlTemplates.Relative(i.BaseUrl, stream) : null,
        })],
        HealthApiUrl = i.HealthApiUrl,
        HealthComponents = i.HealthComponents.IsEmpty ? null : [.. i.HealthComponents.Select(h => new HealthComponentYaml { Id = h.Id, Name = h.Name })],
    };
}
