using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Base of the Starmap cmdlets: waits for Engine calls so Ctrl+C stops them, and turns Engine
/// failures into error records with stable IDs. Connection failures terminate (nothing can proceed);
/// everything else is a non-terminating error for the item at hand.
/// </summary>
public abstract class StarmapCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the pipeline stops.</summary>
    protected CancellationToken Cancellation => _stopping.Token;

    /// <summary>
    /// Whether the cmdlet connects on first use ($env:STARMAP_GATEWAY, Starmap__Client__Gateways__n or the saved
    /// connection) when the session has none; the cmdlets that manage the connection itself do not.
    /// </summary>
    protected virtual bool ConnectsOnFirstUse => true;

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        ModuleLifecycle.Hook();
        if (ConnectsOnFirstUse)
        {
            ConnectOnFirstUse();
        }
    }

    // Separate and not inlined: it names Engine types, which load only once Hook has run.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ConnectOnFirstUse()
    {
        if (StarmapSession.Current is not null)
        {
            return;
        }
        try
        {
            Await(StarmapSession.EnsureConnectedAsync(Cancellation));
            if (StarmapSession.Current is { } info)
            {
                WriteVerbose($"Connected on first use to {string.Join(", ", info.Gateways)} (from {info.Source}).");
            }
        }
        catch (StarmapCommandException failure)
        {
            // Nothing can run without the connection: terminating, like Connect-Starmap.
            ThrowTerminatingError(ToRecord(failure));
        }
    }

    /// <inheritdoc/>
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Waits for <paramref name="task"/>, or stops with the pipeline.</summary>
    protected T Await<T>(Task<T> task)
    {
        try
        {
            return task.WaitAsync(Cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Waits for <paramref name="task"/>, or stops with the pipeline.</summary>
    protected void Await(Task task)
    {
        try
        {
            task.WaitAsync(Cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>The given parameters among <paramref name="names"/>, as changes for the Engine (switches as booleans).</summary>
    protected System.Collections.Hashtable BoundChanges(params string[] names)
    {
        var changes = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (MyInvocation.BoundParameters.TryGetValue(name, out var value))
            {
                changes[name] = value switch
                {
                    SwitchParameter s => s.IsPresent,
                    PSObject o => o.BaseObject,
                    _ => value,
                };
            }
        }
        return changes;
    }

    /// <summary>"name = value" pairs of <paramref name="changes"/> for ShouldProcess messages.</summary>
    protected static string Describe(System.Collections.Hashtable changes) =>
        changes.Count == 0
            ? "no field changes"
            : string.Join(", ", changes.Keys.Cast<string>().Order(StringComparer.Ordinal).Select(k => $"{k} = {Show(changes[k])}"));

    private static string Show(object? value) => value switch
    {
        null => "(unknown)",
        string s => s,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Reports <paramref name="failure"/>: terminating for connection problems, else non-terminating.</summary>
    /// <summary>
    /// The one write path of New-* and Set-*: plan (reads the entity, checks the version, lists the field
    /// changes), ask (-WhatIf/-Confirm show exactly those changes), commit, and report.
    /// </summary>
    protected void WritePlanned(Func<Task<StarmapWritePlan>> plan, bool passThru)
    {
        try
        {
            var planned = Await(plan());
            foreach (var warning in planned.Warnings)
            {
                WriteWarning($"{planned.Target}: {warning}");
            }
            if (!ShouldProcess(planned.Target, planned.Description))
            {
                return;
            }
            var saved = Await(CatalogWriter.CommitAsync(planned));
            WriteVerbose($"{planned.Action}d {planned.Target} ({(planned.Changes.Count == 0 ? "no field changes" : string.Join("; ", planned.Changes))})");
            if (passThru)
            {
                WriteObject(saved);
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }

    protected void Report(StarmapCommandException failure)
    {
        var record = ToRecord(failure);
        if (failure.Kind is FailureKind.NotConnected or FailureKind.Connection)
        {
            ThrowTerminatingError(record);
        }
        WriteError(record);
    }

    /// <summary>The error record for a failure.</summary>
    internal static ErrorRecord ToRecord(StarmapCommandException failure) =>
        ErrorText.Shown(new(failure, failure.ErrorId, Category(failure.Kind), failure.Target));

    /// <summary>
    /// Removes what a deleting cmdlet was piped: a <typeparamref name="T"/> (from its Get- cmdlet) by
    /// <paramref name="ofObject"/> or, where <paramref name="ofId"/> is given, an ID as a string. Anything else (a model
    /// piped to Remove-StarmapProvider, whose ProviderId would name its whole provider) is a WrongInputType error
    /// naming what came and what is taken, and nothing is removed for it: a delete takes only what names what it deletes.
    /// </summary>
    protected void WritePipedRemoval<T>(object? input, string takes, Func<T, Task<StarmapWritePlan>> ofObject, Func<string, Task<StarmapWritePlan>>? ofId, bool passThru)
        where T : class
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case T typed:
                WritePlanned(() => ofObject(typed), passThru);
                return;
            case string id when ofId is not null:
                WritePlanned(() => ofId(id), passThru);
                return;
        }
        var shown = value?.ToString() ?? "";
        var came = value is null ? "nothing" : $"a {value.GetType().FullName} ('{(shown.Length > 80 ? shown[..80] + "..." : shown)}')";
        WriteError("WrongInputType", ErrorCategory.InvalidType,
            $"{MyInvocation.MyCommand.Name} takes {takes}, not {came}; nothing was removed for it", value);
    }

    /// <summary>A non-terminating error for <paramref name="target"/>.</summary>
    protected void WriteError(string errorId, ErrorCategory category, string message, object? target) =>
        WriteError(ErrorText.Shown(new ErrorRecord(new StarmapCommandException(FailureKind.Failed, errorId, message, target), errorId, category, target)));

    private static ErrorCategory Category(FailureKind kind) => kind switch
    {
        FailureKind.NotConnected => ErrorCategory.ConnectionError,
        FailureKind.Connection => ErrorCategory.ConnectionError,
        FailureKind.NotFound => ErrorCategory.ObjectNotFound,
        FailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
        FailureKind.InvalidData => ErrorCategory.InvalidData,
        FailureKind.Conflict => ErrorCategory.ResourceExists,
        FailureKind.Rejected => ErrorCategory.InvalidResult,
        _ => ErrorCategory.NotSpecified,
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
