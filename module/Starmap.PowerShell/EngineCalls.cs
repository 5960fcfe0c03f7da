using System.Runtime.CompilerServices;

namespace Starmap.PowerShell.Commands;

/// <summary>Calls into the Engine kept out of <see cref="ModuleLifecycle"/>, so that type loads without touching the Engine.</summary>
internal static class EngineCalls
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Disconnect() => StarmapSession.DisconnectAsync().GetAwaiter().GetResult();
}
