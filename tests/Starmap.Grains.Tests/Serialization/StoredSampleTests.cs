using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Starmap.Grains.State;

namespace Starmap.Grains.Tests.Serialization;

/// <summary>
/// Every wire and stored type round-trips through the Orleans serializer, and bytes written by an
/// earlier build (checked in under Serialization/Samples) still read back with every field they had.
/// A change that renumbers an [Id], renames an alias or changes a member's type fails here.
/// Set STARMAP_WRITE_SAMPLES=1 to record samples for new types (existing ones are never rewritten).
/// </summary>
public sealed class StoredSampleTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(Provider).Assembly).AddAssembly(typeof(ProviderState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static readonly string SampleDirectory = Path.Combine(RepositoryPaths.SourceFolder(), "Samples");

    public static TheoryData<string> ContractTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AllContractTypes())
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    internal static IEnumerable<Type> AllContractTypes() =>
        new[] { typeof(Provider).Assembly, typeof(ProviderState).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
            .Where(t => !t.IsEnum && !typeof(Exception).IsAssignableFrom(t))
            .Select(t => t.IsGenericTypeDefinition
                ? t.MakeGenericType(t.GetGenericArguments().Select(_ => typeof(Provider)).ToArray())
                : t)
            .Where(t => !(t.IsGenericType && t.GetGenericTypeDefinition() == typeof(EquatableArray<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void Type_round_trips_and_reads_its_checked_in_sample(string typeName)
    {
        var type = AllContractTypes().Single(t => t.FullName == typeName);
        var sample = SampleFactory.Build(type);
        var bytes = Serialize(type, sample);
        SampleComparer.AssertEqual(type, sample, Deserialize(type, bytes), SampleComparer.AllIds);

        var file = Path.Combine(SampleDirectory, FileName(type));
        if (!File.Exists(file))
        {
            if (Environment.GetEnvironmentVariable("STARMAP_WRITE_SAMPLES") == "1")
            {
                Directory.CreateDirectory(SampleDirectory);
                File.WriteAllText(file, SampleFile.Write(type, bytes));
                return;
            }
            Assert.Fail($"No checked-in sample for {type.Name} ({file}). Run the tests once with STARMAP_WRITE_SAMPLES=1 and commit the file.");
        }

        var stored = SampleFile.Read(File.ReadAllText(file));
        var restored = Deserialize(type, stored.Bytes);
        SampleComparer.AssertEqual(type, sample, restored, stored.IdsByType);
    }

    [Fact]
    public void Every_checked_in_sample_still_finds_the_ids_it_recorded_for_its_own_type()
    {
        foreach (var type in AllContractTypes())
        {
            var file = Path.Combine(SampleDirectory, FileName(type));
            if (File.Exists(file))
            {
                var stored = SampleFile.Read(File.ReadAllText(file));
                Assert.True(SampleComparer.KnownIds(stored.IdsByType, type) is not null,
                    $"{FileName(type)} records no [Id]s under {type.FullName} or a namespace it was moved from: its removed-[Id] check would be skipped");
            }
        }
    }

    [Fact]
    public void Exceptions_cross_the_wire_with_their_fields()
    {
        var error = new StarmapValidationException("offerings[gpt-4o].pricing.tokens.input", "-1", "must not be negative");
        var copy = Serializer.Deserialize<StarmapValidationException>(Serializer.SerializeToArray(error))!;
        Assert.Equal(error.Field, copy.Field);
        Assert.Equal(error.Value, copy.Value);
        Assert.Equal(error.Reason, copy.Reason);
        Assert.Equal(error.Message, copy.Message);

        var missing = Serializer.Deserialize<StarmapNotFoundException>(Serializer.SerializeToArray(new StarmapNotFoundException("model", "openai/gpt-4o")))!;
        Assert.Equal("model", missing.Kind);
        Assert.Equal("openai/gpt-4o", missing.Id);
    }

    [Fact]
    public void A_sample_missing_a_field_is_reported_by_the_comparer()
    {
        var sample = (Provider)SampleFactory.Build(typeof(Provider));
        var changed = sample with { Headquarters = "elsewhere" };
        Assert.ThrowsAny<Exception>(() => SampleComparer.AssertEqual(typeof(Provider), sample, changed, SampleComparer.AllIds));
    }

    private static string FileName(Type type)
    {
        var alias = type.GetCustomAttribute<AliasAttribute>()?.Alias ?? type.Name;
        var name = type.IsGenericType ? $"{alias}[{string.Join(",", type.GetGenericArguments().Select(a => a.Name))}]" : alias;
        return name.Replace('`', '_') + ".sample";
    }

    private static byte[] Serialize(Type type, object value) =>
        (byte[])typeof(Serializer).GetMethods()
            .Single(m => m.Name == nameof(Serializer.SerializeToArray) && m.IsGenericMethodDefinition && m.GetParameters().Length == 1)
            .MakeGenericMethod(type).Invoke(Serializer, [value])!;

    private static object Deserialize(Type type, byte[] bytes) =>
        typeof(Serializer).GetMethods()
            .Single(m => m.Name == nameof(Serializer.Deserialize) && m.IsGenericMethodDefinition
                && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(byte[]))
            .MakeGenericMethod(type).Invoke(Serializer, [bytes])!;
}

/// <summary>
/// A sample file: the serialized bytes plus, for every contract type, the [Id]s it had when written,
/// so members added later are not expected in old bytes.
/// </summary>
internal static class SampleFile
{
    public static string Write(Type root, byte[] bytes)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Orleans serialization sample of {root.FullName}. Never edit; add new samples instead.");
        foreach (var type in StoredSampleTests.AllContractTypes())
        {
            var ids = SampleFactory.SerializedProperties(type).Select(p => p.Id).Order();
            text.AppendLine($"ids {Key(type)} {string.Join(",", ids)}");
        }
        text.AppendLine("bytes " + Convert.ToBase64String(bytes));
        return text.ToString();
    }

    public static (byte[] Bytes, IReadOnlyDictionary<string, HashSet<uint>> IdsByType) Read(string text)
    {
        var ids = new Dictionary<string, HashSet<uint>>(StringComparer.Ordinal);
        byte[]? bytes = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("ids ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 3);
                ids[parts[1]] = parts.Length > 2 && parts[2].Length > 0 ? parts[2].Split(',').Select(uint.Parse).ToHashSet() : [];
            }
            else if (line.StartsWith("bytes ", StringComparison.Ordinal))
            {
                bytes = Convert.FromBase64String(line[6..]);
            }
        }
        return (bytes ?? throw new InvalidDataException("sample has no bytes line"), ids);
    }

    public static string Key(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!;
}

/// <summary>Compares two instances member by member, only over the [Id]s a sample knew.</summary>
internal static class SampleComparer
{
    public static readonly IReadOnlyDictionary<string, HashSet<uint>> AllIds = new Dictionary<string, HashSet<uint>>();

    public static void AssertEqual(Type type, object? expected, object? actual, IReadOnlyDictionary<string, HashSet<uint>> idsByType, string path = "")
    {
        path = path.Length == 0 ? type.Name : path;
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            AssertEqual(inner, expected, actual, idsByType, path);
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
        {
            var element = type.GetGenericArguments()[0];
            var left = ((System.Collections.IEnumerable)expected).Cast<object?>().ToList();
            var right = ((System.Collections.IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}");
            for (var i = 0; i < left.Count; i++)
            {
                AssertEqual(element, left[i], right[i], idsByType, $"{path}[{i}]");
            }
            return;
        }
        if (type.IsEnum && !ReferenceEquals(idsByType, AllIds))
        {
            // A stored sample holds the member that was last when it was recorded; an enum may gain members
            // since (ModelSort.Relevance), so the bytes must read back as a defined member no later than today's last.
            Assert.True(Enum.IsDefined(type, actual) && Convert.ToInt64(actual, System.Globalization.CultureInfo.InvariantCulture) <= Convert.ToInt64(expected, System.Globalization.CultureInfo.InvariantCulture),
                $"{path}: expected a defined member up to {expected}, got {actual}");
            return;
        }
        if (type.GetCustomAttribute<GenerateSerializerAttribute>() is null || type.IsEnum)
        {
            Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual}");
            return;
        }
        var known = KnownIds(idsByType, type);
        if (known is not null)
        {
            // Ids are never removed or renumbered: stored bytes would silently lose that member.
            var current = SampleFactory.SerializedProperties(type).Select(p => p.Id).ToHashSet();
            var gone = known.Where(id => !current.Contains(id)).Order().ToList();
            Assert.True(gone.Count == 0, $"{path}: {type.Name} no longer has [Id] {string.Join(", ", gone)} that stored samples use");
        }
        foreach (var (property, id) in SampleFactory.SerializedProperties(type))
        {
            if (known is null || known.Contains(id))
            {
                AssertEqual(property.PropertyType, property.GetValue(expected), property.GetValue(actual), idsByType, $"{path}.{property.Name}");
            }
        }
    }

    /// <summary>
    /// The [Id]s a sample recorded for <paramref name="type"/> (null: it did not know the type). Samples name types by
    /// full name when written; a type moved since into a folder's namespace (Starmap.Grains.State.ProviderState →
    /// Starmap.Grains.State.ProviderState) is found under its old name, so its recorded [Id]s are still checked.
    /// </summary>
    public static HashSet<uint>? KnownIds(IReadOnlyDictionary<string, HashSet<uint>> idsByType, Type type)
    {
        var key = SampleFile.Key(type);
        if (idsByType.TryGetValue(key, out var ids))
        {
            return ids;
        }
        var dot = key.LastIndexOf('.');
        var (space, name) = (key[..dot], key[(dot + 1)..]);
        return idsByType
            .Where(p => p.Key.EndsWith("." + name, StringComparison.Ordinal) && space.StartsWith(p.Key[..^(name.Length + 1)] + ".", StringComparison.Ordinal))
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}
