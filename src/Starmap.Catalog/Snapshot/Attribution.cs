using Starmap.Catalog.Patterns;

namespace Starmap.Catalog.Snapshot;

/// <summary>
/// Decides which authors are credited with an offering: the linked definition's authors (and the
/// owner named in its ID), the provider's own credits, and every author whose attribution rule
/// matches. Rules are compiled once per author set, so crediting a whole catalog is one pass.
/// </summary>
public sealed class Attribution
{
    private readonly record struct CompiledRule(string AuthorId, string? ProviderId, ModelIdPattern[] Patterns);

    private readonly CompiledRule[] _rules;

    private Attribution(CompiledRule[] rules) => _rules = rules;

    /// <summary>No rules: credits come from definitions and offerings only.</summary>
    public static Attribution None { get; } = new([]);

    /// <summary>Compiles the attribution rules of <paramref name="authors"/>.</summary>
    public static Attribution Create(IEnumerable<Author> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var rules = new List<CompiledRule>();
        foreach (var author in authors)
        {
            foreach (var rule in author.Attribution)
            {
                // Stored authors were validated; a pattern that still fails to parse is skipped rather
                // than failing the whole snapshot, and a rule left with neither provider nor pattern
                // would credit everything, so it is dropped too.
                var patterns = rule.Patterns
                    .Select(p => ModelIdPattern.TryParse(p, out var parsed) ? parsed : null)
                    .OfType<ModelIdPattern>()
                    .ToArray();
                if (rule.ProviderId is null && patterns.Length == 0)
                {
                    continue;
                }
                if (!rule.Patterns.IsEmpty && patterns.Length == 0)
                {
                    continue;
                }
                rules.Add(new CompiledRule(author.Id, rule.ProviderId, patterns));
            }
        }
        return new Attribution([.. rules]);
    }

    /// <summary>Authors credited with <paramref name="offering"/>, sorted (ordinal) and distinct.</summary>
    public EquatableArray<string> Credit(Offering offering, ModelDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(offering);
        var credited = new SortedSet<string>(StringComparer.Ordinal);
        if (definition is not null)
        {
            credited.UnionWith(definition.AuthorIds);
        }
        if (offering.DefinitionId is { } definitionId && definitionId.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash)
        {
            // The owner named in the link counts even when the catalog lacks the definition.
            credited.Add(definitionId[..slash]);
        }
        credited.UnionWith(offering.AuthorIds);
        foreach (var rule in _rules)
        {
            if (!credited.Contains(rule.AuthorId) && Matches(rule, offering))
            {
                credited.Add(rule.AuthorId);
            }
        }
        return credited.ToEquatableArray();
    }

    private static bool Matches(CompiledRule rule, Offering offering)
    {
        if (rule.ProviderId is not null && !string.Equals(rule.ProviderId, offering.ProviderId, StringComparison.Ordinal))
        {
            return false;
        }
        if (rule.Patterns.Length == 0)
        {
            return true;
        }
        foreach (var pattern in rule.Patterns)
        {
            if (pattern.IsMatch(offering.ModelId))
            {
                return true;
            }
        }
        return false;
    }
}
