using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace Starmap.Silo.History;

/// <summary>
/// The change log in Redis, for a cluster (the silos share it as they share grain state). Per generation
/// one hash (<c>gen:N</c>: time, origin, its changes as one JSON array, the index keys it is in); sorted
/// sets of generations (<c>gens</c>), of their times (<c>times</c>) and per provider, author and model
/// (<c>e:0:id</c>, <c>e:1:id</c>, <c>m:id</c>), so a filtered query reads only the generations that can
/// match. Appends and prunes are Lua scripts: Redis runs each atomically, so the log never holds half a
/// publish. Every key shares one hash tag, so they live in one slot.
/// </summary>
public sealed class RedisChangeLogStore : IChangeLogStore, IAsyncDisposable
{
    // Deletes generations >= ARGV[2] (a failed publish's leftovers) with their index entries, then writes the batch.
    private const string AppendScript = """
        local p = ARGV[1]
        local function drop(s)
          local idx = redis.call('HGET', p .. 'gen:' .. s, 'index')
          if idx then
            for key in string.gmatch(idx, '[^\n]+') do redis.call('ZREM', p .. key, s) end
          end
          redis.call('DEL', p .. 'gen:' .. s)
          redis.call('ZREM', p .. 'gens', s)
          redis.call('ZREM', p .. 'times', s)
        end
        for _, s in ipairs(redis.call('ZRANGEBYSCORE', p .. 'gens', ARGV[2], '+inf')) do drop(s) end
        redis.call('HSET', p .. 'gen:' .. ARGV[2], 'at', ARGV[3], 'origin', ARGV[4], 'changes', ARGV[5], 'index', ARGV[6])
        redis.call('ZADD', p .. 'gens', ARGV[2], ARGV[2])
        redis.call('ZADD', p .. 'times', ARGV[3], ARGV[2])
        for key in string.gmatch(ARGV[6], '[^\n]+') do redis.call('ZADD', p .. key, ARGV[2], ARGV[2]) end
        return 1
        """;

    // Deletes every generation up to the newest published before ARGV[2] (ms) and raises the pruned mark.
    private const string PruneScript = """
        local p = ARGV[1]
        local through = -1
        for _, s in ipairs(redis.call('ZRANGEBYSCORE', p .. 'times', '-inf', '(' .. ARGV[2])) do
          local n = tonumber(s)
          if n > through then through = n end
        end
        if through < 0 then return 0 end
        local gone = redis.call('ZRANGEBYSCORE', p .. 'gens', '-inf', through)
        for _, s in ipairs(gone) do
          local idx = redis.call('HGET', p .. 'gen:' .. s, 'index')
          if idx then
            for key in string.gmatch(idx, '[^\n]+') do redis.call('ZREM', p .. key, s) end
          end
          redis.call('DEL', p .. 'gen:' .. s)
          redis.call('ZREM', p .. 'gens', s)
          redis.call('ZREM', p .. 'times', s)
        end
        local previous = tonumber(redis.call('GET', p .. 'pruned') or '-1')
        if through > previous then redis.call('SET', p .. 'pruned', through) end
        return #gone
        """;

    // Generations read per round trip while a query scans.
    private const int ScanBatch = 64;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly ConfigurationOptions _configuration;
    private readonly string _prefix;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    /// <summary>
    /// A store on the Redis server <paramref name="configuration"/> names, its keys under
    /// <c>{starmap-changes:<paramref name="serviceId"/>}:</c> (one log per service).
    /// </summary>
    public RedisChangeLogStore(ConfigurationOptions configuration, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _configuration = configuration;
        _prefix = "{starmap-changes:" + serviceId + "}:";
    }

    /// <inheritdoc/>
    public async Task AppendAsync(ChangeBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var stored = batch.Changes.Select(Stored.Of).ToArray();
        var index = batch.Changes
            .SelectMany(c => c.ModelId is { } model ? new[] { EntityKey(c.Entity, c.EntityId), ModelKey(model) } : [EntityKey(c.Entity, c.EntityId)])
            .Distinct(StringComparer.Ordinal);
        await db.ScriptEvaluateAsync(AppendScript, keys: null, values:
        [
            _prefix,
            batch.Generation,
            batch.At.ToUnixTimeMilliseconds(),
            batch.Origin,
            JsonSerializer.Serialize(stored, Json),
            string.Join('\n', index),
        ]).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ChangePage> QueryAsync(ChangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, ChangeQuery.MaxLimit);
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        // The narrowest index that holds every generation that can match.
        var index = query.Model is { } model ? ModelKey(model)
            : query.Provider is { } provider ? EntityKey(ChangeEntity.Provider, provider)
            : query.Author is { } author ? EntityKey(ChangeEntity.Author, author)
            : "gens";
        var newestFirst = query.Order == ChangeOrder.NewestFirst;
        // The cursor's own generation stays in range (its other changes may follow it); Matches drops the rest.
        var from = query.SinceGeneration is { } since ? since + 1 : 0;
        var until = query.UntilGeneration is { } u ? (double)u : double.PositiveInfinity;
        if (query.After is { } after)
        {
            if (newestFirst)
            {
                until = Math.Min(until, after.Generation);
            }
            else
            {
                from = Math.Max(from, after.Generation);
            }
        }
        var items = new List<CatalogChange>(limit + 1);
        await foreach (var change in ScanAsync(db, index, from, until, newestFirst, cancellationToken).ConfigureAwait(false))
        {
            if (Matches(change, query))
            {
                items.Add(change);
                if (items.Count > limit)
                {
                    break;
                }
            }
        }
        var newest = await NewestAsync(db).ConfigureAwait(false);
        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }
        return new ChangePage
        {
            Generation = newest ?? 0,
            Items = items.ToEquatableArray(),
            Next = more ? new ChangePosition { Generation = items[^1].Generation, Sequence = items[^1].Sequence } : null,
        };
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CatalogChange>> ReadEntityAsync(ChangeEntity entity, string entityId, long afterGeneration, CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<CatalogChange>();
        await foreach (var change in ScanAsync(db, EntityKey(entity, entityId), afterGeneration + 1, double.PositiveInfinity, newestFirst: false, cancellationToken).ConfigureAwait(false))
        {
            if (change.Entity == entity && change.EntityId == entityId)
            {
                items.Add(change);
            }
        }
        return items;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CatalogChange>> ReadAfterAsync(long afterGeneration, CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<CatalogChange>();
        await foreach (var change in ScanAsync(db, "gens", afterGeneration + 1, double.PositiveInfinity, newestFirst: false, cancellationToken).ConfigureAwait(false))
        {
            items.Add(change);
        }
        return items;
    }

    /// <inheritdoc/>
    public async Task<long?> GenerationAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var ms = at.ToUnixTimeMilliseconds();
        // The latest time at or before `at`, then the newest generation of that time (members sort as text).
        var latest = await db.SortedSetRangeByScoreWithScoresAsync(Key("times"), double.NegativeInfinity, ms, order: Order.Descending, take: 1).ConfigureAwait(false);
        if (latest.Length == 0)
        {
            return null;
        }
        var same = await db.SortedSetRangeByScoreAsync(Key("times"), latest[0].Score, latest[0].Score).ConfigureAwait(false);
        return same.Max(g => (long)g);
    }

    /// <inheritdoc/>
    public async Task<ChangeGenerationInfo?> GetGenerationAsync(long generation, CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var batch = await ReadGenerationAsync(db, generation).ConfigureAwait(false);
        return batch is null ? null : ChangeGenerations.Summarize(batch.Generation, batch.At, batch.Origin, batch.Changes);
    }

    /// <inheritdoc/>
    public async Task<ChangeLogBounds> GetBoundsAsync(CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var first = await db.SortedSetRangeByRankAsync(Key("gens"), 0, 0).ConfigureAwait(false);
        var pruned = await db.StringGetAsync(Key("pruned")).ConfigureAwait(false);
        var bounds = new ChangeLogBounds { PrunedThrough = pruned.HasValue ? (long)pruned : null };
        if (first.Length == 0)
        {
            return bounds;
        }
        var firstGeneration = (long)first[0];
        var at = await db.HashGetAsync(Key("gen:" + firstGeneration.ToString(CultureInfo.InvariantCulture)), "at").ConfigureAwait(false);
        return bounds with
        {
            FirstGeneration = firstGeneration,
            FirstAt = at.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds((long)at) : null,
            LastGeneration = await NewestAsync(db).ConfigureAwait(false),
        };
    }

    /// <inheritdoc/>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var gone = await db.ScriptEvaluateAsync(PruneScript, keys: null, values: [_prefix, before.ToUnixTimeMilliseconds()])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return (int)gone;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        _connecting.Dispose();
    }

    private static bool Matches(CatalogChange c, ChangeQuery q) =>
        (q.After is not { } after || (q.Order == ChangeOrder.NewestFirst
            ? c.Generation < after.Generation || (c.Generation == after.Generation && c.Sequence < after.Sequence)
            : c.Generation > after.Generation || (c.Generation == after.Generation && c.Sequence > after.Sequence))) &&
        (q.Since is not { } since || c.At >= since) &&
        (q.Until is not { } until || c.At < until) &&
        (q.Provider is not { } provider || (c.Entity == ChangeEntity.Provider && c.EntityId == provider)) &&
        (q.Author is not { } author || (c.Entity == ChangeEntity.Author && c.EntityId == author)) &&
        (q.Model is not { } model || c.ModelId == model) &&
        (q.Field is not { Length: > 0 } field || c.Path == field ||
            (c.Path.StartsWith(field, StringComparison.Ordinal) && c.Path.Length > field.Length && c.Path[field.Length] is '.' or '[')) &&
        (q.Bookkeeping || !c.IsBookkeeping);

    // Every change of the generations in `index` from `from` to `until` (both inclusive), oldest first or newest
    // first (generations and the changes within each reversed), a batch of generations at a time.
    private async IAsyncEnumerable<CatalogChange> ScanAsync(IDatabase db, string index, long from, double until, bool newestFirst,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        double low = from, high = until;
        var exclude = Exclude.None;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Low and high stay the minimum and maximum score in either order; Stop excludes the maximum.
            var generations = await db.SortedSetRangeByScoreAsync(Key(index), low, high, exclude,
                newestFirst ? Order.Descending : Order.Ascending, take: ScanBatch).ConfigureAwait(false);
            if (generations.Length == 0)
            {
                yield break;
            }
            var batches = await Task.WhenAll(generations.Select(g => ReadGenerationAsync(db, (long)g))).ConfigureAwait(false);
            foreach (var batch in batches)
            {
                var changes = batch?.Changes ?? default;
                for (var i = 0; i < changes.Count; i++)
                {
                    yield return changes[newestFirst ? changes.Count - 1 - i : i];
                }
            }
            if (generations.Length < ScanBatch)
            {
                yield break;
            }
            if (newestFirst)
            {
                high = (long)generations[^1];
                exclude = Exclude.Stop;
            }
            else
            {
                low = (long)generations[^1];
                exclude = Exclude.Start;
            }
        }
    }

    private async Task<ChangeBatch?> ReadGenerationAsync(IDatabase db, long generation)
    {
        var fields = await db.HashGetAsync(Key("gen:" + generation.ToString(CultureInfo.InvariantCulture)), ["at", "origin", "changes"]).ConfigureAwait(false);
        if (!fields[0].HasValue)
        {
            return null;
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)fields[0]);
        var origin = fields[1].ToString();
        var stored = JsonSerializer.Deserialize<Stored[]>(fields[2].ToString(), Json) ?? [];
        return new ChangeBatch
        {
            Generation = generation,
            At = at,
            Origin = origin,
            Changes = stored.Select(s => s.ToChange(generation, at, origin)).ToEquatableArray(),
        };
    }

    private async Task<long?> NewestAsync(IDatabase db)
    {
        var last = await db.SortedSetRangeByRankAsync(Key("gens"), -1, -1).ConfigureAwait(false);
        return last.Length == 0 ? null : (long)last[0];
    }

    private async Task<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } ready)
        {
            return ready.GetDatabase();
        }
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _connection ??= await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
            return _connection.GetDatabase();
        }
        finally
        {
            _connecting.Release();
        }
    }

    private RedisKey Key(string name) => _prefix + name;

    private static string EntityKey(ChangeEntity entity, string id) => FormattableString.Invariant($"e:{(int)entity}:{id}");

    private static string ModelKey(string model) => "m:" + model;

    /// <summary>One change as stored: short names, and the generation's own fields left out (they are the hash's).</summary>
    private sealed record Stored(
        [property: JsonPropertyName("s")] int Sequence,
        [property: JsonPropertyName("src")] string? Source,
        [property: JsonPropertyName("e")] ChangeEntity Entity,
        [property: JsonPropertyName("id")] string EntityId,
        [property: JsonPropertyName("m")] string? ModelId,
        [property: JsonPropertyName("k")] ChangeKind Kind,
        [property: JsonPropertyName("p")] string Path,
        [property: JsonPropertyName("o")] string? Old,
        [property: JsonPropertyName("n")] string? New,
        [property: JsonPropertyName("pv")] long PreviousVersion,
        [property: JsonPropertyName("v")] long Version)
    {
        public static Stored Of(CatalogChange c) =>
            new(c.Sequence, c.Source, c.Entity, c.EntityId, c.ModelId, c.Kind, c.Path, c.Old, c.New, c.PreviousVersion, c.Version);

        public CatalogChange ToChange(long generation, DateTimeOffset at, string origin) => new()
        {
            Generation = generation,
            Sequence = Sequence,
            At = at,
            Origin = origin,
            Source = Source,
            Entity = Entity,
            EntityId = EntityId,
            ModelId = ModelId,
            Kind = Kind,
            Path = Path,
            Old = Old,
            New = New,
            PreviousVersion = PreviousVersion,
            Version = Version,
        };
    }
}
