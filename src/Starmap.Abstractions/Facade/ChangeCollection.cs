using System.Runtime.CompilerServices;

namespace Starmap;

/// <summary>
/// The change log: what every publish changed, field by field, oldest first or newest first (<see cref="ChangeQuery.Order"/>). Read through
/// <see cref="IChangeLogGrain"/>, so it works from a client as from inside a silo.
/// </summary>
public sealed class ChangeCollection
{
    private readonly IGrainFactory _grains;

    internal ChangeCollection(IGrainFactory grains) => _grains = grains;

    private IChangeLogGrain Log => _grains.GetGrain<IChangeLogGrain>(0);

    /// <summary>
    /// One page of changes matching <paramref name="query"/> (all changes when null), in its <see cref="ChangeQuery.Order"/>; pass the
    /// page's <see cref="ChangePage.Next"/> as <see cref="ChangeQuery.After"/> for the next. Throws
    /// <see cref="ArgumentException"/> for a bad query, <see cref="ArgumentOutOfRangeException"/> for
    /// changes retention deleted.
    /// </summary>
    public Task<ChangePage> ListAsync(ChangeQuery? query = null)
    {
        query ??= new ChangeQuery();
        ChangeQueryRules.Check(query);
        return Log.QueryAsync(query);
    }

    /// <summary>Every change matching <paramref name="query"/>, in its <see cref="ChangeQuery.Order"/>, fetched a page (<see cref="ChangeQuery.Limit"/>) at a time.</summary>
    public async IAsyncEnumerable<CatalogChange> ReadAllAsync(ChangeQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new ChangeQuery();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await ListAsync(query).WaitAsync(cancellationToken);
            foreach (var change in page.Items)
            {
                yield return change;
            }
            if (page.Next is null)
            {
                yield break;
            }
            query = query with { After = page.Next };
        }
    }

    /// <summary>One generation in brief (time, origin, counts, entities touched); null when the log does not hold it.</summary>
    public Task<ChangeGenerationInfo?> FindGenerationAsync(long generation) => Log.GetGenerationAsync(generation);

    /// <summary>The generations the log holds (and the newest one retention deleted).</summary>
    public Task<ChangeLogBounds> GetBoundsAsync() => Log.GetBoundsAsync();
}
