using System.Text.Json.Serialization;

namespace Starmap;

/// <summary>
/// Tri-state feature flags: a feature is known supported, known unsupported, or unknown (in neither list).
/// A source that does not mention a feature leaves it unknown; <c>false</c> is a claim, not a default.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.feature-flags")]
[JsonConverter(typeof(FeatureFlagsJsonConverter))]
public sealed record FeatureFlags
{
    /// <summary>No feature known either way.</summary>
    public static FeatureFlags None { get; } = new();

    /// <summary>Features known to be supported, in ascending order.</summary>
    [Id(0)] public EquatableArray<Feature> Supported { get; init; }

    /// <summary>Features known not to be supported, in ascending order.</summary>
    [Id(1)] public EquatableArray<Feature> Unsupported { get; init; }

    /// <summary>True, false, or null when unknown.</summary>
    public bool? this[Feature feature] =>
        Supported.Contains(feature) ? true : Unsupported.Contains(feature) ? false : null;

    /// <summary>Number of features known either way.</summary>
    public int KnownCount => Supported.Count + Unsupported.Count;

    /// <summary>A copy with <paramref name="feature"/> set to <paramref name="value"/> (null makes it unknown).</summary>
    public FeatureFlags With(Feature feature, bool? value)
    {
        var supported = Supported.Where(f => f != feature);
        var unsupported = Unsupported.Where(f => f != feature);
        if (value == true)
        {
            supported = supported.Append(feature);
        }
        else if (value == false)
        {
            unsupported = unsupported.Append(feature);
        }
        return new FeatureFlags
        {
            Supported = supported.Order().ToEquatableArray(),
            Unsupported = unsupported.Order().ToEquatableArray(),
        };
    }

    /// <summary>Builds flags from known values; later entries win.</summary>
    public static FeatureFlags From(IEnumerable<KeyValuePair<Feature, bool>> known)
    {
        var map = new SortedDictionary<Feature, bool>();
        foreach (var (feature, value) in known)
        {
            map[feature] = value;
        }
        return new FeatureFlags
        {
            Supported = map.Where(p => p.Value).Select(p => p.Key).ToEquatableArray(),
            Unsupported = map.Where(p => !p.Value).Select(p => p.Key).ToEquatableArray(),
        };
    }

    /// <summary>Builds flags where every listed feature is supported.</summary>
    public static FeatureFlags Supporting(params Feature[] features) =>
        From(features.Select(f => KeyValuePair.Create(f, true)));

    /// <summary>Every known feature with its value, in ascending feature order.</summary>
    public IEnumerable<KeyValuePair<Feature, bool>> Known() =>
        Supported.Select(f => KeyValuePair.Create(f, true))
            .Concat(Unsupported.Select(f => KeyValuePair.Create(f, false)))
            .OrderBy(p => p.Key);
}
