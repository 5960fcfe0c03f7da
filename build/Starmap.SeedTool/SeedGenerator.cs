using Starmap.Catalog.Json;
using Starmap.Catalog.Seed;
using Starmap.Catalog.Validation;
using Starmap.Sources.ModelsDev;
using Starmap.Sync;

namespace Starmap.SeedTool;

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
                var record = NewProvider(entry, providers, skipped, quarantined);
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
            // The same steps a models.dev sync takes (SyncEngine): refuse bad values record by record, reconcile,
            // then make sure the merged records store.
            var warnings = new List<string>();
            var observation = RecordSanitizer.Sanitize(ModelsDevMapper.ToObservation(only, baseline.Provider, now)!, warnings);
            skipped.AddRange(warnings.Where(w => w.Contains(": skipped", StringComparison.Ordinal)));
            skippedModels += entry.Models.Count - observation.Models.Count;
            var curatedIds = baseline.Offerings.Select(o => o.ModelId).ToHashSet(StringComparer.Ordinal);
            curatedWins += observation.Models.Count(m => curatedIds.Contains(m.ModelId));
            var models = observation.Models.Where(m => !curatedIds.Contains(m.ModelId)).ToEquatableArray();
            var reconciled = Reconciler.Reconcile(baseline, [.. definitions.Values], [observation with { Models = models }], AuthorityTable.Default, now);
            foreach (var definition in reconciled.Definitions)
            {
                if (authors.Contains(definition.AuthorId) && !curatedDefinitions.Contains(definition.Id)
                    && RecordSanitizer.Sanitize(definition, SourceIds.Baseline, now).Record is { } clean)
                {
                    definitions[clean.Id] = clean;
                    Report(clean.Id + " (definition)", clean.Quarantine, quarantined);
                }
            }
            var offerings = RecordSanitizer.Storable(baseline, reconciled.Offerings, now);
            foreach (var offering in offerings.Where(o => !curatedIds.Contains(o.ModelId)))
            {
                Report($"{providerId}/{offering.ModelId}", offering.Quarantine, quarantined);
            }
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

    private static DateOnly? Newest(ModelsDevSnapshot snapshot) =>
        snapshot.Providers.Values.SelectMany(p => p.Models).Select(m => m.LastUpdated).Max();

    private static Provider? NewProvider(ModelsDevProvider entry, Dictionary<string, ProviderDetails> providers, List<string> skipped, List<string> quarantined)
    {
        var what = $"{StarmapValidationException.Escape(entry.Id)} (provider, with its {entry.Models.Count} models)";
        Provider record;
        var warnings = new List<string>();
        try
        {
            // The discover sync's mapping: values the catalog cannot hold are left out with a warning.
            record = ModelsDevProviderMapping.ToProvider(entry, warnings);
        }
        catch (StarmapValidationException ex)
        {
            skipped.Add($"{what}: {ex.Message}");
            return null;
        }
        // A renamed ID is reported by the mapping too, but only a value left out is a refusal.
        quarantined.AddRange(warnings.Where(w => w.EndsWith("left out", StringComparison.Ordinal))
            .Select(w => $"{StarmapValidationException.Escape(entry.Id)} (provider): {w}"));
        if (providers.ContainsKey(record.Id))
        {
            skipped.Add($"{what}: provider id '{record.Id}' is taken by a curated provider that reads another models.dev entry");
            return null;
        }
        return record;
    }

    private static void Report(string key, IEnumerable<QuarantineNote> notes, List<string> quarantined) =>
        quarantined.AddRange(notes.Select(n => $"{StarmapValidationException.Escape(key)} {n.Path} '{n.Value}': {n.Reason}"));
}
