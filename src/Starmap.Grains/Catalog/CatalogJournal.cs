namespace Starmap.Grains.Catalog;

/// <summary>
/// The registry's memory of recent generations: which providers and authors each one changed, for the
/// last <see cref="Capacity"/> generations. It answers "what changed since generation G" while it reaches
/// back to G; it starts empty at the generation the registry activated with, so after a restart (or once
/// G fell off the end) the answer is "unknown" and a replica takes the whole export instead.
/// </summary>
internal sealed class CatalogJournal(long floor)
{
    /// <summary>Generations kept.</summary>
    public const int Capacity = 1024;

    private readonly Queue<CatalogNotice> _notices = new();

    /// <summary>The oldest generation the journal can answer "changes since" for.</summary>
    public long Floor { get; private set; } = floor;

    /// <summary>Records one published generation (each newer than the last).</summary>
    public void Record(CatalogNotice notice)
    {
        _notices.Enqueue(notice);
        if (_notices.Count > Capacity)
        {
            Floor = _notices.Dequeue().Generation;
        }
    }

    /// <summary>Notices of the generations after <paramref name="generation"/>, in order; null when the journal does not reach back to it.</summary>
    public List<CatalogNotice>? Since(long generation) =>
        generation < Floor ? null : _notices.Where(n => n.Generation > generation).ToList();
}
