using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Calls into the Engine kept out of <see cref="ModuleLifecycle"/>, so that type loads without touching
/// the Engine (the resolver that finds it must be registered first).
/// </summary>
internal static class EngineCalls
{
    // PowerShell resolves [Type] literals only among assemblies of the default load context, so the
    // output types (which live in the module's context) are registered as type accelerators under their
    // full names: [Starmap.PowerShell.StarmapModel] and -is then work in scripts. Best effort: the
    // accelerator table is not a public API, and without it only the literals stop working.
    private static readonly Type? Accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Disconnect() => StarmapSession.DisconnectAsync(byUser: false).GetAwaiter().GetResult();

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void RegisterOutputTypes(bool register)
    {
        var method = Accelerators?.GetMethod(register ? "Add" : "Remove", BindingFlags.Public | BindingFlags.Static);
        if (method is null)
        {
            return;
        }
        foreach (var type in OutputTypes())
        {
            try
            {
                method.Invoke(null, register ? [type.FullName!, type] : [type.FullName!]);
            }
            catch (TargetInvocationException)
            {
                // Already registered by an earlier import of this assembly; the type is the same.
            }
        }
    }

    private static IEnumerable<Type> OutputTypes() =>
        typeof(StarmapModel).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.IsSealed && !t.IsAbstract && t.Namespace == "Starmap.PowerShell" && t.Name.StartsWith("Starmap", StringComparison.Ordinal));
}
