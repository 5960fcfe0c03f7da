using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// The module's private load context: the Engine, Orleans and Microsoft.Extensions.* load here from
/// <c>deps/</c>, so another module that loaded older versions of them first cannot break this one
/// (nor this one break it). Framework assemblies still come from the default context, so BCL types
/// stay shared with PowerShell.
/// </summary>
internal sealed class StarmapLoadContext(string depsDirectory) : AssemblyLoadContext("Starmap", isCollectible: false)
{
    private static readonly string FrameworkDirectory = RuntimeEnvironment.GetRuntimeDirectory();

    public string DepsDirectory { get; } = depsDirectory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var file = assemblyName.Name + ".dll";
        if (File.Exists(Path.Combine(FrameworkDirectory, file)))
        {
            return null;
        }
        // Also answers Orleans' name-only loads of application parts, which would otherwise fail (P1).
        var path = Path.Combine(DepsDirectory, file);
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
