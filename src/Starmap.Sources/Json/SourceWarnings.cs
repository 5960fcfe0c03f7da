namespace Starmap.Sources.Json;

/// <summary>Collects an observation's warnings up to a cap, with a count of the rest.</summary>
internal sealed class SourceWarnings
{
    private const int Cap = 100;
    private readonly List<string> _items = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _dropped;

    public void Add(string warning)
    {
        if (!_seen.Add(warning))
        {
            return;
        }
        if (_items.Count < Cap)
        {
            _items.Add(warning);
        }
        else
        {
            _dropped++;
        }
    }

    public EquatableArray<string> ToArray() =>
        (_dropped == 0 ? _items : [.. _items, $"... and {_dropped} more warnings"]).ToEquatableArray();
}
