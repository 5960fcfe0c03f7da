using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Hooks the Engine into the module's private load context on import, and disconnects on
/// <c>Remove-Module</c>. The cmdlet assembly references the Engine; when the runtime looks for it
/// in the default context and does not find it, <see cref="ResolveEngine"/> hands over the copy from
/// the private context, and with it everything the Engine depends on.
/// </summary>
public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string EngineName = "Starmap.PowerShell.Engine";
    private static readonly object Sync = new();
    private static StarmapLoadContext? _context;
    private static bool _hooked;

    /// <inheritdoc/>
    public void OnImport()
    {
        Hook();
        EngineCalls.RegisterOutputTypes(register: true);
    }

    /// <inheritdoc/>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        EngineCalls.Disconnect();
        EngineCalls.RegisterOutputTypes(register: false);
        lock (Sync)
        {
            if (_hooked)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveEngine;
                _hooked = false;
            }
        }
    }

    /// <summary>Registers the resolver once; safe to call again.</summary>
    internal static void Hook()
    {
        lock (Sync)
        {
            if (_hooked)
            {
                return;
            }
            var moduleDirectory = Path.GetDirectoryName(typeof(ModuleLifecycle).Assembly.Location) ?? AppContext.BaseDirectory;
            _context ??= new StarmapLoadContext(Path.Combine(moduleDirectory, "deps"));
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
            _hooked = true;
        }
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == EngineName && _context is { } alc ? alc.LoadFromAssemblyName(name) : null;
}
