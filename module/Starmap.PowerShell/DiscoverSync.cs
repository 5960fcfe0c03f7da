using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Sync-StarmapProvider -All -Discover: one run in the cluster that creates the providers models.dev adds and
/// syncs every provider. -WhatIf makes it a dry run that lists each provider it would create and every change.
/// Progress comes from polling the run on the pipeline thread (the only thread that may write progress).
/// </summary>
internal sealed class DiscoverSync(SyncStarmapProviderCommand command)
{
    private const int ProgressId = 4712;
    private const string Activity = "Syncing every provider";

    public void Run()
    {
        bool dryRun;
        var sources = SyncStarmapProviderCommand.Describe(command.Source);
        if (command.ShouldProcess($"Sync every provider from {sources}, first creating each provider models.dev lists that the catalog lacks",
            "Sync every provider and create the providers models.dev adds?", "Sync-StarmapProvider", out var reason))
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
            var run = command.AwaitTask(CatalogSyncOperation.StartSyncAllAsync(command.Source ?? [], dryRun, command.Force, discover: true));
            while (!command.AwaitTask(run.PollAsync(command.CancellationToken)))
            {
                command.WriteProgress(new ProgressRecord(ProgressId, Activity,
                    run.Total == 0 ? "Finding providers on models.dev" : $"{run.Done} of {run.Total} providers")
                {
                    PercentComplete = run.Total == 0 ? 0 : 100 * run.Done / run.Total,
                });
            }
            command.WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            foreach (var warning in run.Warnings)
            {
                command.WriteWarning(warning);
            }
            var sink = new SyncStarmapProviderCommand.CmdletSink(command);
            foreach (var result in run.Results)
            {
                if (result.Discovered && dryRun)
                {
                    var named = result.ModelsDevId is null ? "" : $" (models.dev '{result.ModelsDevId}')";
                    command.ShouldProcess($"provider '{result.ProviderId}'", $"Create provider '{result.ProviderId}'{named} from models.dev with {result.Added} models");
                }
                SyncBatch.Report(result, command.PassThru || dryRun, sink);
            }
        }
        catch (OperationCanceledException) when (command.CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (StarmapCommandException failure)
        {
            command.ReportFailure(failure);
        }
    }
}
