using System.Text;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// <see cref="ProviderAuth"/> ⇄ Starmap's credentials block. The key is the secret field placed by
/// the first profile (inference alternatives first, then catalog ones, then any) that places a secret;
/// its placement gives the header or query parameter and scheme. Every other field with environment
/// variables becomes <see cref="ProviderAuth.EnvVars"/>: a variable is required only when its field is
/// required, has no default and no alternative variable. Listing models needs the key when the
/// <c>catalog_acquisition</c> plane is required. <c>anthropic-version</c> comes from the catalog
/// endpoint's protocol options; other fixed headers use a <c>static_headers</c> list of our own.
/// </summary>
internal static class CredentialsMapping
{
    private const string AnthropicVersion = "anthropic-version";
    private const string KeyFieldId = "api-key";

    public static ProviderAuth? ToRecord(CredentialsYaml? y, string? anthropicVersion, MappingContext c)
    {
        var headers = new List<HeaderValue>();
        if (anthropicVersion is not null)
        {
            headers.Add(new HeaderValue { Name = AnthropicVersion, Value = anthropicVersion });
        }
        if (y is null)
        {
            return headers.Count == 0 ? null : new ProviderAuth { KeyRequired = false, StaticHeaders = headers.ToEquatableArray() };
        }
        headers.AddRange((y.StaticHeaders ?? []).Select(h => new HeaderValue
        {
            Name = c.Required(h.Name, h, "name", "credentials.static_headers.name"),
            Value = h.Value ?? "",
        }));
        var fields = y.Fields ?? [];
        foreach (var field in fields)
        {
            if (field.Kind is not ("secret" or "parameter"))
            {
                throw c.Fail(field, "kind", "credentials.fields.kind", $"'{field.Kind}' is not one of secret, parameter");
            }
        }

        var (profile, keyField) = FindKey(y, fields);
        var placements = (profile?.Placements ?? []).Where(p => p.Field == keyField?.Id).ToList();
        foreach (var placement in placements.Where(p => p.Kind is not (null or "header" or "query")))
        {
            throw c.Fail(placement, "kind", "credentials.profiles.placements.kind", $"'{placement.Kind}' is not one of header, query");
        }
        if (profile?.Placements?.Any(p => p.Field != keyField?.Id) == true)
        {
            c.Warn("credentials: placements of fields other than the key (e.g. an organization header) are not imported", profile.Line);
        }
        var scheme = placements.FirstOrDefault()?.Scheme is { } schemeName
            ? c.Enum<AuthScheme>(schemeName, placements[0], "scheme", "credentials.profiles.placements.scheme")
            : AuthScheme.Bearer;

        return new ProviderAuth
        {
            ApiKeyEnvVars = (keyField?.Environment ?? []).ToEquatableArray(),
            ApiKeyPattern = keyField?.Pattern,
            Header = placements.FirstOrDefault(p => p.Kind is null or "header")?.Name,
            QueryParameter = placements.FirstOrDefault(p => p.Kind == "query")?.Name,
            Scheme = scheme,
            KeyRequired = y.CatalogAcquisition?.Required ?? keyField is not null,
            EnvVars = fields
                .Where(f => f != keyField)
                .SelectMany(f => (f.Environment ?? []).Select(name => new ProviderEnvVar
                {
                    Name = name,
                    Required = f.Required == true && f.Default is null && f.Environment!.Count == 1,
                    Description = f.Description,
                    Pattern = f.Pattern,
                }))
                .ToEquatableArray(),
            StaticHeaders = headers.ToEquatableArray(),
        };
    }

    public static CredentialsYaml ToYaml(ProviderAuth a, bool hasCatalogEndpoint, out string? anthropicVersion)
    {
        var headers = a.StaticHeaders.ToList();
        anthropicVersion = null;
        if (hasCatalogEndpoint && headers.FirstOrDefault()?.Name == AnthropicVersion)
        {
            anthropicVersion = headers[0].Value;
            headers.RemoveAt(0);
        }
        var hasKey = !a.ApiKeyEnvVars.IsEmpty || a.ApiKeyPattern is not null || a.Header is not null
            || a.QueryParameter is not null || a.Scheme != AuthScheme.Bearer;
        var fields = new List<CredentialFieldYaml>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (hasKey)
        {
            ids.Add(KeyFieldId);
            fields.Add(new CredentialFieldYaml
            {
                Id = KeyFieldId,
                Kind = "secret",
                Required = true,
                Environment = a.ApiKeyEnvVars.IsEmpty ? null : [.. a.ApiKeyEnvVars],
                Pattern = a.ApiKeyPattern,
            });
        }
        foreach (var envVar in a.EnvVars)
        {
            fields.Add(new CredentialFieldYaml
            {
                Id = UniqueId(Kebab(envVar.Name), ids),
                Kind = "parameter",
                Required = envVar.Required,
                Environment = [envVar.Name],
                Pattern = envVar.Pattern,
                Description = envVar.Description,
            });
        }
        var profileId = hasKey ? KeyFieldId : "none";
        return new CredentialsYaml
        {
            Fields = fields.Count == 0 ? null : fields,
            Profiles =
            [
                new CredentialProfileYaml
                {
                    Id = profileId,
                    Primitive = hasKey ? "api-key" : "none",
                    Fields = fields.Count == 0 ? null : [.. fields.Select(f => f.Id!)],
                    Placements = hasKey ? Placements(a) : null,
                },
            ],
            CatalogAcquisition = new CredentialPlaneYaml { Required = a.KeyRequired, Alternatives = [profileId] },
            Inference = new CredentialPlaneYaml { Required = hasKey, Alternatives = [profileId] },
            StaticHeaders = headers.Count == 0 ? null : [.. headers.Select(h => new HeaderYaml { Name = h.Name, Value = h.Value })],
        };
    }

    private static (CredentialProfileYaml? Profile, CredentialFieldYaml? Field) FindKey(CredentialsYaml y, List<CredentialFieldYaml> fields)
    {
        var profiles = y.Profiles ?? [];
        var order = (y.Inference?.Alternatives ?? []).Concat(y.CatalogAcquisition?.Alternatives ?? []).Concat(profiles.Select(p => p.Id ?? ""));
        foreach (var id in order)
        {
            var profile = profiles.FirstOrDefault(p => p.Id == id);
            foreach (var placement in profile?.Placements ?? [])
            {
                if (fields.FirstOrDefault(f => f.Id == placement.Field) is { Kind: "secret" } field)
                {
                    return (profile, field);
                }
            }
        }
        return (null, null);
    }

    // A header placement without a name stands for "the default header" (Authorization), so a null
    // Header survives a round trip; a query placement follows when the key may also go in the URL.
    private static List<CredentialPlacementYaml> Placements(ProviderAuth a)
    {
        var scheme = StarmapEnums.Name(a.Scheme);
        var placements = new List<CredentialPlacementYaml>();
        if (a.Header is not null || a.QueryParameter is null)
        {
            placements.Add(new CredentialPlacementYaml { Field = KeyFieldId, Kind = "header", Name = a.Header, Scheme = scheme });
        }
        if (a.QueryParameter is not null)
        {
            placements.Add(new CredentialPlacementYaml { Field = KeyFieldId, Kind = "query", Name = a.QueryParameter, Scheme = scheme });
        }
        return placements;
    }

    private static string Kebab(string envVar)
    {
        var id = new StringBuilder();
        foreach (var c in envVar.ToLowerInvariant())
        {
            var next = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (next != '-' || (id.Length > 0 && id[^1] != '-'))
            {
                id.Append(next);
            }
        }
        var text = id.ToString().Trim('-');
        return text.Length == 0 ? "variable" : text;
    }

    private static string UniqueId(string id, HashSet<string> used)
    {
        var candidate = id;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}-{i}");
        }
        return candidate;
    }
}
