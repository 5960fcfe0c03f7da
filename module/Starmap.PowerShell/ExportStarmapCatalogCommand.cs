using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Export-StarmapCatalog: writes the catalog as a Starmap folder, JSON, or the OpenAI / OpenRouter list shapes.</summary>
[Cmdlet(VerbsData.Export, "StarmapCatalog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FileInfo), typeof(DirectoryInfo))]
public sealed class ExportStarmapCatalogCommand : StarmapCmdlet
{
    /// <summary>File (Json, OpenAI, OpenRouter) or folder (StarmapYaml) to write.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>What to write.</summary>
    [Parameter(Position = 1)]
    [ValidateSet("StarmapYaml", "Json", "OpenAI", "OpenRouter")]
    public string Format { get; set; } = "Json";

    /// <summary>Overwrite an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the file or folder written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var path = GetUnresolvedProviderPathFromPSPath(Path);
        var folder = Format == "StarmapYaml";
        if (!folder && File.Exists(path) && !Force)
        {
            WriteError(new ErrorRecord(new IOException($"'{path}' exists; use -Force to overwrite it"), "FileExists", ErrorCategory.ResourceExists, path));
            return;
        }
        if (!ShouldProcess(path, $"Export the catalog as {Format}"))
        {
            return;
        }
        try
        {
            var (providers, authors, models) = Await(CatalogFiles.ExportAsync(Format, path));
            WriteVerbose($"Wrote {providers} providers, {authors} authors and {models} models to {path} as {Format}.");
            if (PassThru)
            {
                WriteObject(folder ? new DirectoryInfo(path) : new FileInfo(path));
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }
}
