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
            var point = ParameterSetName == ByTime ? HistoryCalls.ToPoint(At, nameof(At)) : CatalogPoint.OfGeneration(Generation);
            var dry = Await(HistoryCalls.RestoreAsync(IsAuthor, EntityId, point, dryRun: true, Force));
            var action = dry.Deleted
                ? $"Delete {Kind} '{EntityId}' (it did not exist at generation {dry.RestoredTo})"
                : $"Restore {Kind} '{EntityId}' to generation {dry.RestoredTo} ({Count(dry)} changes)";
            if (ShouldProcess(action, $"{action}?", $"Restore-Starmap{(IsAuthor ? "Author" : "Provider")}", out var reason))
            {
                var done = Await(HistoryCalls.RestoreAsync(IsAuthor, EntityId, point, dryRun: false, Force));
                WriteVerbose(done.IsEmpty ? $"{Kind} '{EntityId}' already was as at generation {done.RestoredTo}." : $"Restored {Kind} '{EntityId}' at generation {done.Generation}.");
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

    private static int Count(RestoreResult result) => Lines(result).Count();

    // -WhatIf prints the changeset as What if lines, one per changed field (or whole record added or removed).
    private void WhatIfChanges(RestoreResult result)
    {
        var lines = 0;
        foreach (var (target, what) in Lines(result))
        {
            if (++lines > MaxWhatIfLines)
            {
                ShouldProcess($"{Kind} '{result.Id}'", "more changes (see the Changes property)");
                return;
            }
            ShouldProcess(target, what);
        }
        if (lines == 0)
        {
            ShouldProcess($"{Kind} '{result.Id}'", $"No changes: it already is as at generation {result.RestoredTo}");
        }
    }

    private static IEnumerable<(string Target, string What)> Lines(RestoreResult result)
    {
        var changes = result.Changes;
        IEnumerable<(string, EntityChange, string)> entities = [
            .. (changes.Provider is { } p ? [("provider", p, "Change")] : Array.Empty<(string, EntityChange, string)>()),
            .. (result.Author is { } a ? [("author", a, "Change")] : Array.Empty<(string, EntityChange, string)>()),
            .. changes.AddedOfferings.Select(c => ("model", c, "Add")),
            .. changes.UpdatedOfferings.Select(c => ("model", c, "Change")),
            .. changes.RemovedOfferings.Select(c => ("model", c, "Remove")),
            .. changes.AddedDefinitions.Select(c => ("definition", c, "Add")),
            .. changes.UpdatedDefinitions.Select(c => ("definition", c, "Change")),
            .. result.RemovedDefinitions.Select(c => ("definition", c, "Remove"))];
        foreach (var (scope, change, action) in entities)
        {
            var target = scope is "provider" or "author" ? $"{scope} '{change.Id}'" : $"{result.Id}/{change.Id}";
            if (action != "Change")
            {
                yield return (target, $"{action} {scope}");
                continue;
            }
            foreach (var field in change.Fields)
            {
                yield return (target, $"{action} {scope} field {field.Path}: {field.Old ?? "(unknown)"} -> {field.New ?? "(unknown)"}");
            }
        }
    }
}
