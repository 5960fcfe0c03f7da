using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Import-StarmapCatalog: replaces the providers and authors a Starmap folder or JSON export holds.
/// -WhatIf reports what would change without writing.
/// </summary>
[Cmdlet(VerbsData.Import, "StarmapCatalog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByPath)]
[OutputType("Starmap.PowerShell.StarmapImportResult")]
public sealed class ImportStarmapCatalogCommand : StarmapCmdlet
{
    private const string ByPath = "Path";
    private const string ByLiteralPath = "LiteralPath";
    private bool _literal;

    /// <summary>A Starmap catalog folder or a JSON file from Export-StarmapCatalog -Format Json.</summary>
    [Parameter(ParameterSetName = ByPath, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    public string Path { get; set; } = "";

    /// <summary>The same as -Path, used exactly as typed (no wildcards); binds PSPath and FullName of piped files.</summary>
    [Parameter(ParameterSetName = ByLiteralPath, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName", "LP")]
    public string LiteralPath { get => Path; set { Path = value; _literal = true; } }

    /// <summary>
    /// What the file is: a Starmap folder or JSON export (the default, told apart by the path), or a models.dev
    /// <c>api.json</c> (ModelsDev), whose providers the catalog lacks are created and whose models are merged
    /// as a models.dev sync would.
    /// </summary>
    [Parameter]
    [ValidateSet("Starmap", "ModelsDev")]
    public string Format { get; set; } = "Starmap";

    /// <summary>Import without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (PathArguments.Resolve(this, Path, _literal, out var invalid) is not { } path)
        {
            WriteError(invalid!);
            return;
        }
        // Read and check the file first: a file that is no catalog fails here, before any "What if" or prompt.
        CatalogFileContent? catalog = null;
        string? document = null;
        try
        {
            if (ModelsDev)
            {
                document = Await(CatalogFiles.ReadModelsDevAsync(path));
            }
            else
            {
                catalog = CatalogFiles.Read(path);
                foreach (var newer in Await(CatalogFiles.NewerInCatalogAsync(catalog)))
                {
                    WriteWarning($"{path}: {newer}");
                }
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        bool dryRun;
        if (Force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            dryRun = false;
        }
        else if (ModelsDev
            ? ShouldProcess($"Create the providers in the models.dev file '{path}' that the catalog lacks and merge its models", $"Import the models.dev file '{path}'?", "Import-StarmapCatalog", out var reason)
            : ShouldProcess($"Replace the {catalog!.Providers} providers and {catalog.Authors} authors in '{path}'", $"Replace the catalog's providers and authors with the {catalog.Providers} providers and {catalog.Authors} authors in '{path}'?", "Import-StarmapCatalog", out reason))
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
        if (document is not null)
        {
            ImportModelsDev(path, document, dryRun);
            return;
        }
        try
        {
            var result = Await(CatalogFiles.ImportAsync(catalog!, dryRun));
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

    private bool ModelsDev => Format == "ModelsDev";

    // The import runs in the cluster through the same per-provider syncs as a models.dev sync; progress is polled here.
    private void ImportModelsDev(string path, string document, bool dryRun)
    {
        const int progressId = 4713;
        var activity = $"Importing {path}";
        try
        {
            var run = Await(CatalogSyncOperation.StartModelsDevImportAsync(path, document, dryRun));
            while (!Await(run.PollAsync(Cancellation)))
            {
                WriteProgress(new ProgressRecord(progressId, activity, run.Total == 0 ? "Reading the file" : $"{run.Done} of {run.Total} providers")
                {
                    PercentComplete = run.Total == 0 ? 0 : 100 * run.Done / run.Total,
                });
            }
            WriteProgress(new ProgressRecord(progressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            foreach (var warning in run.Warnings)
            {
                WriteWarning($"{path}: {warning}");
            }
            foreach (var provider in run.Results)
            {
                if (provider.Status is "Rejected" or "Failed")
                {
                    WriteError(new ErrorRecord(
                        new StarmapCommandException(FailureKind.Rejected, "SyncRejected", $"{provider.ProviderId} was not imported: {provider.Reason}", provider.ProviderId),
                        "SyncRejected", ErrorCategory.InvalidResult, provider.ProviderId));
                }
                else if (provider.Status == "Skipped")
                {
                    WriteWarning($"{provider.ProviderId}: skipped: {provider.Reason}");
                }
            }
            var result = run.ImportResult(path);
            WriteVerbose($"{(dryRun ? "Would create" : "Created")} {result.Created.Length} providers and {(dryRun ? "change" : "changed")} {result.Providers.Length}.");
            WriteObject(result);
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }
}
