using System.Runtime.CompilerServices;

namespace Starmap.Catalog;

/// <summary>
/// Query indexes over one immutable list of models (a snapshot's), built on the first query and kept
/// as long as the snapshot lives: each model's filterable facts as flat columns, and, per sort order, the
/// models in that order. A query then counts its matches in one pass over the columns and reads its page
/// off the sorted order, stopping as soon as the page is full, instead of ordering every match.
/// </summary>
/// <remarks>
/// The answers are exactly <see cref="ModelQueryEngine.Execute"/>'s (a property test holds them equal):
/// the columns hold the very values <see cref="ModelFilter"/> reads, filters with no column (authors, ID
/// and name patterns, families) still go through <see cref="ModelFilter"/>, and a free-text search runs
/// the engine itself. Each sorted order breaks the sort's own ties by input position, as the engine's
/// stable selection does.
/// </remarks>
internal sealed class ModelIndex
{
    private static readonly ConditionalWeakTable<CatalogSnapshot, ModelIndex> Indexes = new();
    private static readonly int SortKinds = Enum.GetValues<ModelSort>().Max(s => (int)s) + 1;

    private readonly IReadOnlyList<CatalogModel> _models;
    private readonly Dictionary<string, int> _providerOrdinals = new(StringComparer.Ordinal);
    private readonly int[] _provider;
    private readonly long?[] _context;
    private readonly decimal?[] _inputPrice;
    private readonly decimal?[] _outputPrice;
    private readonly int?[] _releaseDay;
    private readonly LifecycleStatus[] _status;
    private readonly bool?[] _openWeights;
    private readonly ulong[] _supported;
    private readonly ulong[] _unsupported;
    private readonly int[] _inputModalities;
    private readonly int[] _outputModalities;
    private readonly int[]?[] _orders;

    /// <summary>Builds the columns; sorted orders are built on first use.</summary>
    public ModelIndex(IReadOnlyList<CatalogModel> models)
    {
        _models = models;
        var count = models.Count;
        _provider = new int[count];
        _context = new long?[count];
        _inputPrice = new decimal?[count];
        _outputPrice = new decimal?[count];
        _releaseDay = new int?[count];
        _status = new LifecycleStatus[count];
        _openWeights = new bool?[count];
        _supported = new ulong[count];
        _unsupported = new ulong[count];
        _inputModalities = new int[count];
        _outputModalities = new int[count];
        _orders = new int[]?[SortKinds * 2];
        for (var i = 0; i < count; i++)
        {
            var model = models[i];
            if (!_providerOrdinals.TryGetValue(model.ProviderId, out var ordinal))
            {
                ordinal = _providerOrdinals.Count;
                _providerOrdinals.Add(model.ProviderId, ordinal);
            }
            _provider[i] = ordinal;
            _context[i] = model.ContextWindow;
            _inputPrice[i] = model.InputPrice;
            _outputPrice[i] = model.OutputPrice;
            _releaseDay[i] = model.ReleaseDate?.DayNumber;
            _status[i] = model.Status;
            _openWeights[i] = model.OpenWeights;
            foreach (var feature in Enum.GetValues<Feature>())
            {
                if (FeatureBit(feature) is not { } bit)
                {
                    continue;
                }
                switch (model.Supports(feature))
                {
                    case true: _supported[i] |= bit; break;
                    case false: _unsupported[i] |= bit; break;
                }
            }
            _inputModalities[i] = ModalityMask(model.InputModalities);
            _outputModalities[i] = ModalityMask(model.OutputModalities);
        }
    }

    /// <summary>The index of <paramref name="snapshot"/>'s models, built once per snapshot.</summary>
    public static ModelIndex Of(CatalogSnapshot snapshot) => Indexes.GetValue(snapshot, s => new ModelIndex(s.Models));

    /// <summary>Validates and runs <paramref name="query"/>; the same page as <see cref="ModelQueryEngine.Execute"/>.</summary>
    /// <exception cref="StarmapValidationException">The query breaks a rule; the field is the filter name.</exception>
    public ModelPage Execute(ModelQuery query, long generation)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!string.IsNullOrWhiteSpace(query.Search) || !Indexable(query))
        {
            // Relevance ranks come from the search itself; there is no column for them.
            return ModelQueryEngine.Execute(_models, query, generation);
        }
        CatalogValidator.Validate(query);
        var test = new Test(this, query);
        var total = 0;
        for (var i = 0; i < _models.Count; i++)
        {
            if (test.Matches(i))
            {
                total++;
            }
        }
        var limit = query.Limit ?? ModelQuery.DefaultLimit;
        var wanted = (int)Math.Min((long)query.Offset + limit, total);
        var page = new CatalogModel[Math.Max(0, wanted - query.Offset)];
        if (page.Length > 0)
        {
            var order = Order(query.Sort, query.Order);
            var seen = 0;
            for (var k = 0; k < order.Length && seen < wanted; k++)
            {
                var i = order[k];
                if (!test.Matches(i))
                {
                    continue;
                }
                if (seen >= query.Offset)
                {
                    page[seen - query.Offset] = _models[i];
                }
                seen++;
            }
        }
        return new ModelPage
        {
            Generation = generation,
            Total = total,
            Offset = query.Offset,
            Limit = limit,
            Items = EquatableArray.Create<CatalogModel>(page),
        };
    }

    // Feature bits are one ulong; a feature numbered past it (none today) sends its queries to the engine.
    private static ulong? FeatureBit(Feature feature) => (int)feature is >= 0 and < 64 ? 1UL << (int)feature : null;

    private static bool Indexable(ModelQuery query) =>
        query.Features.All(f => FeatureBit(f) is not null)
        && query.WithoutFeatures.All(f => FeatureBit(f) is not null)
        && query.InputModalities.All(m => (int)m is >= 0 and < 31)
        && query.OutputModalities.All(m => (int)m is >= 0 and < 31);

    // -1: the model states no modalities (unknown), which no modality filter accepts.
    private static int ModalityMask(EquatableArray<Modality>? modalities)
    {
        if (modalities is not { } list)
        {
            return -1;
        }
        var mask = 0;
        foreach (var modality in list)
        {
            if ((int)modality is >= 0 and < 31)
            {
                mask |= 1 << (int)modality;
            }
        }
        return mask;
    }

    private static int ModalityMask(EquatableArray<Modality> required)
    {
        var mask = 0;
        foreach (var modality in required)
        {
            mask |= 1 << (int)modality;
        }
        return mask;
    }

    /// <summary>Positions of the models in <paramref name="sort"/> order, ties by position (a stable sort).</summary>
    private int[] Order(ModelSort sort, SortOrder direction)
    {
        var slot = (int)sort * 2 + (direction == SortOrder.Descending ? 1 : 0);
        if ((uint)slot >= (uint)_orders.Length)
        {
            return Build(sort, direction);
        }
        var built = Volatile.Read(ref _orders[slot]);
        if (built is null)
        {
            // Two racing queries may both build it; the orders are equal, and the first one stored stays.
            built = Build(sort, direction);
            built = Interlocked.CompareExchange(ref _orders[slot], built, null) ?? built;
        }
        return built;
    }

    private int[] Build(ModelSort sort, SortOrder direction)
    {
        // Without a search every relevance rank is equal, as in the engine: ties by provider and model ID.
        var order = ModelOrder.For(sort, direction);
        var positions = new int[_models.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }
        Array.Sort(positions, (a, b) =>
        {
            var byKey = order.Compare(_models[a], _models[b]);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        return positions;
    }

    /// <summary>One query's filters over the columns, with <see cref="ModelFilter"/> for those that have none.</summary>
    private sealed class Test
    {
        private readonly ModelIndex _index;
        private readonly bool[]? _providers;
        private readonly ModelQuery _query;
        private readonly int? _releasedAfter;
        private readonly int? _releasedBefore;
        private readonly ulong _supported;
        private readonly ulong _unsupported;
        private readonly int _inputModalities;
        private readonly int _outputModalities;
        private readonly ModelFilter? _rest;

        public Test(ModelIndex index, ModelQuery query)
        {
            _index = index;
            _query = query;
            if (!query.Providers.IsEmpty)
            {
                _providers = new bool[index._providerOrdinals.Count];
                foreach (var provider in query.Providers)
                {
                    if (index._providerOrdinals.TryGetValue(provider, out var ordinal))
                    {
                        _providers[ordinal] = true;
                    }
                }
            }
            _releasedAfter = query.ReleasedAfter?.DayNumber;
            _releasedBefore = query.ReleasedBefore?.DayNumber;
            foreach (var feature in query.Features)
            {
                _supported |= FeatureBit(feature)!.Value;
            }
            foreach (var feature in query.WithoutFeatures)
            {
                _unsupported |= FeatureBit(feature)!.Value;
            }
            _inputModalities = ModalityMask(query.InputModalities);
            _outputModalities = ModalityMask(query.OutputModalities);
            // The filters without a column: the same code as the engine's, after the columns have passed.
            _rest = query.Authors.IsEmpty && query.Id is null && query.Name is null && query.NameContains is null && query.Families.IsEmpty
                ? null
                : new ModelFilter(query);
        }

        public bool Matches(int i)
        {
            var index = _index;
            var query = _query;
            return (_providers is null || _providers[index._provider[i]])
                && (index._supported[i] & _supported) == _supported
                && (index._unsupported[i] & _unsupported) == _unsupported
                && Modalities(index._inputModalities[i], _inputModalities)
                && Modalities(index._outputModalities[i], _outputModalities)
                && AtLeast(index._context[i], query.MinContext)
                && AtMost(index._context[i], query.MaxContext)
                && AtMost(index._inputPrice[i], query.MaxInputPrice)
                && AtMost(index._outputPrice[i], query.MaxOutputPrice)
                && AtLeast(index._releaseDay[i], _releasedAfter)
                && AtMost(index._releaseDay[i], _releasedBefore)
                && (query.Statuses.IsEmpty || query.Statuses.Contains(index._status[i]))
                && (query.OpenWeights is not { } open || index._openWeights[i] == open)
                && (_rest is null || _rest.Matches(index._models[i]));
        }

        private static bool Modalities(int known, int required) => required == 0 || (known != -1 && (known & required) == required);

        private static bool AtLeast<T>(T? value, T? bound) where T : struct, IComparable<T> =>
            bound is not { } b || (value is { } v && v.CompareTo(b) >= 0);

        private static bool AtMost<T>(T? value, T? bound) where T : struct, IComparable<T> =>
            bound is not { } b || (value is { } v && v.CompareTo(b) <= 0);
    }
}
