using System.Reflection;
using Starmap.Grains.State;

namespace Starmap.Grains.Tests.Serialization;

/// <summary>Every wire and stored type, and every grain interface and method, carries a stable alias and ids.</summary>
public sealed class ContractAttributeTests
{
    private static readonly Assembly[] Assemblies = [typeof(Provider).Assembly, typeof(ProviderState).Assembly];

    [Fact]
    public void Every_serialized_type_has_a_starmap_alias_and_every_member_an_id()
    {
        var types = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null).ToList();
        Assert.True(types.Count > 40, $"only {types.Count} serialized types found");
        foreach (var type in types)
        {
            var declared = type.GetCustomAttributes<AliasAttribute>(inherit: false).Select(a => a.Alias).ToList();
            Assert.True(declared.Count == 1, $"{type.Name} has aliases {string.Join(", ", declared)}");
            var alias = declared[0];
            Assert.True(alias?.StartsWith("starmap.", StringComparison.Ordinal) == true, $"{type.Name} has alias '{alias}'");
            if (type.IsEnum || typeof(Exception).IsAssignableFrom(type))
            {
                continue;
            }
            var ids = SampleFactory.SerializedProperties(type).Select(p => p.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var settable = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.DeclaringType == type);
            Assert.All(settable, p => Assert.True(p.GetCustomAttribute<IdAttribute>() is not null, $"{type.Name}.{p.Name} has no [Id]"));
        }
        var aliases = types.Select(t => t.GetCustomAttributes<AliasAttribute>(inherit: false).Single().Alias).ToList();
        Assert.Equal(aliases.Count, aliases.Distinct().Count());
    }

    [Fact]
    public void Every_grain_interface_and_method_has_an_alias()
    {
        var interfaces = typeof(IProviderGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)).ToList();
        Assert.Contains(typeof(ICatalogRegistryGrain), interfaces);
        foreach (var grain in interfaces)
        {
            Assert.StartsWith("starmap.", grain.GetCustomAttribute<AliasAttribute>()?.Alias ?? "", StringComparison.Ordinal);
            Assert.All(grain.GetMethods(), m => Assert.NotNull(m.GetCustomAttribute<AliasAttribute>()));
            Assert.All(grain.GetMethods(), m => Assert.EndsWith("Async", m.Name, StringComparison.Ordinal));
        }
    }
}
