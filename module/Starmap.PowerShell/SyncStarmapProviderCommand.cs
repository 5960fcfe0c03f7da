using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Sync-StarmapProvider: syncs providers from their list-models API and models.dev, in the cluster.
/// -WhatIf runs a dry run and prints its changeset; -AsJob returns a <see cref="StarmapSyncJob"/>.
/// </summary>
[Cmdlet(VerbsData.Sync, "StarmapProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByProvider)]
[OutputType("Starmap.PowerShell.StarmapSyncResult", "Starmap.PowerShell.Commands.StarmapSyncJob")]
public sealed class SyncStarmapProviderCommand : StarmapCmdlet
{
    private const string ByProvider = "Provider";
    private const string AllProviders = "All";
    private const int MaxWhatIfLines = 200;
    private readonly List<string> _providers = [];

    /// <summary>Provider IDs; strings or objects with ProviderId from the pipeline.</summary>
    [Parameter(ParameterSetName = ByProvider, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[] Provider { get; set; } = [];

    /// <summary>Every provider in the catalog.</summary>
    [Parameter(ParameterSetName = AllProviders, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>With -All: first create every provider models.dev lists that the catalog lacks, then sync it with the others.</summary>
    [Parameter(ParameterSetName = AllProviders)]
    public SwitchParameter Discover { get; set; }

    /// <summary>Restrict to these sources.</summary>
    [Parameter]
    [ValidateSet("provider-api", "models.dev")]
    public string[]? Source { get; set; }

    /// <summary>Apply even when the plausibility guard objects.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write each provider's result.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Run as a background job.</summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    /// <summary>Providers synced at once.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    /// <inheritdoc/>
    protected override void ProcessRecord() => _providers.AddRange(Provider);

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (Discover)
        {
            if (AsJob)
            {
                Report(new StarmapCommandException(FailureKind.InvalidArgument, "InvalidArgument",
                    "-Discover runs as one run in the cluster and reports its progress here; it does not run as a job (leave out -AsJob)"));
                return;
            }
            new DiscoverSync(this).Run();
            return;
        }
        IReadOnlyList<string> ids;
        try
        {
            if (All)
            {
                // Progress from the first moment: listing the catalog can take a while on a busy cluster.
                WriteProgress(new ProgressRecord(4711, "Syncing providers", "Listing the catalog's providers"));
                ids = Await(SyncRunner.ListProviderIdsAsync());
            }
            else
            {
                ids = _providers.Distinct(StringComparer.Ordinal).ToList();
                // Validation before -WhatIf/-Confirm: an unknown or malformed ID is its error, never a "What if" line.
                var refused = Await(SyncRunner.CheckProvidersAsync(ids));
                foreach (var failure in refused)
                {
                    Report(failure);
                }
                ids = [.. ids.Where(id => !refused.Any(f => Equals(f.Target, id)))];
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        if (StarmapSession.Current is null)
        {
            Report(StarmapSession.NotConnected());
        }

        // Decide per provider up front (prompts cannot happen inside a job): apply, dry run (-WhatIf) or skip.
        var work = new List<SyncWork>();
        foreach (var id in ids)
        {
            if (ShouldProcess($"Sync provider '{id}' from {Describe(Source)}", $"Sync provider '{id}'?", "Sync-StarmapProvider", out var reason))
            {
                work.Add(new SyncWork(id, DryRun: false));
            }
            else if (reason == ShouldProcessReason.WhatIf)
            {
                work.Add(new SyncWork(id, DryRun: true));
            }
        }
        if (work.Count == 0)
        {
            return;
        }

        // A job always returns its results: Receive-Job is how its caller sees them.
        var batch = new SyncBatch(work, Source ?? [], Force, PassThru || AsJob, ThrottleLimit);
        if (AsJob)
        {
            var job = new StarmapSyncJob(MyInvocation, string.Join(", ", StarmapSession.Current?.Gateways ?? []));
            JobRepository.Add(job);
            job.Start(batch);
            WriteObject(job);
            return;
        }
        try
        {
            batch.Run(new CmdletSink(this), Cancellation);
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }

    // What DiscoverSync needs of this cmdlet's protected helpers.
    internal T AwaitTask<T>(Task<T> task) => Await(task);

    internal CancellationToken CancellationToken => Cancellation;

    internal void ReportFailure(StarmapCommandException failure) => Report(failure);

    internal static string Describe(string[]? sources) => sources is { Length: > 0 } ? string.Join(" and ", sources) : "its API and models.dev";

    // -WhatIf prints the dry run's changeset as What if lines, one per changed field.
    internal void WhatIfChanges(StarmapSyncResult result)
    {
        var lines = 0;
        foreach (var change in result.Changes)
        {
            if (++lines > MaxWhatIfLines)
            {
                ShouldProcess($"provider '{result.ProviderId}'", $"{result.Changes.Length - MaxWhatIfLines} more changes (see the Changes property)");
                break;
            }
            var what = change.Path is null
                ? $"{Capitalize(change.Action)} {change.Scope}"
                : $"{Capitalize(change.Action)} {change.Scope} field {change.Path}: {change.Old ?? "(unknown)"} -> {change.New ?? "(unknown)"}{(change.Source is null ? "" : $" from {change.Source}")}";
            ShouldProcess($"{result.ProviderId}/{change.Id}", what);
        }
        if (lines == 0)
        {
            ShouldProcess($"provider '{result.ProviderId}'", $"No changes ({result.Status}{(result.Reason is null ? "" : ": " + result.Reason)})");
        }
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    internal sealed class CmdletSink(SyncStarmapProviderCommand command) : ISyncSink
    {
        public void Output(StarmapSyncResult result)
        {
            if (result.DryRun)
            {
                command.WhatIfChanges(result);
            }
            command.WriteObject(result);
        }

        public void Warning(string message) => command.WriteWarning(message);
        public void Verbose(string message) => command.WriteVerbose(message);
        public void Error(ErrorRecord error) => command.WriteError(error);
        public void Progress(ProgressRecord progress) => command.WriteProgress(progress);
    }
}
