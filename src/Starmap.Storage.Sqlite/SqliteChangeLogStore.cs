using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Starmap.Storage.Sqlite;

/// <summary>
/// The change log in the embedded silo's SQLite file, beside grain state: one row per generation
/// (<c>change_generations</c>) and one per changed field (<c>changes</c>). A generation and its changes are
/// written in one transaction, so the log never holds half a publish. The schema is made on first use.
/// </summary>
public sealed class SqliteChangeLogStore : IChangeLogStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS change_generations (
            generation INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            origin TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS change_generations_by_time ON change_generations (at_ms);
        CREATE TABLE IF NOT EXISTS changes (
            generation INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            at_ms INTEGER NOT NULL,
            origin TEXT NOT NULL,
            source TEXT,
            entity INTEGER NOT NULL,
            entity_id TEXT NOT NULL,
            model_id TEXT,
            kind INTEGER NOT NULL,
            path TEXT NOT NULL,
            old TEXT,
            new TEXT,
            previous_version INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (generation, sequence)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS changes_by_entity ON changes (entity, entity_id, generation);
        CREATE INDEX IF NOT EXISTS changes_by_model ON changes (model_id, generation);
        CREATE TABLE IF NOT EXISTS change_log_meta (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL) WITHOUT ROWID;
        """;

    private const string Columns =
        "generation, sequence, at_ms, origin, source, entity, entity_id, model_id, kind, path, old, new, previous_version, version";

    private static readonly string[] ParameterNames =
        ["$g", "$s", "$at", "$origin", "$source", "$entity", "$id", "$model", "$kind", "$path", "$old", "$new", "$pv", "$v"];

    private readonly SqliteGrainStorageOptions _options;
    private readonly string _connectionString;
    private volatile bool _ready;

    /// <summary>A store in the SQLite file <paramref name="options"/> names (the grain state's file).</summary>
    public SqliteChangeLogStore(SqliteGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate("change log");
        _options = options;
        _connectionString = options.BuildConnectionString();
    }

    /// <inheritdoc/>
    public async Task AppendAsync(ChangeBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var clear = connection.CreateCommand())
        {
            // Generations at or after this one were never seen (their publish failed after the append): replaced.
            clear.CommandText = "DELETE FROM changes WHERE generation >= $g; DELETE FROM change_generations WHERE generation >= $g;";
            clear.Parameters.AddWithValue("$g", batch.Generation);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var header = connection.CreateCommand())
        {
            header.CommandText = "INSERT INTO change_generations (generation, at_ms, origin) VALUES ($g, $at, $origin);";
            header.Parameters.AddWithValue("$g", batch.Generation);
            header.Parameters.AddWithValue("$at", batch.At.ToUnixTimeMilliseconds());
            header.Parameters.AddWithValue("$origin", batch.Origin);
            await header.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (!batch.Changes.IsEmpty)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO changes ({Columns}) VALUES ($g, $s, $at, $origin, $source, $entity, $id, $model, $kind, $path, $old, $new, $pv, $v);";
            var p = ParameterNames.Select(name => insert.Parameters.AddWithValue(name, DBNull.Value)).ToArray();
            foreach (var c in batch.Changes)
            {
                p[0].Value = batch.Generation;
                p[1].Value = c.Sequence;
                p[2].Value = batch.At.ToUnixTimeMilliseconds();
                p[3].Value = batch.Origin;
                p[4].Value = (object?)c.Source ?? DBNull.Value;
                p[5].Value = (int)c.Entity;
                p[6].Value = c.EntityId;
                p[7].Value = (object?)c.ModelId ?? DBNull.Value;
                p[8].Value = (int)c.Kind;
                p[9].Value = c.Path;
                p[10].Value = (object?)c.Old ?? DBNull.Value;
                p[11].Value = (object?)c.New ?? DBNull.Value;
                p[12].Value = c.PreviousVersion;
                p[13].Value = c.Version;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ChangePage> QueryAsync(ChangeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, ChangeQuery.MaxLimit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("1 = 1");
        void Filter(string clause, string name, object value)
        {
            where.Append(" AND ").Append(clause);
            command.Parameters.AddWithValue(name, value);
        }
        var newestFirst = query.Order == ChangeOrder.NewestFirst;
        if (query.After is { } after)
        {
            // "After" in the page order: newest first, the next page is what is older than the cursor.
            Filter(newestFirst
                ? "(generation < $ag OR (generation = $ag AND sequence < $as))"
                : "(generation > $ag OR (generation = $ag AND sequence > $as))", "$ag", after.Generation);
            command.Parameters.AddWithValue("$as", after.Sequence);
        }
        if (query.SinceGeneration is { } since)
        {
            Filter("generation > $since", "$since", since);
        }
        if (query.UntilGeneration is { } until)
        {
            Filter("generation <= $until", "$until", until);
        }
        if (query.Since is { } from)
        {
            Filter("at_ms >= $from", "$from", from.ToUnixTimeMilliseconds());
        }
        if (query.Until is { } to)
        {
            Filter("at_ms < $to", "$to", to.ToUnixTimeMilliseconds());
        }
        if (query.Provider is { } provider)
        {
            Filter("entity = 0 AND entity_id = $provider", "$provider", provider);
        }
        if (query.Author is { } author)
        {
            Filter("entity = 1 AND entity_id = $author", "$author", author);
        }
        if (query.Model is { } model)
        {
            Filter("model_id = $model", "$model", model);
        }
        if (query.Field is { Length: > 0 } field)
        {
            // Compared as text, not LIKE: a path may hold '_' and '%'.
            Filter("(path = $field OR substr(path, 1, length($field) + 1) IN ($field || '.', $field || '['))", "$field", field);
        }
        if (!query.Bookkeeping)
        {
            where.Append(" AND path NOT IN ('created_at', 'updated_at', 'provenance') AND path NOT LIKE 'provenance.%'");
        }
        command.CommandText =
            $"SELECT {Columns} FROM changes WHERE {where} ORDER BY {(newestFirst ? "generation DESC, sequence DESC" : "generation, sequence")} LIMIT $limit; " +
            "SELECT max(generation) FROM change_generations;";
        command.Parameters.AddWithValue("$limit", limit + 1);
        var items = new List<CatalogChange>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var newest = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0) ? reader.GetInt64(0) : 0;
        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }
        return new ChangePage
        {
            Generation = newest,
            Items = items.ToEquatableArray(),
            Next = more ? new ChangePosition { Generation = items[^1].Generation, Sequence = items[^1].Sequence } : null,
        };
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CatalogChange>> ReadEntityAsync(ChangeEntity entity, string entityId, long afterGeneration, CancellationToken cancellationToken = default) =>
        ReadAsync("entity = $entity AND entity_id = $id AND generation > $after", cancellationToken,
            ("$entity", (int)entity), ("$id", entityId), ("$after", afterGeneration));

    /// <inheritdoc/>
    public Task<IReadOnlyList<CatalogChange>> ReadAfterAsync(long afterGeneration, CancellationToken cancellationToken = default) =>
        ReadAsync("generation > $after", cancellationToken, ("$after", afterGeneration));

    /// <inheritdoc/>
    public async Task<long?> GenerationAtAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(generation) FROM change_generations WHERE at_ms <= $at;";
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long generation ? generation : null;
    }

    /// <inheritdoc/>
    public async Task<ChangeGenerationInfo?> GetGenerationAsync(long generation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT at_ms, origin FROM change_generations WHERE generation = $g;
            SELECT kind, count(*) FROM changes
                WHERE generation = $g AND path NOT IN ('created_at', 'updated_at', 'provenance') AND path NOT LIKE 'provenance.%'
                GROUP BY kind;
            SELECT DISTINCT entity, entity_id FROM changes WHERE generation = $g ORDER BY entity, entity_id;
            """;
        command.Parameters.AddWithValue("$g", generation);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0));
        var origin = reader.GetString(1);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<ChangeKind, int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[(ChangeKind)reader.GetInt32(0)] = reader.GetInt32(1);
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var touched = new List<(ChangeEntity Entity, string Id)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            touched.Add(((ChangeEntity)reader.GetInt32(0), reader.GetString(1)));
        }
        return ChangeGenerations.Summarize(generation, at, origin, counts, touched);
    }

    /// <inheritdoc/>
    public async Task<ChangeLogBounds> GetBoundsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT g.generation, g.at_ms, (SELECT max(generation) FROM change_generations) FROM change_generations g ORDER BY g.generation LIMIT 1; " +
            "SELECT value FROM change_log_meta WHERE name = 'pruned_through';";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var bounds = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ChangeLogBounds
            {
                FirstGeneration = reader.GetInt64(0),
                FirstAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                LastGeneration = reader.GetInt64(2),
            }
            : new ChangeLogBounds();
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? bounds with { PrunedThrough = reader.GetInt64(0) } : bounds;
    }

    /// <inheritdoc/>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Oldest first and whole generations only: what stays is every change after some generation, so
        // the catalog can still be rebuilt back to the oldest kept generation's predecessor.
        command.CommandText = "SELECT max(generation) FROM change_generations WHERE at_ms < $before;";
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long through)
        {
            return 0;
        }
        await using var delete = connection.CreateCommand();
        delete.CommandText = """
            DELETE FROM changes WHERE generation <= $through;
            DELETE FROM change_generations WHERE generation <= $through;
            """;
        delete.Parameters.AddWithValue("$through", through);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var count = connection.CreateCommand();
        // changes() counts the last statement's rows: the generations deleted. Then the mark, kept at its highest.
        count.CommandText = """
            SELECT changes();
            INSERT INTO change_log_meta (name, value) VALUES ('pruned_through', $through)
                ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value);
            """;
        count.Parameters.AddWithValue("$through", through);
        var removed = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed;
    }

    private async Task<IReadOnlyList<CatalogChange>> ReadAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM changes WHERE {where} ORDER BY generation, sequence;";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var items = new List<CatalogChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }
        return items;
    }

    private static CatalogChange Read(SqliteDataReader r) => new()
    {
        Generation = r.GetInt64(0),
        Sequence = r.GetInt32(1),
        At = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)),
        Origin = r.GetString(3),
        Source = r.IsDBNull(4) ? null : r.GetString(4),
        Entity = (ChangeEntity)r.GetInt32(5),
        EntityId = r.GetString(6),
        ModelId = r.IsDBNull(7) ? null : r.GetString(7),
        Kind = (ChangeKind)r.GetInt32(8),
        Path = r.GetString(9),
        Old = r.IsDBNull(10) ? null : r.GetString(10),
        New = r.IsDBNull(11) ? null : r.GetString(11),
        PreviousVersion = r.GetInt64(12),
        Version = r.GetInt64(13),
    };

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await SqliteConnections.OpenAsync(_connectionString, _options.BusyTimeout, cancellationToken).ConfigureAwait(false);
        if (!_ready)
        {
            // Idempotent (IF NOT EXISTS), so two first calls at once both run it harmlessly.
            await using var schema = connection.CreateCommand();
            schema.CommandText = Schema;
            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
        }
        return connection;
    }
}
