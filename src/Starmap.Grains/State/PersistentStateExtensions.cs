using Orleans.Storage;

namespace Starmap.Grains.State;

internal static class PersistentStateExtensions
{
    /// <summary>
    /// Stores <paramref name="next"/>. If storage refuses, the grain keeps serving what storage still
    /// holds, so nothing half-written is ever visible; after an ETag conflict (another activation wrote
    /// first) the grain deactivates so its next call re-reads.
    /// </summary>
    public static async Task WriteOrRollbackAsync<T>(this IPersistentState<T> state, T next, IGrainBase grain)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = previous;
            if (ex is InconsistentStateException)
            {
                grain.DeactivateOnIdle();
            }
            throw;
        }
    }
}
