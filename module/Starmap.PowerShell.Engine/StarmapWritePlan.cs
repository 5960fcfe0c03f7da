namespace Starmap.PowerShell;

/// <summary>
/// A write worked out before it runs: what it targets and the exact field changes it makes, so
/// -WhatIf and -Confirm show what the real run then does. <see cref="CatalogWriter.CommitAsync"/> runs it.
/// </summary>
public sealed class StarmapWritePlan
{
    internal StarmapWritePlan(string action, string target, IReadOnlyList<string> changes, Func<Task<object>> commit, IReadOnlyList<string>? warnings = null)
    {
        Action = action;
        Target = target;
        Changes = changes;
        Commit = commit;
        Warnings = warnings ?? [];
    }

    /// <summary>What the write leaves out that the caller may have meant (edits to properties it cannot write), said before it runs.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Create or Update.</summary>
    public string Action { get; }

    /// <summary>What is written, e.g. <c>model 'gpt-4o' of provider 'openai'</c>.</summary>
    public string Target { get; }

    /// <summary>One line per changed field: <c>path: old -> new</c>, values as JSON, (unknown) when absent.</summary>
    public IReadOnlyList<string> Changes { get; }

    /// <summary>The ShouldProcess action text: the action and every field change.</summary>
    public string Description => Changes.Count == 0 ? $"{Action} (no field changes)" : $"{Action}: {string.Join("; ", Changes)}";

    internal Func<Task<object>> Commit { get; }
}
