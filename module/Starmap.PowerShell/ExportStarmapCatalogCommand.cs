using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Export-StarmapCatalog: writes the catalog as a Starmap folder, JSON, the OpenAI / OpenRouter list
/// shapes, or a models.dev api.json. It never deletes or replaces what it did not write: the parent folder must exist, an existing
/// file or non-empty folder needs -Force, and -Force replaces only catalog files.
/// </summary>
[Cmdlet(VerbsData.Export, "StarmapCatalog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByPath)]
[OutputType(typeof(FileInfo), typeof(DirectoryInfo))]
public sealed class ExportStarmapCatalogCommand : StarmapCmdlet
{
    private const string ByPath = "Path";
    private const string ByLiteralPath = "LiteralPath";
    private bool _literal;

    /// <summary>File (Json, OpenAI, OpenRouter, ModelsDev) or folder (StarmapYaml) to write.</summary>
    [Parameter(ParameterSetName = ByPath, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    public string Path { get; set; } = "";

    /// <summary>The same as -Path, used exactly as typed (no wildcards); binds PSPath and FullName of piped items.</summary>
    [Parameter(ParameterSetName = ByLiteralPath, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName", "LP")]
    public string LiteralPath { get => Path; set { Path = value; _literal = true; } }

    /// <summary>What to write.</summary>
    [Parameter(Position = 1)]
    [ValidateSet("StarmapYaml", "Json", "OpenAI", "OpenRouter", "ModelsDev")]
    public string Format { get; set; } = "Json";

    /// <summary>Replace an existing file, or the catalog files in a non-empty folder (nothing else in it).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the file or folder written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (PathArguments.Resolve(this, Path, _literal, out var invalid) is not { } path)
        {
            WriteError(invalid!);
            return;
        }
        var folder = Format == "StarmapYaml";
        if (Refused(path, folder) is { } refusal)
        {
            WriteError(refusal);
            return;
        }
        if (!ShouldProcess(path, $"Export the catalog as {Format}"))
        {
            return;
        }
        try
        {
            var (providers, authors, models) = Await(CatalogFiles.ExportAsync(Format, path, Force));
            WriteVerbose($"Wrote {providers} providers, {authors} authors and {models} models to {path} as {Format}.");
            if (PassThru)
            {
                // Through the FileSystem provider, as Get-Item gives it: PSPath, PSParentPath, Mode and the file view.
                WriteObject(SessionState.InvokeProvider.Item.Get([path], force: true, literalPath: true), enumerateCollection: true);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }

    // Checked before anything is read or written: what the export would otherwise clobber or invent.
    private ErrorRecord? Refused(string path, bool folder)
    {
        var parent = System.IO.Path.GetDirectoryName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path)));
        if (parent is not null && !Directory.Exists(parent))
        {
            return Error(new DirectoryNotFoundException($"the folder '{parent}' does not exist; create it first"), "ParentNotFound", ErrorCategory.ObjectNotFound, path);
        }
        if (folder && File.Exists(path))
        {
            return Error(new IOException($"'{path}' is a file; StarmapYaml writes a folder"), "NotAFolder", ErrorCategory.InvalidArgument, path);
        }
        if (!folder && Directory.Exists(path))
        {
            return Error(new IOException($"'{path}' is a folder; {Format} writes a file"), "NotAFile", ErrorCategory.InvalidArgument, path);
        }
        if (folder && !Force && Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            return Error(new IOException($"'{path}' is not empty; use -Force to replace only the catalog files in it (other files are kept)"), "FolderNotEmpty", ErrorCategory.ResourceExists, path);
        }
        if (!folder && !Force && File.Exists(path))
        {
            return Error(new IOException($"'{path}' exists; use -Force to overwrite it"), "FileExists", ErrorCategory.ResourceExists, path);
        }
        return null;
    }

    private static ErrorRecord Error(Exception exception, string id, ErrorCategory category, string path) => ErrorText.Shown(new(exception, id, category, path));
}
