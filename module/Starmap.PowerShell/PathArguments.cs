using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Resolves a <c>-Path</c> argument to a file system path. A NUL character (<c>"`0"</c>) or a provider that is
/// not the file system makes PowerShell and .NET throw <see cref="ArgumentException"/> and friends, which
/// would escape the cmdlet as an unexplained crash; this answers with the stable <c>InvalidPath</c> error.
/// </summary>
internal static class PathArguments
{
    /// <summary>The provider path of <paramref name="value"/>, or null with <paramref name="error"/> naming <paramref name="parameter"/>.</summary>
    public static string? Resolve(PSCmdlet cmdlet, string value, string parameter, out ErrorRecord? error)
    {
        error = null;
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            error = Invalid(value, parameter, "it contains a NUL character");
            return null;
        }
        try
        {
            return cmdlet.GetUnresolvedProviderPathFromPSPath(value);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or SessionStateException
            or ProviderInvocationException or PSInvalidOperationException)
        {
            error = Invalid(value, parameter, ex.Message);
            return null;
        }
    }

    private static ErrorRecord Invalid(string value, string parameter, string reason)
    {
        var shown = ErrorText.Escape(value);
        var failure = new StarmapCommandException(FailureKind.InvalidArgument, "InvalidPath",
            $"-{parameter} '{shown}' is not a file system path: {reason}", shown);
        return StarmapCmdlet.ToRecord(failure);
    }
}
