using System.Buffers;
using System.Runtime.CompilerServices;
using Starmap.Catalog.Snapshot;
using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Query;

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
    private static readonly Feature[] AllFeatures = Enum.GetValues<Feature>();
    private static readonly IComparer<CatalogModel> ByModelId = Comparer<CatalogModel>.Create((a, b) => string.CompareOrdinal(a.ModelId, b.ModelId));

    private readonly IReadOnlyList<CatalogModel> _models;
    private readonly Dictionary<string, int> _providerOrdinals = new(StringComparer.Ordinal);
    private readonly int[] _provider;
    private readonly long[] _context;
    private readonly decimal[] _inputPrices;
    private readonly decimal[] _outputPrices;
    private readonly int[] _inputPrice;
    private readonly int[] _outputPrice;
    private readonly int[] _releaseDay;
    private readonly LifecycleStatus[] _status;
    private readonly sbyte[] _openWeights;
    private readonly ulong[] _supported;
    private readonly ulong[] _unsupported;
    private readonly int[] _inputModalities;
    private readonly int[] _outputModalities;
    private readonly int[]?[] _orders;

    /// <summary>Builds the columns; sorted orders are built on first use.</summary>
    public ModelIndex(IReadOnlyList<CatalogModel> models)
        : this(models, models.Count)
    {
        for (var i = 0; i < models.Count; i++)
        {
            var model = models[i];
            if (!_providerOrdinals.TryGetValue(model.ProviderId, out var ordinal))
            {
                ordinal = _providerOrdinals.Count;
                _providerOrdinals.Add(model.ProviderId, ordinal);
            }
            _provider[i] = ordinal;
            Fill(i, model);
        }
        (_inputPrices, _inputPrice) = Ranks(models, static m => m.InputPrice);
        (_outputPrices, _outputPrice) = Ranks(models, static m => m.OutputPrice);
    }

    /// <summary>
    /// The index of <paramref name="snapshot"/>, made from <paramref name="sourceIndex"/>, the index of the
    /// snapshot it was derived from: a provider whose joined offerings both share (the same object) keeps its
    /// columns, copied, and so does each offering of a changed provider that the change left as it was; only
    /// the offerings that changed are computed. Each sorted order the source had built
    /// is carried over (its unchanged models keep their relative order) with the changed models merged in,
    /// instead of sorted again. The same index <see cref="ModelIndex(IReadOnlyList{CatalogModel})"/> builds.
    /// </summary>
    private ModelIndex(CatalogSnapshot snapshot, CatalogSnapshot source, ModelIndex sourceIndex)
        : this(snapshot.Models, snapshot.Models.Count)
    {
        var sourceBlocks = new Dictionary<string, (ProviderModels Models, int Start)>(StringComparer.Ordinal);
        var start = 0;
        foreach (var (id, models) in source.ModelsByProvider())
        {
            sourceBlocks[id] = (models, start);
            start += models.Sorted.Length;
        }
        // Where each of the source's models sits in this index (-1: its provider changed).
        var moved = new int[sourceIndex._models.Count];
        Array.Fill(moved, -1);
        var computed = new List<int>();
        start = 0;
        foreach (var (id, models) in snapshot.ModelsByProvider())
        {
            var length = models.Sorted.Length;
            var ordinal = _providerOrdinals.Count;
            _providerOrdinals.Add(id, ordinal);
            _provider.AsSpan(start, length).Fill(ordinal);
            if (sourceBlocks.TryGetValue(id, out var block) && ReferenceEquals(block.Models, models))
            {
                sourceIndex.CopyTo(this, block.Start, start, length);
                for (var k = 0; k < length; k++)
                {
                    moved[block.Start + k] = start + k;
                }
            }
            else
            {
                for (var k = 0; k < length; k++)
                {
                    var model = models.Sorted[k];
                    // A changed provider's untouched offering (same offering and definition, only its provider
                    // version moved on) has the same columns and sort keys: copied and carried over like a block.
                    if (block.Models is { } before && Array.BinarySearch(before.Sorted, model, ByModelId) is >= 0 and var at
                        && ReferenceEquals(before.Sorted[at].Offering, model.Offering) && ReferenceEquals(before.Sorted[at].Definition, model.Definition))
                    {
                        sourceIndex.CopyTo(this, block.Start + at, start + k, 1);
                        moved[block.Start + at] = start + k;
                    }
                    else
                    {
                        Fill(start + k, model);
                        computed.Add(start + k);
                    }
                }
            }
            start += length;
        }
        (_inputPrices, _inputPrice) = Ranks(_models, static m => m.InputPrice);
        (_outputPrices, _outputPrice) = Ranks(_models, static m => m.OutputPrice);
        for (var slot = 0; slot < _orders.Length; slot++)
        {
            if (Volatile.Read(ref sourceIndex._orders[slot]) is { } order)
            {
                _orders[slot] = Merge(order, moved, computed, (ModelSort)(slot / 2), slot % 2 == 1 ? SortOrder.Descending : SortOrder.Ascending);
            }
        }
    }

    private ModelIndex(IReadOnlyList<CatalogModel> models, int count)
    {
        _models = models;
        _provider = new int[count];
        _context = new long[count];
        _releaseDay = new int[count];
        _status = new LifecycleStatus[count];
        _openWeights = new sbyte[count];
        _supported = new ulong[count];
        _unsupported = new ulong[count];
        _inputModalities = new int[count];
        _outputModalities = new int[count];
        _orders = new int[]?[SortKinds * 2];
        _inputPrices = [];
        _inputPrice = [];
        _outputPrices = [];
        _outputPrice = [];
    }

    /// <summary>The columns of one model (all but its provider ordinal).</summary>
    private void Fill(int i, CatalogModel model)
    {
        _context[i] = model.ContextWindow ?? Unknown;
        _releaseDay[i] = model.ReleaseDate?.DayNumber ?? int.MinValue;
        _status[i] = model.Status;
        _openWeights[i] = model.OpenWeights switch { true => 1, false => 0, null => -1 };
        foreach (var feature in AllFeatures)
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

    /// <summary>Copies the columns of <paramref name="length"/> models (not their provider ordinals) into <paramref name="target"/>.</summary>
    private void CopyTo(ModelIndex target, int from, int to, int length)
    {
        Array.Copy(_context, from, target._context, to, length);
        Array.Copy(_releaseDay, from, target._releaseDay, to, length);
        Array.Copy(_status, from, target._status, to, length);
        Array.Copy(_openWeights, from, target._openWeights, to, length);
        Array.Copy(_supported, from, target._supported, to, length);
        Array.Copy(_unsupported, from, target._unsupported, to, length);
        Array.Copy(_inputModalities, from, target._inputModalities, to, length);
        Array.Copy(_outputModalities, from, target._outputModalities, to, length);
    }

    /// <summary>
    /// The source's sorted <paramref name="order"/> carried over: its models that moved here keep their
    /// relative order (their keys are the same objects', and whole providers moved, so positions stay in
    /// order), and the <paramref name="computed"/> ones, sorted alone, are merged in; ties by position as in
    /// <see cref="Build"/>.
    /// </summary>
    private int[] Merge(int[] order, int[] moved, List<int> computed, ModelSort sort, SortOrder direction)
    {
        var keys = ModelOrder.For(sort, direction);
        int Compare(int a, int b)
        {
            var byKey = keys.Compare(_models[a], _models[b]);
            return byKey != 0 ? byKey : a.CompareTo(b);
        }
        var added = computed.ToArray();
        Array.Sort(added, Compare);
        var merged = new int[_models.Count];
        var n = 0;
        var next = 0;
        foreach (var position in order)
        {
            if (moved[position] is var here && here < 0)
            {
                continue;
            }
            while (next < added.Length && Compare(added[next], here) < 0)
            {
                merged[n++] = added[next++];
            }
            merged[n++] = here;
        }
        while (next < added.Length)
        {
            merged[n++] = added[next++];
        }
        return merged;
    }

    /// <summary>An unknown context window (no model states one this low).</summary>
    private const long Unknown = long.MinValue;

    /// <summary>
    /// Prices as ranks into their sorted distinct values (-1 when unknown), so a price bound is one int
    /// comparison per model: price &lt;= bound exactly when rank &lt;= the rank of the highest price &lt;= bound.
    /// </summary>
    private static (decimal[] Values, int[] Ranks) Ranks(IReadOnlyList<CatalogModel> models, Func<CatalogModel, decimal?> price)
    {
        var values = models.Select(price).OfType<decimal>().Distinct().Order().ToArray();
        var ranks = new int[models.Count];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = price(models[i]) is { } known ? Array.BinarySearch(values, known) : -1;
        }
        return (values, ranks);
    }

    /// <summary>The index of <paramref name="snapshot"/>'s models, built once per snapshot.</summary>
    /// <remarks>
    /// A snapshot made from another by <see cref="CatalogSnapshot.WithChanges"/> (the next generation, or a
    /// past one rebuilt from the current) starts from that one's index when it is built: only the changed
    /// providers' columns are computed, and the sorted orders are merged rather than sorted again.
    /// </remarks>
    public static ModelIndex Of(CatalogSnapshot snapshot) => Indexes.GetValue(snapshot, static s =>
        s.DerivedFrom is { } source && Indexes.TryGetValue(source, out var sourceIndex)
            ? new ModelIndex(s, source, sourceIndex)
            : new ModelIndex(s.Models));

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
        using var test = new Test(this, query);
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

    /// <summary>
    /// One query's filters, column at a time: each active filter clears the positions it rejects in a
    /// pooled byte mask (tight loops over flat arrays), then <see cref="ModelFilter"/> checks what is left
    /// for the filters that have no column.
    /// </summary>
    private sealed class Test : IDisposable
    {
        private readonly byte[] _mask;

        public Test(ModelIndex index, ModelQuery query)
        {
            var count = index._models.Count;
            _mask = ArrayPool<byte>.Shared.Rent(Math.Max(1, count));
            var mask = _mask.AsSpan(0, count);
            mask.Fill(1);
            if (!query.Providers.IsEmpty)
            {
                var allowed = new bool[index._providerOrdinals.Count];
                foreach (var provider in query.Providers)
                {
                    if (index._providerOrdinals.TryGetValue(provider, out var ordinal))
                    {
                        allowed[ordinal] = true;
                    }
                }
                Keep(mask, index._provider, allowed, static (ordinal, allowed) => allowed[ordinal]);
            }
            var supported = 0UL;
            foreach (var feature in query.Features)
            {
                supported |= FeatureBit(feature)!.Value;
            }
            if (supported != 0)
            {
                Keep(mask, index._supported, supported, static (known, wanted) => (known & wanted) == wanted);
            }
            var unsupported = 0UL;
            foreach (var feature in query.WithoutFeatures)
            {
                unsupported |= FeatureBit(feature)!.Value;
            }
            if (unsupported != 0)
            {
                Keep(mask, index._unsupported, unsupported, static (known, wanted) => (known & wanted) == wanted);
            }
            if (ModalityMask(query.InputModalities) is not 0 and var input)
            {
                Keep(mask, index._inputModalities, input, static (known, wanted) => known != -1 && (known & wanted) == wanted);
            }
            if (ModalityMask(query.OutputModalities) is not 0 and var output)
            {
                Keep(mask, index._outputModalities, output, static (known, wanted) => known != -1 && (known & wanted) == wanted);
            }
            if (query.MinContext is { } minContext)
            {
                Keep(mask, index._context, minContext, static (value, bound) => value != Unknown && value >= bound);
            }
            if (query.MaxContext is { } maxContext)
            {
                Keep(mask, index._context, maxContext, static (value, bound) => value != Unknown && value <= bound);
            }
            if (query.MaxInputPrice is { } maxInput)
            {
                Keep(mask, index._inputPrice, RankBound(index._inputPrices, maxInput), static (rank, bound) => rank >= 0 && rank <= bound);
            }
            if (query.MaxOutputPrice is { } maxOutput)
            {
                Keep(mask, index._outputPrice, RankBound(index._outputPrices, maxOutput), static (rank, bound) => rank >= 0 && rank <= bound);
            }
            if (query.ReleasedAfter is { } after)
            {
                Keep(mask, index._releaseDay, after.DayNumber, static (day, bound) => day != int.MinValue && day >= bound);
            }
            if (query.ReleasedBefore is { } before)
            {
                Keep(mask, index._releaseDay, before.DayNumber, static (day, bound) => day != int.MinValue && day <= bound);
            }
            if (!query.Statuses.IsEmpty)
            {
                var statuses = query.Statuses;
                Keep(mask, index._status, statuses, static (status, wanted) => wanted.Contains(status));
            }
            if (query.OpenWeights is { } open)
            {
                Keep(mask, index._openWeights, (sbyte)(open ? 1 : 0), static (known, wanted) => known == wanted);
            }
            // The filters without a column: the same code as the engine's, on what the columns kept.
            if (!query.Authors.IsEmpty || query.Id is not null || query.Name is not null || query.NameContains is not null || !query.Families.IsEmpty)
            {
                var rest = new ModelFilter(query);
                for (var i = 0; i < mask.Length; i++)
                {
                    if (mask[i] != 0 && !rest.Matches(index._models[i]))
                    {
                        mask[i] = 0;
                    }
                }
            }
        }

        public bool Matches(int i) => _mask[i] != 0;

        public void Dispose() => ArrayPool<byte>.Shared.Return(_mask);

        private static void Keep<TValue, TBound>(Span<byte> mask, TValue[] column, TBound bound, Func<TValue, TBound, bool> keeps)
        {
            for (var i = 0; i < mask.Length; i++)
            {
                if (mask[i] != 0 && !keeps(column[i], bound))
                {
                    mask[i] = 0;
                }
            }
        }

        /// <summary>The highest price rank whose price is at most <paramref name="bound"/> (-1 when none).</summary>
        private static int RankBound(decimal[] prices, decimal bound)
        {
            var at = Array.BinarySearch(prices, bound);
            return at >= 0 ? at : ~at - 1;
        }
    }
}
