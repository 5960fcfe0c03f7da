using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Restore-StarmapProvider and Restore-StarmapAuthor: put one entity back to its state at a generation or
/// time as a new write. A dry run comes first: -WhatIf prints its changeset (one What if line per changed
/// field) and writes the dry-run result; otherwise the restore is applied after ShouldProcess. An entity
/// that did not exist then is deleted only with -Force.
/// </summary>
public abstract class RestoreCommandBase : StarmapCmdlet
{
    private const int MaxWhatIfLines = 200;

    /// <summary>Parameter set restoring to a generation.</summary>
    protected const string ByGeneration = "Generation";

    /// <summary>Parameter set restoring to a time.</summary>
    protected const string ByTime = "At";

    /// <summary>The generation to restore to.</summary>
    [Parameter(ParameterSetName = ByGeneration, Mandatory = true)]
    [ValidateRange(0, long.MaxValue)]
    public long Generation { get; set; }

    /// <summary>The time to restore to (the newest generation published at or before it).</summary>
    [Parameter(ParameterSetName = ByTime, Mandatory = true)]
    public DateTime At { get; set; }

    /// <summary>Delete it when it did not exist at that point.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    /// <summary>Write the restore's result.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    /// <summary>True for an author, false for a provider.</summary>
    private protected abstract bool IsAuthor { get; }

    /// <summary>The entity's ID.</summary>
    private protected abstract string EntityId { get; }

    private string Kind => IsAuthor ? "author" : "provider";

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        try
        {
            DateTime? at = ParameterSetName == ByTime ? At : null;
            long? generation = ParameterSetName == ByTime ? null : Generation;
            var dry = Await(HistoryCalls.RestoreAsync(IsAuthor, EntityId, at, generation, dryRun: true, Force));
            var action = dry.Deleted
                ? $"Delete {Kind} '{EntityId}' (it did not exist at generation {dry.RestoredTo})"
                : $"Restore {Kind} '{EntityId}' to generation {dry.RestoredTo} ({dry.Changes.Length} changed fields)";
            if (ShouldProcess(action, $"{action}?", $"Restore-Starmap{(IsAuthor ? "Author" : "Provider")}", out var reason))
            {
                var done = Await(HistoryCalls.RestoreAsync(IsAuthor, EntityId, at, generation, dryRun: false, Force));
                WriteVerbose(done.Changes.Length == 0 && !done.Deleted
                    ? $"{Kind} '{EntityId}' already was as at generation {done.RestoredTo}."
                    : $"Restored {Kind} '{EntityId}' at generation {done.Generation}.");
                if (PassThru)
                {
                    WriteObject(done);
                }
            }
            else if (reason == ShouldProcessReason.WhatIf)
            {
                WhatIfChanges(dry);
                WriteObject(dry);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }

    // -WhatIf prints the changeset as What if lines, one per changed field (or whole record added or removed).
    private void WhatIfChanges(StarmapRestoreResult result)
    {
        var lines = 0;
        foreach (var change in result.Changes)
        {
            if (++lines > MaxWhatIfLines)
            {
                ShouldProcess($"{Kind} '{result.Id}'", $"{result.Changes.Length - MaxWhatIfLines} more changes (see the Changes property)");
                return;
            }
            var target = change.Scope is "provider" or "author" ? $"{change.Scope} '{change.Id}'" : $"{result.Id}/{change.Id}";
            var what = change.Path is null
                ? $"{Capitalize(change.Action)} {change.Scope}"
                : $"{Capitalize(change.Action)} {change.Scope} field {change.Path}: {change.Old ?? "(unknown)"} -> {change.New ?? "(unknown)"}";
            ShouldProcess(target, what);
        }
        if (lines == 0)
        {
            ShouldProcess($"{Kind} '{result.Id}'", $"No changes: it already is as at generation {result.RestoredTo}");
        }
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
