using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Starmap.Sync;

/// <summary>
/// The per-field source authority that reconciliation follows: data, not code, so the published
/// table (<c>docs/authority-table.md</c>) is exactly what runs. Immutable.
/// </summary>
public sealed partial class AuthorityTable
{
    // The rule lookups a merge makes for every field of every record, by path with list keys taken out (keys do not
    // change the rule), so the table's patterns are split once per path shape, not per field. Bounded: paths
    // under free-form names could be many.
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<(AuthorityEntity, string), AuthorityRule?> _found = new();
    private readonly ConcurrentDictionary<(AuthorityEntity, string), AuthorityRule?> _atomic = new();
    // Made once: a method group passed on each lookup is a new delegate each time, and a sync looks up a rule for every field it merges.
    private readonly Func<AuthorityEntity, string, AuthorityRule?> _findUncached;
    private readonly Func<AuthorityEntity, string, AuthorityRule?> _atomicUncached;
    private readonly AuthorityRule[] _rules;

    /// <summary>Builds a table; throws <see cref="ArgumentException"/> for a rule that could not mean anything.</summary>
    public AuthorityTable(IEnumerable<AuthorityRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules.OrderBy(r => r.Entity).ThenBy(r => r.Path, StringComparer.Ordinal)];
        foreach (var rule in _rules)
        {
            Check(rule);
        }
        CheckTogether(_rules);
        Rules = [.. _rules];
        _findUncached = FindUncached;
        _atomicUncached = AtomicUncached;
    }

    /// <summary>Rules sorted by entity, then path.</summary>
    public EquatableArray<AuthorityRule> Rules { get; }

    /// <summary>
    /// The rule for <paramref name="path"/>: the matching rule with the most segments, then the fewest
    /// <c>*</c>; null when none matches (such a field is never set by a source).
    /// </summary>
    public AuthorityRule? Find(AuthorityEntity entity, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Cached(_found, entity, Unkeyed(path), _findUncached);
    }

    private AuthorityRule? FindUncached(AuthorityEntity entity, string path)
    {
        var segments = path.Split('.');
        AuthorityRule? best = null;
        var bestLength = -1;
        var bestStars = 0;
        foreach (var rule in _rules)
        {
            if (rule.Entity != entity)
            {
                continue;
            }
            var pattern = rule.Path.Split('.');
            if (!IsPrefix(pattern, segments))
            {
                continue;
            }
            var stars = pattern.Count(s => s == "*");
            if (pattern.Length > bestLength || (pattern.Length == bestLength && stars < bestStars))
            {
                (best, bestLength, bestStars) = (rule, pattern.Length, stars);
            }
        }
        return best;
    }

    /// <summary>The rule when <paramref name="path"/> is exactly the root of an atomic subtree, else null.</summary>
    internal AuthorityRule? AtomicAt(AuthorityEntity entity, string path) => Cached(_atomic, entity, Unkeyed(path), _atomicUncached);

    private AuthorityRule? AtomicUncached(AuthorityEntity entity, string path) =>
        FindUncached(entity, path) is { Atomic: true } rule && rule.Path.Split('.').Length == path.Split('.').Length ? rule : null;

    private static AuthorityRule? Cached(
        ConcurrentDictionary<(AuthorityEntity, string), AuthorityRule?> cache, AuthorityEntity entity, string path,
        Func<AuthorityEntity, string, AuthorityRule?> find)
    {
        if (cache.TryGetValue((entity, path), out var rule))
        {
            return rule;
        }
        rule = find(entity, path);
        if (cache.Count < MaxCached)
        {
            cache.TryAdd((entity, path), rule);
        }
        return rule;
    }

    // tiers[200000] → tiers: a keyed list item is governed by the rule for its list.
    private static string Unkeyed(string path) =>
        path.Contains('[', StringComparison.Ordinal) ? string.Join('.', path.Split('.').Select(s => FieldMap.Segment(s).Name)) : path;

    private static bool IsPrefix(string[] pattern, string[] segments)
    {
        if (pattern.Length > segments.Length)
        {
            return false;
        }
        for (var i = 0; i < pattern.Length; i++)
        {
            // A keyed list item (tiers[200000]) is governed by the rule for its list (tiers).
            if (pattern[i] != "*" && !string.Equals(pattern[i], FieldMap.Segment(segments[i]).Name, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static void Check(AuthorityRule rule)
    {
        var name = $"{rule.Entity} rule '{rule.Path}'";
        if (string.IsNullOrEmpty(rule.Path) || !rule.Path.Split('.').All(s => SegmentPattern().IsMatch(s)))
        {
            throw new ArgumentException($"{name}: a path is dot-separated snake_case segments or '*'", nameof(rule));
        }
        if (rule.Sources.Any(string.IsNullOrWhiteSpace) || rule.Sources.Distinct(StringComparer.Ordinal).Count() != rule.Sources.Count)
        {
            throw new ArgumentException($"{name}: sources must be distinct, non-empty IDs", nameof(rule));
        }
        if (rule.Atomic && rule.Mode == MergeMode.Union)
        {
            throw new ArgumentException($"{name}: an atomic subtree is taken whole, so it cannot be a union", nameof(rule));
        }
        if (string.IsNullOrWhiteSpace(rule.Rationale))
        {
            throw new ArgumentException($"{name}: every rule needs a rationale", nameof(rule));
        }
    }

    private static void CheckTogether(AuthorityRule[] rules)
    {
        foreach (var duplicate in rules.GroupBy(r => (r.Entity, r.Path)).Where(g => g.Count() > 1))
        {
            throw new ArgumentException($"{duplicate.Key.Entity} rule '{duplicate.Key.Path}' is defined twice", nameof(rules));
        }
        foreach (var atomic in rules.Where(r => r.Atomic))
        {
            var pattern = atomic.Path.Split('.');
            foreach (var inner in rules.Where(r => r.Entity == atomic.Entity && r.Path.Split('.').Length > pattern.Length))
            {
                if (IsPrefix(pattern, inner.Path.Split('.')))
                {
                    throw new ArgumentException(
                        $"{inner.Entity} rule '{inner.Path}' lies inside atomic subtree '{atomic.Path}', which is taken whole", nameof(rules));
                }
            }
        }
    }

    [GeneratedRegex("^([a-z0-9_]+|\\*)$")]
    private static partial Regex SegmentPattern();
}
