namespace Starmap.Catalog.Snapshot;

public sealed partial class CatalogSnapshot
{
    /// <summary>
    /// A new snapshot with several providers and authors replaced (a null state removes one), sharing
    /// everything they did not touch. Equal to <see cref="Build"/> from the resulting states.
    /// </summary>
    /// <exception cref="ArgumentException">A state is listed under another ID, or an offering names another provider.</exception>
    public CatalogSnapshot WithChanges(
        long generation,
        IEnumerable<KeyValuePair<string, ProviderDetails?>> providers,
        IEnumerable<KeyValuePair<string, AuthorDetails?>> authors)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(authors);
        var providerChanges = Changes(providers, d => d.Provider.Id, "provider", nameof(providers));
        var authorChanges = Changes(authors, d => d.Author.Id, "author", nameof(authors));

        var authorMap = _authors;
        var authorDefinitions = _authorDefinitions;
        var definitions = _definitions;
        var attribution = _attribution;
        var changedDefinitions = new HashSet<string>(Ordinal);
        // Providers the changed attribution rules can reach; null: all of them.
        HashSet<string>? ruleScope = [];
        if (authorChanges.Count > 0)
        {
            authorMap = new Dictionary<string, AuthorDetails>(_authors, Ordinal);
            authorDefinitions = new Dictionary<string, Dictionary<string, ModelDefinition>>(_authorDefinitions, Ordinal);
            var rulesChanged = false;
            foreach (var (id, details) in authorChanges)
            {
                var before = _authors.GetValueOrDefault(id);
                if (before is not null)
                {
                    changedDefinitions.UnionWith(_authorDefinitions[id].Keys);
                }
                if (details is null)
                {
                    authorMap.Remove(id);
                    authorDefinitions.Remove(id);
                }
                else
                {
                    var own = IndexOwn(details);
                    changedDefinitions.UnionWith(own.Keys);
                    authorMap[id] = details;
                    authorDefinitions[id] = own;
                }
                var rulesBefore = before?.Author.Attribution ?? default;
                var rulesAfter = details?.Author.Attribution ?? default;
                if (rulesBefore != rulesAfter)
                {
                    rulesChanged = true;
                    ruleScope = Widen(ruleScope, rulesBefore, rulesAfter);
                }
            }
            definitions = new Dictionary<string, ModelDefinition>(_definitions, Ordinal);
            var ordered = OrderedIds(authorMap);
            foreach (var id in changedDefinitions.ToList())
            {
                var served = Resolve(id, authorMap, authorDefinitions, ordered);
                if (Equals(served, _definitions.GetValueOrDefault(id)))
                {
                    // Written again unchanged (a sync rewrites an author's definitions): nothing to rejoin.
                    changedDefinitions.Remove(id);
                    continue;
                }
                if (served is null)
                {
                    definitions.Remove(id);
                }
                else
                {
                    definitions[id] = served;
                }
            }
            if (rulesChanged)
            {
                attribution = CreateAttribution(authorMap);
            }
        }

        var providerMap = _providers;
        if (providerChanges.Count > 0)
        {
            providerMap = new Dictionary<string, ProviderDetails>(_providers, Ordinal);
        }
        var models = new Dictionary<string, ProviderModels>(_models, Ordinal);
        foreach (var (id, details) in providerChanges)
        {
            if (details is null)
            {
                providerMap.Remove(id);
                models.Remove(id);
            }
            else
            {
                providerMap[id] = details;
                // Unchanged definitions and rules leave an offering's join as it was: reuse the shared ones.
                models[id] = authorChanges.Count == 0 && _models.TryGetValue(id, out var previous)
                    ? previous.Update(details, definitions, attribution)
                    : ProviderModels.Join(details, definitions, attribution);
            }
        }
        if (authorChanges.Count > 0)
        {
            foreach (var (id, joined) in _models)
            {
                if (providerChanges.ContainsKey(id))
                {
                    continue;
                }
                models[id] = ruleScope is null || ruleScope.Contains(id)
                    ? ProviderModels.Join(providerMap[id], definitions, attribution)
                    : joined.Rejoin(changedDefinitions, definitions, attribution);
            }
        }
        return new CatalogSnapshot(generation, providerMap, authorMap, authorDefinitions, definitions, models, attribution)
        {
            _derivedFrom = new WeakReference<CatalogSnapshot>(this),
        };
    }

    private static Dictionary<string, T?> Changes<T>(IEnumerable<KeyValuePair<string, T?>> changes, Func<T, string> idOf, string kind, string parameter)
        where T : class
    {
        var map = new Dictionary<string, T?>(Ordinal);
        foreach (var (id, details) in changes)
        {
            ArgumentNullException.ThrowIfNull(id, parameter);
            if (details is not null && !string.Equals(idOf(details), id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"details are for {kind} '{idOf(details)}', not '{id}'", parameter);
            }
            map[id] = details; // the last state of an ID listed twice wins
        }
        return map;
    }

    /// <summary>Adds the providers old and new rules name; a rule naming none can credit anywhere (null).</summary>
    private static HashSet<string>? Widen(HashSet<string>? scope, EquatableArray<AttributionRule> before, EquatableArray<AttributionRule> after)
    {
        if (scope is null)
        {
            return null;
        }
        foreach (var rule in before.Concat(after))
        {
            if (rule.ProviderId is null)
            {
                return null;
            }
            scope.Add(rule.ProviderId);
        }
        return scope;
    }
}
