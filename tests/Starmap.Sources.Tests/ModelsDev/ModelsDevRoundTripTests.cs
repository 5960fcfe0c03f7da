using System.Globalization;
using System.Text.Json.Nodes;
using Starmap.Catalog.Validation;
using Starmap.Sources.Json;
using Starmap.Sources.ModelsDev;
using Starmap.Testing;

namespace Starmap.Sources.Tests.ModelsDev;

/// <summary>
/// models.dev import → export: a snapshot read the way a sync reads it (<see cref="ModelsDevParser"/>,
/// then <see cref="ModelsDevMapper.ToObservation(ModelsDevSnapshot, Provider, DateTimeOffset, string?)"/>
/// per provider) and written back with <see cref="ModelsDevExport"/> gives back every value the catalog
/// models. Every field of both trees is compared; a difference fails unless <see cref="ModelsDevCompat"/>
/// allows it (each allowance is listed in docs/models-dev-compat.md with its count on the shared snapshot).
/// </summary>
public sealed class ModelsDevRoundTripTests(ITestOutputHelper output)
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "Fixtures", "models.dev", "roundtrip.json");

    [Fact]
    public void Import_then_export_of_the_shipped_snapshot_gives_back_every_modelled_value()
    {
        var source = File.ReadAllText(Shipped);
        var exported = ModelsDevCompat.RoundTrip(source);
        var report = ModelsDevCompat.Compare(source, exported.Json, exported.Models);
        Print(report);
        Assert.Empty(report.Unexplained);

        var json = JsonNode.Parse(exported.Json)!;
        var large = json["acme-ai"]!["models"]!["acme-large-2"]!;
        // Exact decimals and the tiers; the 200k block older readers know only where a 200k tier exists.
        Assert.Equal("0.125", large["cost"]!["cache_read"]!.ToJsonString());
        Assert.Equal("1.5625", large["cost"]!["cache_write"]!.ToJsonString());
        Assert.Equal("22.5", large["cost"]!["tiers"]![1]!["output"]!.ToJsonString());
        Assert.Equal(272_000, (long)large["cost"]!["tiers"]![0]!["tier"]!["size"]!);
        Assert.False(large["cost"]!.AsObject().ContainsKey("context_over_200k"));
        var miniCost = json["acme-ai"]!["models"]!["acme-mini"]!["cost"]!;
        Assert.Equal("0.15", miniCost["context_over_200k"]!["input"]!.ToJsonString());
        Assert.Equal(200_000, (long)miniCost["tiers"]![0]!["tier"]!["size"]!);
        Assert.Equal("0.075", miniCost["input"]!.ToJsonString());
        Assert.Equal(900_000, (long)large["limit"]!["input"]!);
        // Unknown stays absent: a limit models.dev wrote as 0 and a flag it never stated are left out, not 0 or false.
        var mini = json["acme-ai"]!["models"]!["acme-mini"]!.AsObject();
        Assert.False(mini["limit"]!.AsObject().ContainsKey("output"));
        Assert.False(mini.ContainsKey("temperature"));
        Assert.False(mini.ContainsKey("structured_output"));
        Assert.Equal("beta", (string?)mini["status"]);
        // A price of 0 means free and is kept.
        Assert.Equal("0", json["acme-ai"]!["models"]!["vendor/old-model@2023"]!["cost"]!["input"]!.ToJsonString());
        Assert.Equal("alpha", (string?)json["tiny-host"]!["models"]!["preview-1"]!["status"]);
        Assert.Equal("https://api.acme.example/v1", (string?)json["acme-ai"]!["api"]);
        Assert.Equal(["ACME_API_KEY", "ACME_TOKEN"], json["acme-ai"]!["env"]!.AsArray().Select(e => (string)e!));

        // The shipped snapshot exercises every allowance.
        var seen = report.Allowed.Keys.Select(k => k.Rule).ToHashSet();
        Assert.Superset(ModelsDevCompat.Rules.Where(r => r.Id != "quarantined" && r.Id != "provider-refused" && r.Id != "status-active" && r.Id != "unknown-modality").Select(r => r.Id)
            .ToHashSet(), seen);
    }

    [Fact]
    public void Import_then_export_of_the_shared_snapshot_gives_back_every_modelled_value()
    {
        Assert.SkipUnless(SharedFixtures.Available, SharedFixtures.SkipReason);
        var path = SharedFixtures.Path("models.dev", "api.json");
        Assert.SkipUnless(File.Exists(path), $"{path} is not present");
        var source = File.ReadAllText(path);
        var exported = ModelsDevCompat.RoundTrip(source);
        var report = ModelsDevCompat.Compare(source, exported.Json, exported.Models);
        Print(report);
        Assert.Empty(report.Unexplained);
        // Every price field of the source came back exactly (no allowance covers a changed price).
        Assert.DoesNotContain(report.Allowed.Keys, k => k.Kind == "changed" && k.Path.StartsWith("cost.", StringComparison.Ordinal) && !k.Path.Contains("context_over_200k", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_allowance_is_listed_in_the_compat_document()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Starmap.Orleans.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var doc = File.ReadAllText(Path.Combine(root.FullName, "docs", "models-dev-compat.md"));
        Assert.All(ModelsDevCompat.Rules, rule => Assert.Contains($"`{rule.Id}`", doc, StringComparison.Ordinal));
    }

    private void Print(ModelsDevCompat.Report report)
    {
        output.WriteLine($"compared {report.Fields} fields of {report.Models} models; {report.DatePrecision} dates written at day precision");
        foreach (var ((rule, kind, path), count) in report.Allowed.OrderBy(p => p.Key.Rule, StringComparer.Ordinal).ThenBy(p => p.Key.Path, StringComparer.Ordinal))
        {
            output.WriteLine($"allowed {rule,-22} {kind,-8} {path,-45} {count}");
        }
        foreach (var line in report.Unexplained.Take(50))
        {
            output.WriteLine("UNEXPLAINED " + line);
        }
    }
}

/// <summary>The round trip and the field-by-field comparison, with the allowed differences.</summary>
internal static class ModelsDevCompat
{
    private static readonly HashSet<string> KnownEfforts = new(StringComparer.Ordinal) { "minimal", "low", "medium", "high", "max" };
    private static readonly HashSet<string> KnownModalities = new(StringComparer.Ordinal) { "text", "image", "audio", "video", "pdf", "embedding", "embeddings" };

    /// <summary>An allowed difference: its ID (listed in docs/models-dev-compat.md) and when it applies.</summary>
    public sealed record Rule(string Id, Func<Difference, bool> Applies);

    /// <summary>One field that differs: kind is dropped (source only), added (export only) or changed.</summary>
    public sealed record Difference(string Kind, string Path, string? Source, string? Export, JsonObject? SourceModel, Offering? Offering);

    public sealed record Report(int Models, int Fields, int DatePrecision, Dictionary<(string Rule, string Kind, string Path), int> Allowed, List<string> Unexplained);

    public static readonly Rule[] Rules =
    [
        new("interleaved", d => d.Kind == "dropped" && Under(d.Path, "interleaved")),
        new("experimental-modes", d => d.Kind == "dropped" && Under(d.Path, "experimental")),
        new("model-provider", d => d.Kind == "dropped" && Under(d.Path, "provider")),
        new("audio-prices", d => d.Kind == "dropped" && d.Path.StartsWith("cost.", StringComparison.Ordinal) && (d.Path.EndsWith(".input_audio", StringComparison.Ordinal) || d.Path.EndsWith(".output_audio", StringComparison.Ordinal))),
        // The parser reads "tiers" and ignores the older block beside it; the export writes the block from the 200k tier.
        new("context-over-200k", d => Under(d.Path, "cost.context_over_200k")
            && (d.Kind == "added" || d.SourceModel?["cost"]?["tiers"] is not null)),
        new("tiers-from-200k-block", d => d.Kind == "added" && Under(d.Path, "cost.tiers")),
        new("zero-limit", d => d.Kind == "dropped" && d.Path.StartsWith("limit.", StringComparison.Ordinal) && d.Source == "0"),
        new("reasoning-toggle", d => d.Kind == "dropped" && Under(d.Path, "reasoning_options[toggle]")),
        new("effort-values", d => (d.Path == "reasoning_options[effort].values" && d.Kind is "changed" or "dropped"
            && (d.Source ?? "").Split(',').Any(v => !KnownEfforts.Contains(v)))
            // An effort option whose values are all outside the levels leaves no option to write.
            || (d is { Kind: "dropped", Path: "reasoning_options[effort].type" } && EffortValues(d.SourceModel).All(v => !KnownEfforts.Contains(v)))),
        new("unknown-modality", d => d.Path.StartsWith("modalities.", StringComparison.Ordinal) && d.Kind is "changed" or "dropped"
            && (d.Source ?? "").Split(',').Any(v => !KnownModalities.Contains(v))),
        new("status-active", d => d is { Kind: "dropped", Path: "status" } && !(d.Source is "alpha" or "beta" or "deprecated" or "preview" or "retired")),
        // A provider value the catalog cannot hold (a templated URL, a variable name starting with a digit) is left out by the mapping.
        new("provider-refused", d => d.Kind == "dropped" && d.Path is "provider:api" or "provider:env" or "provider:doc"
            && ((d.Source ?? "").Contains("${", StringComparison.Ordinal) || char.IsDigit((d.Source ?? " ")[0]))),
        // A value the import refused (quarantine note on the offering) is left unknown, so it is not written back.
        new("quarantined", d => d.Kind is "dropped" or "changed" && d.Offering is { Quarantine.IsEmpty: false } offering
            && offering.Quarantine.Any(n => n.Value == d.Source || n.Path.Contains(Leaf(d.Path), StringComparison.Ordinal))),
    ];

    private static IEnumerable<string> EffortValues(JsonObject? model) =>
        model?["reasoning_options"] is JsonArray options
            ? options.Where(o => (string?)o?["type"] == "effort").SelectMany(o => o!["values"] is JsonArray values ? values.Select(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)v! : "") : [])
            : [];

    public sealed record Exported(string Json, IReadOnlyDictionary<(string Provider, string Model), Offering> Models);

    /// <summary>Reads the snapshot as the sync does and writes it back.</summary>
    public static Exported RoundTrip(string source)
    {
        var snapshot = ModelsDevParser.Parse(source);
        var providers = new List<Provider>();
        var models = new List<CatalogModel>();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var entry in snapshot.Providers.Values)
        {
            // The provider record a discover sync creates and the observation a models.dev sync of it makes, with values
            // that cannot be right refused (left unknown, with a note) before merging.
            var provider = ModelsDevProviderMapping.ToProvider(entry);
            providers.Add(provider);
            renamed[provider.Id] = entry.Id;
            var only = snapshot with { Providers = new Dictionary<string, ModelsDevProvider>(StringComparer.Ordinal) { [provider.Id] = entry } };
            var observation = RecordSanitizer.Sanitize(ModelsDevMapper.ToObservation(only, provider, at)!, new List<string>());
            foreach (var observed in observation.Models)
            {
                // As the reconciler does: an observed definition is proposed as the offering's link.
                var definition = observed.Definition;
                var offering = observed.Offering with { DefinitionId = observed.Offering.DefinitionId ?? definition?.Id };
                models.Add(new CatalogModel { Offering = offering, Definition = definition, AuthorIds = offering.AuthorIds });
            }
        }
        // A models.dev key that is no provider ID (wafer.ai) is served under its catalog ID (wafer-ai); the comparison
        // lines the two up by the models.dev key (docs/models-dev-compat.md, provider IDs).
        var json = JsonNode.Parse(ModelsDevExport.ToJson(providers, models, indented: true))!.AsObject();
        foreach (var (id, original) in renamed.Where(r => r.Key != r.Value).ToList())
        {
            var node = json[id]!;
            json.Remove(id);
            node["id"] = original;
            json[original] = node;
        }
        return new Exported(json.ToJsonString(),
            models.ToDictionary(m => (renamed[m.ProviderId], m.ModelId), m => m.Offering));
    }

    public static Report Compare(string source, string exported, IReadOnlyDictionary<(string Provider, string Model), Offering> offerings)
    {
        var before = JsonNode.Parse(source)!.AsObject();
        var after = JsonNode.Parse(exported)!.AsObject();
        var allowed = new Dictionary<(string, string, string), int>();
        var unexplained = new List<string>();
        int models = 0, fields = 0, datePrecision = 0;

        void Check(string where, Dictionary<string, string> from, Dictionary<string, string> to, JsonObject? model, Offering? offering)
        {
            fields += from.Count;
            foreach (var path in from.Keys.Union(to.Keys).Order(StringComparer.Ordinal))
            {
                var had = from.GetValueOrDefault(path);
                var has = to.GetValueOrDefault(path);
                if (had == has)
                {
                    continue;
                }
                var kind = had is null ? "added" : has is null ? "dropped" : "changed";
                var difference = new Difference(kind, path, had, has, model, offering);
                var rule = Rules.FirstOrDefault(r => r.Applies(difference));
                if (rule is null)
                {
                    unexplained.Add($"{where}: {path} {kind}: '{had}' -> '{has}'");
                    continue;
                }
                var key = (rule.Id, kind, Pattern(path));
                allowed[key] = allowed.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var (providerId, providerNode) in before)
        {
            if (providerNode is not JsonObject provider)
            {
                continue;
            }
            var exportedProvider = after[providerId]?.AsObject();
            Check(providerId, ProviderFields(provider), exportedProvider is null ? [] : ProviderFields(exportedProvider), null, null);
            foreach (var (modelId, modelNode) in provider["models"]?.AsObject() ?? [])
            {
                if (modelNode is not JsonObject model)
                {
                    continue;
                }
                models++;
                datePrecision += new[] { "knowledge", "release_date", "last_updated" }.Count(k => model[k] is JsonValue v && v.ToString().Length != 10);
                var back = exportedProvider?["models"]?[modelId]?.AsObject();
                Check(providerId + "/" + modelId, Fields(model), back is null ? [] : Fields(back), model, offerings.GetValueOrDefault((providerId, modelId)));
            }
        }
        foreach (var (providerId, _) in after)
        {
            if (!before.ContainsKey(providerId))
            {
                unexplained.Add($"{providerId}: provider added by the export");
            }
        }
        return new Report(models, fields, datePrecision, allowed, unexplained);
    }

    private static bool Under(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal) || path.StartsWith(prefix + "[", StringComparison.Ordinal);

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];

    // Tier sizes are data, not fields: counted together.
    private static string Pattern(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"tiers\[\d+\]", "tiers[*]");

    private static Dictionary<string, string> ProviderFields(JsonObject provider)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in provider)
        {
            if (key == "models" || value is null)
            {
                continue;
            }
            fields["provider:" + key] = value is JsonArray list ? string.Join(",", list.Select(v => v?.ToString())) : value.ToString();
        }
        return fields;
    }

    private static Dictionary<string, string> Fields(JsonObject model)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(model, "", fields);
        return fields;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> into)
    {
        switch (node)
        {
            case null:
                return; // null is unknown, as absent
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, path.Length == 0 ? key : path + "." + key, into);
                }
                return;
            case JsonArray tiers when path.EndsWith("tiers", StringComparison.Ordinal):
                for (var i = 0; i < tiers.Count; i++)
                {
                    var tier = tiers[i]!.AsObject();
                    var size = tier["tier"]?["size"]?.ToString() ?? "#" + i;
                    foreach (var (key, value) in tier.Where(p => p.Key != "tier"))
                    {
                        Walk(value, $"{path}[{size}].{key}", into);
                    }
                }
                return;
            case JsonArray options when path == "reasoning_options":
                foreach (var option in options.OfType<JsonObject>())
                {
                    var type = option["type"]?.ToString() ?? "?";
                    foreach (var (key, value) in option)
                    {
                        Walk(value, $"{path}[{type}].{key}", into);
                    }
                }
                return;
            case JsonArray list:
                // Lists of names compare as sets (modalities, effort values): the catalog keeps them in its own order.
                into[path] = string.Join(",", list.Select(v => v?.ToString() ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                return;
            case JsonValue value:
                into[path] = Canonical(path, value);
                return;
        }
    }

    private static string Canonical(string path, JsonValue value)
    {
        var text = value.ToJsonString();
        switch (value.GetValueKind())
        {
            case System.Text.Json.JsonValueKind.Number:
                // 64000.0 and 64000, 0.30 and 0.3 are one value.
                return (decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
            case System.Text.Json.JsonValueKind.String:
                var s = value.GetValue<string>();
                // A month or year is read as its first day (the catalog holds dates): compared as dates.
                return Leaf(path) is "knowledge" or "release_date" or "last_updated" && JsonRecord.ParseDate(s) is { } date
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : s;
            default:
                return text;
        }
    }
}
