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

    /// <summary>
    /// -Path: a pattern with wildcard characters that names exactly one existing item is that item
    /// (Import-StarmapCatalog ./exports/catalog-*.json); one that names several is InvalidPath; one that
    /// names none is taken as typed, as before (so an existing file such as a[1].json still works).
    /// -LiteralPath never expands anything.
    /// </summary>
    public static string? Resolve(PSCmdlet cmdlet, string value, bool literal, out ErrorRecord? error)
    {
        var parameter = literal ? "LiteralPath" : "Path";
        if (literal || !WildcardPattern.ContainsWildcardCharacters(value) || value.Contains('\0', StringComparison.Ordinal))
        {
            return Resolve(cmdlet, value, parameter, out error);
        }
        try
        {
            var matches = cmdlet.GetResolvedProviderPathFromPSPath(value, out var provider);
            if (provider.ImplementingType == typeof(Microsoft.PowerShell.Commands.FileSystemProvider) && matches.Count == 1)
            {
                error = null;
                return matches[0];
            }
            if (matches.Count > 1)
            {
                error = Invalid(value, parameter, $"it matches {matches.Count} items; name one, or use -LiteralPath for a name with wildcard characters");
                return null;
            }
        }
        catch (Exception ex) when (ex is RuntimeException or ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            // Nothing matches, or the pattern is no valid wildcard (a lone '['): the path is taken as typed below.
        }
        return Resolve(cmdlet, value, parameter, out error);
    }

    private static ErrorRecord Invalid(string value, string parameter, string reason)
    {
        var shown = ErrorText.Escape(value);
        var failure = new StarmapCommandException(FailureKind.InvalidArgument, "InvalidPath",
            $"-{parameter} '{shown}' is not a file system path: {reason}", shown);
        return StarmapCmdlet.ToRecord(failure);
    }
}
