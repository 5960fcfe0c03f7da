using System.IO.Compression;
using System.Text.Json;
using Starmap.Catalog.Formats.ModelsDev;
using Starmap.Catalog.Sync;

namespace Starmap.Catalog;

/// <summary>
/// Makes the built-in catalog from a models.dev snapshot and the curated catalog (<c>Seed/catalog.json</c>)
/// with the same code a models.dev sync runs (<see cref="ModelsDevMapper"/>, <see cref="Reconciler"/>), so a
/// fresh store holds what a discover sync of the snapshot would write. The merge rule, kept simple:
/// <list type="bullet">
/// <item>A curated provider takes the snapshot provider a sync would read for it (its ID, then its aliases):
/// its curated record and its curated offerings are kept whole; the snapshot's models it lacks are added.</item>
/// <item>Every other snapshot provider gets the record <see cref="ModelsDevProviderMapping.ToProvider"/> gives
/// and all its models. Curated providers the snapshot lacks are kept as they are.</item>
/// <item>Authors are the curated ones. A definition the snapshot proposes is added when its author is one of
/// them (as a sync writes only definitions of known authors); a curated definition is kept whole.</item>
/// </list>
/// </summary>
public static class SeedGenerator
{
    private const string Sources =
        "Generated from a models.dev api.json snapshot (https://models.dev, MIT licence, Copyright (c) 2025 spin.dev; " +
        "see MODELS-DEV-LICENSE.txt) and the curated catalog Seed/catalog.json written for this project, which wins " +
        "where both describe a model. Regenerate with build/seed.sh.";

    /// <summary>
    /// The generated catalog and a report of what was kept, added, skipped and refused. The snapshot date is
    /// <paramref name="recorded"/>, else the newest <c>last_updated</c> in the snapshot, else the curated date.
    /// </summary>
    public static (GeneratedCatalogFile Catalog, SeedReport Report) Generate(BuiltInCatalog curated, ModelsDevSnapshot snapshot, DateOnly? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(curated);
        ArgumentNullException.ThrowIfNull(snapshot);
        var day = recorded ?? Newest(snapshot) ?? curated.Recorded;
        var now = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var skipped = new List<string>();
        var quarantined = new List<string>();

        // The snapshot provider a sync reads for each curated provider (ID first, then aliases).
        var curatedByEntry = new Dictionary<string, ProviderDetails>(StringComparer.Ordinal);
        foreach (var provider in curated.Providers)
        {
            if (snapshot.FindProvider([provider.Provider.Id, .. provider.Provider.Aliases]) is { } entry)
            {
                curatedByEntry.TryAdd(entry.Id, provider);
            }
        }
        var authors = curated.Authors.Select(a => a.Author.Id).ToHashSet(StringComparer.Ordinal);
        var curatedDefinitions = curated.Authors.SelectMany(a => a.Definitions).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var definitions = curated.Authors.SelectMany(a => a.Definitions).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var providers = curated.Providers.ToDictionary(p => p.Provider.Id, StringComparer.Ordinal);
        var curatedWins = 0;
        var skippedModels = 0;

        foreach (var entry in snapshot.Providers.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var baseline = curatedByEntry.GetValueOrDefault(entry.Id);
            if (baseline is null)
            {
                var record = NewProvider(entry, providers, now, skipped, quarantined);
                if (record is null)
                {
                    skippedModels += entry.Models.Count;
                    continue;
                }
                baseline = new ProviderDetails { Provider = record };
            }
            var providerId = baseline.Provider.Id;
            // The entry itself under the provider's ID: the provider ID may differ from the models.dev key.
            var only = snapshot with { Providers = new Dictionary<string, ModelsDevProvider>(StringComparer.Ordinal) { [providerId] = entry } };
            var observation = ModelsDevMapper.ToObservation(only, baseline.Provider, now)!;
            var curatedIds = baseline.Offerings.Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal);
            var models = new List<ObservedModel>();
            var refusals = new Dictionary<string, List<QuarantineNote>>(StringComparer.Ordinal);
            foreach (var model in observation.Models)
            {
                if (curatedIds.Contains(model.ModelId))
                {
                    curatedWins++;
                }
                else if (Clean(providerId, model, now, refusals, skipped, quarantined) is { } clean)
                {
                    models.Add(clean);
                }
                else
                {
                    skippedModels++;
                }
            }
            var reconciled = Reconciler.Reconcile(baseline, [.. definitions.Values], [observation with { Models = [.. models] }], AuthorityTable.Default, now);
            foreach (var definition in reconciled.Definitions)
            {
                if (authors.Contains(definition.AuthorId) && !curatedDefinitions.Contains(definition.Id)
                    && Clean(definition, now, skipped, quarantined) is { } clean)
                {
                    definitions[clean.Id] = clean;
                }
            }
            // Notes are attached after the merge: they are what this run refused, not a field a source states.
            var offerings = reconciled.Offerings.Select(o => refusals.TryGetValue(o.ModelId, out var notes) ? o with { Quarantine = [.. o.Quarantine, .. notes] } : o);
            providers[providerId] = baseline with { Offerings = [.. offerings] };
        }

        // An offering links a definition only when the definition made it in (its author is known, it was valid).
        var result = providers.Values
            .Select(p => p with { Offerings = [.. p.Offerings.Select(o => o.DefinitionId is { } id && !definitions.ContainsKey(id) ? o with { DefinitionId = null } : o)] })
            .OrderBy(p => p.Provider.Id, StringComparer.Ordinal)
            .ToEquatableArray();
        var authorStates = curated.Authors
            .Select(a => a with { Definitions = [.. definitions.Values.Where(d => d.AuthorId == a.Author.Id).OrderBy(d => d.Id, StringComparer.Ordinal)] })
            .ToEquatableArray();
        var file = new GeneratedCatalogFile
        {
            Version = $"{curated.Version}+models.dev.{day:yyyy.MM.dd}",
            Recorded = day,
            Sources = Sources,
            Providers = result,
            Authors = authorStates,
        };
        var report = new SeedReport
        {
            SourceProviders = snapshot.Providers.Count,
            SourceModels = snapshot.ModelCount,
            Providers = result.Count,
            Offerings = result.Sum(p => p.Offerings.Count),
            Authors = authorStates.Count,
            Definitions = authorStates.Sum(a => a.Definitions.Count),
            CuratedWins = curatedWins,
            CuratedOnly = curated.Providers.Sum(p => p.Offerings.Count) - curatedWins,
            Skipped = [.. skipped],
            SkippedModels = skippedModels,
            Quarantined = [.. quarantined],
        };
        return (file, report);
    }

    /// <summary>Writes <paramref name="catalog"/> as gzip-compressed JSON, the form the assembly embeds.</summary>
    public static void Write(GeneratedCatalogFile catalog, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        JsonSerializer.Serialize(gzip, catalog, StarmapJson.Options);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static GeneratedCatalogFile Read(Stream source)
    {
        // Decompressed whole first: read from a stream, the serializer would buffer and rescan the one large
        // array (a custom converter needs its value whole), which takes seconds instead of milliseconds.
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        return JsonSerializer.Deserialize<GeneratedCatalogFile>(json.GetBuffer().AsSpan(0, (int)json.Length), StarmapJson.Options)
            ?? throw new JsonException("the generated catalog is null");
    }

    private static DateOnly? Newest(ModelsDevSnapshot snapshot) =>
        snapshot.Providers.Values.SelectMany(p => p.Models).Select(m => m.LastUpdated).Max();

    private static Provider? NewProvider(ModelsDevProvider entry, Dictionary<string, ProviderDetails> providers, DateTimeOffset now,
        List<string> skipped, List<string> quarantined)
    {
        var what = $"{StarmapValidationException.Escape(entry.Id)} (provider, with its {entry.Models.Count} models)";
        var record = ModelsDevProviderMapping.ToProvider(entry);
        if (providers.ContainsKey(record.Id))
        {
            skipped.Add($"{what}: provider id '{record.Id}' is taken by a curated provider that reads another models.dev entry");
            return null;
        }
        // ---- stand-in for the quarantine sanitizer (see SeedCleaner) ----
        var notes = new List<QuarantineNote>();
        var provider = SeedCleaner.Clean(record, CatalogValidator.Validate, "provider", SourceIds.ModelsDev, now, notes, out var why);
        Report(entry.Id, notes, quarantined);
        if (provider is null)
        {
            skipped.Add($"{what}: {why}");
        }
        return provider;
    }

    private static ObservedModel? Clean(string providerId, ObservedModel model, DateTimeOffset now, Dictionary<string, List<QuarantineNote>> refusals,
        List<string> skipped, List<string> quarantined)
    {
        var key = $"{providerId}/{model.ModelId}";
        if (IdRules.ModelIdProblem(model.ModelId) is { } problem)
        {
            skipped.Add($"{StarmapValidationException.Escape(key)}: model id {problem}");
            return null;
        }
        // ---- stand-in for the quarantine sanitizer (see SeedCleaner) ----
        var notes = new List<QuarantineNote>();
        var offering = SeedCleaner.Clean(model.Offering, o => CatalogValidator.Validate(o, providerId), "offering", SourceIds.ModelsDev, now, notes, out var why);
        Report(key, notes, quarantined);
        if (offering is null)
        {
            skipped.Add($"{key}: {why}");
            return null;
        }
        if (notes.Count > 0)
        {
            refusals[model.ModelId] = notes;
        }
        return model with { Offering = offering };
    }

    private static ModelDefinition? Clean(ModelDefinition definition, DateTimeOffset now, List<string> skipped, List<string> quarantined)
    {
        // ---- stand-in for the quarantine sanitizer (see SeedCleaner) ----
        var notes = new List<QuarantineNote>();
        var clean = SeedCleaner.Clean(definition, d => CatalogValidator.Validate(d, d.AuthorId), "definition", SourceIds.ModelsDev, now, notes, out var why);
        Report(definition.Id + " (definition)", notes, quarantined);
        if (clean is null)
        {
            skipped.Add($"{definition.Id} (definition): {why}");
            return null;
        }
        return notes.Count == 0 ? clean : clean with { Quarantine = [.. clean.Quarantine, .. notes] };
    }

    private static void Report(string key, List<QuarantineNote> notes, List<string> quarantined) =>
        quarantined.AddRange(notes.Select(n => $"{StarmapValidationException.Escape(key)} {n.Path} '{n.Value}': {n.Reason}"));
}
