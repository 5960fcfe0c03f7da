namespace Starmap.Sync;

/// <summary>
/// The order of lifecycle stages: preview, beta and active (one live stage), then deprecated, then retired.
/// A sync only moves an offering forward through them; going back is a curation edit.
/// </summary>
internal static class LifecycleStages
{
    /// <summary>The stage's place; unknown is 0, so knowing anything is a step forward.</summary>
    public static int Rank(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Active or LifecycleStatus.Beta or LifecycleStatus.Preview => 1,
        LifecycleStatus.Deprecated => 2,
        LifecycleStatus.Retired => 3,
        _ => 0,
    };

    /// <summary>
    /// <paramref name="merged"/> with the baseline's status back when the merge would move it to an earlier
    /// stage, and the paths whose new provenance must then be dropped. Sources disagree (models.dev still says
    /// "deprecated" for a model OpenAI shut down), and a status that flips back and forth is worse than one
    /// that waits for an edit.
    /// </summary>
    public static (Offering Offering, string? RestoredPath) KeepForward(Offering? old, Offering merged)
    {
        if (old?.Lifecycle is not { } before || merged.Lifecycle is not { } after || Rank(after.Status) >= Rank(before.Status))
        {
            return (merged, null);
        }
        return (merged with { Lifecycle = after with { Status = before.Status } }, "lifecycle.status");
    }
}
