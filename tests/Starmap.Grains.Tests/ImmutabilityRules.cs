using System.Reflection;
using Orleans.Concurrency;

namespace Starmap.Grains.Tests;

/// <summary>
/// Checks what <c>[Immutable]</c> promises: every instance field is read-only and holds a value that
/// is itself immutable — primitives, strings, dates, enums, <see cref="EquatableArray{T}"/> of
/// immutable items, or another <c>[Immutable]</c> type. Orleans shares such values between grains
/// without copying, so one mutable member would let a caller change the catalog.
/// </summary>
public static class ImmutabilityRules
{
    private static readonly HashSet<Type> Leaves =
    [
        typeof(string), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(double),
        typeof(float), typeof(decimal), typeof(char), typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset),
        typeof(TimeSpan), typeof(Guid),
    ];

    public static IReadOnlyList<Type> CheckAll(IEnumerable<Assembly> assemblies, Type? only = null)
    {
        var types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<ImmutableAttribute>() is not null && !t.IsEnum)
            .Where(t => only is null || t == only)
            .ToList();
        foreach (var type in types)
        {
            Check(type);
        }
        return types;
    }

    private static void Check(Type type)
    {
        if (type.IsGenericTypeDefinition && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            return; // the vetted container: its array never leaves it
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.IsInitOnly)
            {
                throw new Xunit.Sdk.XunitException($"{type.Name}.{field.Name} is not read-only");
            }
            if (!IsImmutableValue(field.FieldType))
            {
                throw new Xunit.Sdk.XunitException($"{type.Name}.{field.Name} holds mutable type {field.FieldType.Name}");
            }
        }
    }

    private static bool IsImmutableValue(Type type)
    {
        if (Leaves.Contains(type) || type.IsEnum)
        {
            return true;
        }
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return IsImmutableValue(inner);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            return IsImmutableValue(type.GetGenericArguments()[0]);
        }
        if (type.IsGenericParameter)
        {
            return true; // checked where the generic type is used with a concrete argument
        }
        return type.GetCustomAttribute<ImmutableAttribute>() is not null;
    }
}
