using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Import-StarmapCatalog: replaces the providers and authors a Starmap folder or JSON export holds.
/// -WhatIf reports what would change without writing.
/// </summary>
[Cmdlet(VerbsData.Import, "StarmapCatalog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType("Starmap.PowerShell.StarmapImportResult")]
public sealed class ImportStarmapCatalogCommand : StarmapCmdlet
{
    /// <summary>A Starmap catalog folder or a JSON file from Export-StarmapCatalog -Format Json.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>Import without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (PathArguments.Resolve(this, Path, nameof(Path), out var invalid) is not { } path)
        {
            WriteError(invalid!);
            return;
        }
        bool dryRun;
        if (Force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            dryRun = false;
        }
        else if (ShouldProcess($"Replace the providers and authors in '{path}'", $"Replace the catalog's providers and authors with those in '{path}'?", "Import-StarmapCatalog", out var reason))
        {
            dryRun = false;
        }
        else if (reason == ShouldProcessReason.WhatIf)
        {
            dryRun = true;
        }
        else
        {
            return;
        }
        try
        {
            var result = Await(CatalogFiles.ImportAsync(path, dryRun));
            foreach (var warning in result.Warnings)
            {
                WriteWarning($"{path}: {warning}");
            }
            WriteVerbose($"{(dryRun ? "Would change" : "Changed")} {result.Providers.Length} providers and {result.Authors.Length} authors.");
            WriteObject(result);
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }
}
