namespace Starmap.Sources.ModelsDev;

/// <summary>Collects warnings up to a cap, so one broken snapshot cannot produce megabytes of them.</summary>
internal sealed class ModelsDevWarnings
{
    private const int Cap = 200;
    private readonly List<string> _items = [];
    private int _dropped;

    public void Add(string warning)
    {
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
