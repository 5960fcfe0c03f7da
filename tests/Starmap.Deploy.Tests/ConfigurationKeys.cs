using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Starmap.Client;
using Starmap.Http;
using Starmap.Silo;
using Starmap.Sources;
using Starmap.Sources.Keys;
using Starmap.Sync;

namespace Starmap.Deploy.Tests;

/// <summary>
/// The configuration keys the silo and client really read, from their option types by reflection: a key is
/// known when the binder can set it (a settable scalar property, an index into a collection, nested
/// sections included). <see cref="Problem"/> says why an environment variable name or value would not bind.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Sections and the types bound there (see StarmapSiloExtensions, StarmapHttpExtensions, StarmapClientExtensions).</summary>
    public static readonly IReadOnlyList<(string Section, Type Type)> Sections =
    [
        (StarmapSiloOptions.Section, typeof(StarmapSiloOptions)),
        (StarmapHttpOptions.Section, typeof(StarmapHttpOptions)),
        (StarmapSiloOptions.Section + ":Sources", typeof(SourceOptions)),
        (StarmapSiloOptions.Section + ":Sync", typeof(GuardOptions)),
        (SyncScheduleOptions.Section, typeof(SyncScheduleOptions)),
        (StarmapClientOptions.Section, typeof(StarmapClientOptions)),
    ];

    /// <summary>The configuration key of an environment variable name (<c>Starmap__Http__ApiKey</c> → <c>Starmap:Http:ApiKey</c>).</summary>
    public static string KeyOf(string environmentName) => environmentName.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Null when <paramref name="key"/> binds (and <paramref name="value"/>, when given, converts); else why not.</summary>
    public static string? Problem(string key, string? value = null)
    {
        var problems = new List<string>();
        foreach (var (section, type) in Sections)
        {
            if (!key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var path = key[(section.Length + 1)..].Split(':');
            var problem = Resolve(type, path, out var leaf) ?? (value is null ? null : ValueProblem(leaf!, value));
            if (problem is null)
            {
                return null;
            }
            problems.Add($"{type.Name}: {problem}");
        }
        return problems.Count == 0 ? "no configuration section binds it" : string.Join("; ", problems);
    }

    /// <summary>True when an option type binds <paramref name="key"/>.</summary>
    public static bool Exists(string key) =>
        Sections.Any(s => key.StartsWith(s.Section + ":", StringComparison.OrdinalIgnoreCase)
            && Resolve(s.Type, key[(s.Section.Length + 1)..].Split(':'), out _) is null);

    private const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;

    private static string? Resolve(Type type, string[] path, out Type? leaf)
    {
        leaf = null;
        for (var i = 0; i < path.Length; i++)
        {
            var segment = path[i];
            if (ElementType(type) is { } element)
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) && !IsDictionary(type))
                {
                    return $"'{segment}' is not an index into {type.Name}";
                }
                type = element;
                continue;
            }
            if (IsScalar(type))
            {
                return $"{string.Join(':', path.Take(i))} is a {type.Name} and cannot hold '{segment}'";
            }
            var property = type.GetProperty(segment, Flags);
            if (property is null || property.GetIndexParameters().Length > 0)
            {
                return $"{type.Name} has no property '{segment}'";
            }
            var settable = property.SetMethod is { IsPublic: true };
            var last = i == path.Length - 1;
            // The binder fills get-only collections and sections in place, but cannot set a get-only value.
            if (!settable && ElementType(property.PropertyType) is null && (last || IsScalar(property.PropertyType)))
            {
                return $"{type.Name}.{property.Name} is read-only";
            }
            type = property.PropertyType;
        }
        if (!IsScalar(type))
        {
            return $"{string.Join(':', path)} is a section ({type.Name}), not a value";
        }
        leaf = type;
        return null;
    }

    private static string? ValueProblem(Type type, string value)
    {
        if (value.Contains("${", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal))
        {
            return null; // filled in by compose or Kubernetes
        }
        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return type != typeof(string) && value.Length == 0 ? $"an empty value is not a {type.Name}" : null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return $"'{value}' is not a {Nullable.GetUnderlyingType(type)?.Name ?? type.Name}";
        }
    }

    /// <summary>A value the binder sets from a string: what its TypeConverter converts from a string.</summary>
    private static bool IsScalar(Type type) =>
        type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>));

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (IsDictionary(type))
        {
            return type.GetGenericArguments()[1];
        }
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
