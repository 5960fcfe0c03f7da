using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Starmap.Storage.Sqlite;

/// Orleans grain storage on one SQLite file. Every call opens its own (pooled) connection and every mutation is a
/// single ETag-guarded statement, so concurrent grains, silos and processes sharing the file stay consistent.
public sealed class SqliteGrainStorage : IGrainStorage, IGrainStateBatchStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            storage_name TEXT    NOT NULL,
            grain_id     TEXT    NOT NULL,
            state_name   TEXT    NOT NULL,
            etag         INTEGER NOT NULL,
            payload      BLOB    NOT NULL,
            updated_at   TEXT    NOT NULL,
            PRIMARY KEY (storage_name, grain_id, state_name)
        ) WITHOUT ROWID;
        """;

    private const string KeyFilter = "storage_name = $storage AND grain_id = $grain AND state_name = $state";

    private readonly string _name;
    private readonly SqliteGrainStorageOptions _options;
    private readonly string _connectionString;
    private readonly Serializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly Lock _initLock = new();
    private Task? _initialization;

    internal SqliteGrainStorage(
        string name,
        SqliteGrainStorageOptions options,
        Serializer serializer,
        IActivatorProvider activators,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(name);
        _name = name;
        _options = options;
        _connectionString = options.BuildConnectionString();
        _serializer = serializer ?? throw new ArgumentNullException(nameof(serializer));
        _activators = activators ?? throw new ArgumentNullException(nameof(activators));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public string Name => _name;

    public string DatabasePath => _options.DatabasePath;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        // Create the schema while the silo starts, so a bad path fails startup rather than the first grain call.
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, EnsureInitializedAsync);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateKeyedCommand(connection, $"SELECT etag, payload FROM grain_state WHERE {KeyFilter}", stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Always a fresh instance: keeping the old object would resurrect values another silo has cleared.
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var etag = reader.GetInt64(0);
        var payload = reader.GetFieldValue<byte[]>(1);
        grainState.State = Deserialize<T>(payload, stateName, grainId, etag);
        grainState.ETag = FormatEtag(etag);
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        return OnWriteScheduler(() => WriteCoreAsync(stateName, grainId, grainState, cancellationToken), cancellationToken);
    }

    private async Task WriteCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var payload = _serializer.SerializeToArray(grainState.State);
        var expected = grainState.ETag;

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        SqliteCommand command;
        if (expected is null)
        {
            // No ETag means "I believe there is no record": insert, and never overwrite a row someone else wrote.
            command = CreateKeyedCommand(connection, """
                INSERT INTO grain_state (storage_name, grain_id, state_name, etag, payload, updated_at)
                VALUES ($storage, $grain, $state, 1, $payload, $now)
                ON CONFLICT DO NOTHING
                RETURNING etag
                """, stateName, grainId);
        }
        else if (TryParseEtag(expected, out var expectedVersion))
        {
            command = CreateKeyedCommand(connection, $"""
                UPDATE grain_state SET etag = etag + 1, payload = $payload, updated_at = $now
                WHERE {KeyFilter} AND etag = $etag
                RETURNING etag
                """, stateName, grainId);
            command.Parameters.AddWithValue("$etag", expectedVersion);
        }
        else
        {
            // An ETag this provider never issued cannot match any stored row.
            throw await ConflictAsync(connection, "write", stateName, grainId, expected, cancellationToken).ConfigureAwait(false);
        }

        await using (command)
        {
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (result is not long newVersion)
            {
                throw await ConflictAsync(connection, "write", stateName, grainId, expected, cancellationToken).ConfigureAwait(false);
            }

            grainState.ETag = FormatEtag(newVersion);
            grainState.RecordExists = true;
        }
    }

    public Task<bool> TryAddAllAsync<T>(string stateName, IReadOnlyList<KeyValuePair<GrainId, T>> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        return OnWriteScheduler(() => TryAddAllCoreAsync(stateName, states, cancellationToken), cancellationToken);
    }

    private async Task<bool> TryAddAllCoreAsync<T>(string stateName, IReadOnlyList<KeyValuePair<GrainId, T>> states, CancellationToken cancellationToken)
    {
        // Serialized before the transaction begins, so the write lock is held only for the inserts.
        var payloads = states.Select(s => (Grain: s.Key, Payload: _serializer.SerializeToArray(s.Value))).ToList();
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One transaction: one commit (one flush) for all of them, and nothing at all if any row exists.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO grain_state (storage_name, grain_id, state_name, etag, payload, updated_at)
            VALUES ($storage, $grain, $state, 1, $payload, $now)
            ON CONFLICT DO NOTHING
            RETURNING etag
            """;
        command.Parameters.AddWithValue("$storage", _name);
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$now", now);
        var grain = command.Parameters.Add("$grain", SqliteType.Text);
        var payload = command.Parameters.Add("$payload", SqliteType.Blob);
        foreach (var (grainId, bytes) in payloads)
        {
            grain.Value = grainId.ToString();
            payload.Value = bytes;
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long)
            {
                // A record exists: the caller writes grain by grain instead, through each grain's ETag.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = grainState.ETag;

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (expected is null)
        {
            // Nothing to delete as far as the grain knows; a row that exists anyway was written by someone else.
            if (await ReadStoredEtagAsync(connection, stateName, grainId, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, expected, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            if (!TryParseEtag(expected, out var expectedVersion))
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, expected, cancellationToken).ConfigureAwait(false);
            }

            await using var command = CreateKeyedCommand(connection, $"DELETE FROM grain_state WHERE {KeyFilter} AND etag = $etag", stateName, grainId);
            command.Parameters.AddWithValue("$etag", expectedVersion);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, expected, cancellationToken).ConfigureAwait(false);
            }
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>
    /// Runs a write where <see cref="SqliteGrainStorageOptions.WriteScheduler"/> says. The grain's turn waits for it
    /// either way; Microsoft.Data.Sqlite's statements complete synchronously, so the whole write (serializing,
    /// statement, commit) runs on that scheduler's thread.
    /// </summary>
    private Task<TResult> OnWriteScheduler<TResult>(Func<Task<TResult>> write, CancellationToken cancellationToken) =>
        _options.WriteScheduler?.Invoke() is { } scheduler
            ? Task.Factory.StartNew(write, cancellationToken, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap()
            : write();

    private Task OnWriteScheduler(Func<Task> write, CancellationToken cancellationToken) =>
        _options.WriteScheduler?.Invoke() is { } scheduler
            ? Task.Factory.StartNew(write, cancellationToken, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap()
            : write();

    private T Deserialize<T>(byte[] payload, string stateName, GrainId grainId, long etag)
    {
        try
        {
            // Null only if null was written: T is unconstrained, so that is a legitimate round trip.
            return _serializer.Deserialize<T>(payload)!;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Name the record, not the bytes: the payload itself never goes into messages or logs.
            throw new SqliteGrainStorageException(
                $"SQLite grain storage '{_name}': stored state '{stateName}' of grain {grainId} (ETag {etag}, {payload.Length} bytes) " +
                $"could not be deserialized as {typeof(T).FullName}. The record is corrupt or was written by an incompatible type.",
                ex);
        }
    }

    private T CreateInstance<T>() => _activators.GetActivator<T>().Create();

    private async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, string operation, string stateName, GrainId grainId, string? expected, CancellationToken cancellationToken)
    {
        // Re-read only to explain the conflict; the guarded statement has already decided the outcome.
        var stored = await ReadStoredEtagAsync(connection, stateName, grainId, cancellationToken).ConfigureAwait(false);
        var storedText = stored is { } version ? FormatEtag(version) : null;
        var message =
            $"SQLite grain storage '{_name}': ETag mismatch on {operation} of state '{stateName}' for grain {grainId}: " +
            $"expected ETag {expected ?? "<none>"}, stored ETag {storedText ?? "<none>"}.";
        StorageLog.EtagConflict(_logger, message);
        return new InconsistentStateException(message, storedText ?? "<none>", expected ?? "<none>");
    }

    private async Task<long?> ReadStoredEtagAsync(SqliteConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = CreateKeyedCommand(connection, $"SELECT etag FROM grain_state WHERE {KeyFilter}", stateName, grainId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    private SqliteCommand CreateKeyedCommand(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$storage", _name);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, _options.BusyTimeout, cancellationToken);

    private Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        var initialization = _initialization;
        if (initialization is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_initLock)
        {
            // A failed attempt (e.g. folder not yet writable) is retried by the next call instead of sticking forever.
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = InitializeAsync();
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }

    private async Task InitializeAsync()
    {
        // Shared by every waiting caller, so it must not observe any single caller's cancellation.
        Directory.CreateDirectory(Path.GetDirectoryName(_options.DatabasePath)!);
        await using var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);

        // WAL lets readers proceed beside the single writer and is stored in the file, so every process sees it.
        await using (var journal = connection.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = await journal.ExecuteScalarAsync().ConfigureAwait(false) as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                _logger.LogWarning("SQLite grain storage '{Name}': journal mode is {Mode}, not WAL, for {Path}.", _name, mode, _options.DatabasePath);
            }
        }

        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = Schema;
            await schema.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        _logger.LogInformation("SQLite grain storage '{Name}' ready at {Path}.", _name, _options.DatabasePath);
    }

    private static bool TryParseEtag(string etag, out long version)
        => long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    private static string FormatEtag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
