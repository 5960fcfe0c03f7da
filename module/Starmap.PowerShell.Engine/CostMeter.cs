using System.Globalization;

namespace Starmap.PowerShell;

/// <summary>
/// Measure-StarmapCost's engine: reads usage rows (a CSV row, an object, or the cmdlet's parameters) by
/// column name, then prices them in batches with <c>catalog.Prices</c>, the code behind
/// <c>POST /api/v1/cost</c>. A row that cannot be read or priced fails alone, with its row number and field.
/// </summary>
public static class CostMeter
{
    // Column names compared without case, '_' and '-': input_tokens, InputTokens and Input-Tokens are one column.
    private static readonly Dictionary<string, string> Usage = CostComponents.All.ToDictionary(Key, c => c, StringComparer.Ordinal);
    private static readonly HashSet<string> ProviderColumns = ["provider", "providerid"];
    private static readonly HashSet<string> ModelColumns = ["model", "modelid"];
    private static readonly HashSet<string> AtColumns = ["at"];

    /// <summary>The usage columns a row may have (snake_case, as the HTTP API spells them).</summary>
    public static IReadOnlyList<string> UsageColumns => CostComponents.All;

    /// <summary>Most rows priced in one call.</summary>
    public static int BatchSize => PriceCollection.MaxBatch;

    /// <summary>
    /// Reads one row: <c>provider</c>, <c>model</c>, the usage counts and <c>at</c>, by name; an empty cell is
    /// absent. Columns that are none of these are left to <paramref name="unknownColumn"/> (called once per
    /// row and column; the cmdlet warns once per column).
    /// </summary>
    /// <exception cref="StarmapCommandException">InvalidUsage, naming the row and the column.</exception>
    public static StarmapCostRow ReadRow(int row, IEnumerable<KeyValuePair<string, object?>> columns, DateTimeOffset? defaultAt, Action<string>? unknownColumn = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        string? provider = null, model = null;
        var at = defaultAt;
        foreach (var (name, raw) in columns)
        {
            var key = Key(name);
            var value = Unwrap(raw);
            if (value is null || value is string { Length: 0 } || (value is string s && string.IsNullOrWhiteSpace(s)))
            {
                continue;
            }
            if (ProviderColumns.Contains(key))
            {
                provider = Text(row, name, value);
            }
            else if (ModelColumns.Contains(key))
            {
                model = Text(row, name, value);
            }
            else if (AtColumns.Contains(key))
            {
                at = Time(row, name, value);
            }
            else if (Usage.TryGetValue(key, out var component))
            {
                values[component] = Count(row, name, value);
            }
            else
            {
                unknownColumn?.Invoke(name);
            }
        }
        return new StarmapCostRow
        {
            Row = row,
            Provider = provider ?? throw Invalid(row, "provider", "is missing: each row names its provider (a 'provider' column, or -Provider)"),
            Model = model ?? throw Invalid(row, "model", "is missing: each row names its model (a 'model' column, or -Model)"),
            Counts = values,
            At = at,
        };
    }

    /// <summary>Prices <paramref name="rows"/> in one batch: each a <see cref="StarmapCost"/> or the failure of that row alone.</summary>
    public static async Task<IReadOnlyList<(StarmapCostRow Row, StarmapCost? Cost, StarmapCommandException? Error)>> MeasureAsync(IReadOnlyList<StarmapCostRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var requests = rows.Select(r => new CostRequest { ProviderId = r.Provider, ModelId = r.Model, Usage = ToUsage(r.Counts), At = r.At }).ToList();
        var items = await Failures.Guard(() => StarmapSession.Catalog.Prices.CalculateBatchAsync(requests));
        return [.. items.Select(item =>
        {
            var row = rows[item.Index];
            return item.Cost is { } cost
                ? (row, StarmapCost.From(row.Row, cost), (StarmapCommandException?)null)
                : (row, null, Failed(row, item.Error!));
        })];
    }

    private static StarmapCommandException Failed(StarmapCostRow row, StarmapException error) => error switch
    {
        StarmapValidationException v => Invalid(row.Row, v.Field, v.Message.StartsWith(v.Field, StringComparison.Ordinal) ? v.Message[v.Field.Length..].TrimStart(' ', ':') : v.Message),
        StarmapNotFoundException nf => new(FailureKind.NotFound, (nf.Kind == "provider" ? "Provider" : "Model") + "NotFound", $"row {row.Row}: {nf.Message}", row.Provider + "/" + row.Model, nf),
        StarmapHistoryRangeException h => new(FailureKind.InvalidArgument, "HistoryOutOfRange", $"row {row.Row}: {h.Message}", row.Row, h),
        _ => new(FailureKind.Failed, "CostFailed", $"row {row.Row}: {error.Message}", row.Row, error),
    };

    private static CallUsage ToUsage(IReadOnlyDictionary<string, long> counts)
    {
        long C(string name) => counts.TryGetValue(name, out var v) ? v : 0;
        return new CallUsage
        {
            InputTokens = C(CostComponents.InputTokens), OutputTokens = C(CostComponents.OutputTokens),
            CacheReadTokens = C(CostComponents.CacheReadTokens), CacheWriteTokens = C(CostComponents.CacheWriteTokens),
            ReasoningTokens = C(CostComponents.ReasoningTokens), Requests = C(CostComponents.Requests),
            InputImages = C(CostComponents.InputImages), InputAudio = C(CostComponents.InputAudio), InputVideo = C(CostComponents.InputVideo),
            GeneratedImages = C(CostComponents.GeneratedImages), GeneratedAudio = C(CostComponents.GeneratedAudio),
            GeneratedVideo = C(CostComponents.GeneratedVideo), WebSearches = C(CostComponents.WebSearches),
            FunctionCalls = C(CostComponents.FunctionCalls), ToolUses = C(CostComponents.ToolUses),
        };
    }

    private static string Key(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    // PowerShell hands wrapped values (PSObject) through as object; their ToString is the value's.
    private static object? Unwrap(object? value) => value?.GetType().FullName == "System.Management.Automation.PSObject"
        ? value.GetType().GetProperty("BaseObject")?.GetValue(value)
        : value;

    private static string Text(int row, string column, object value) => value switch
    {
        string s => s.Trim(),
        _ => throw Invalid(row, column, $"must be text, not {value.GetType().Name}"),
    };

    private static long Count(int row, string column, object value)
    {
        long? count = value switch
        {
            long l => l,
            int i => i,
            short s => s,
            byte b => b,
            uint u => u,
            ulong u when u <= long.MaxValue => (long)u,
            decimal d when d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
            double d when d == Math.Truncate(d) && Math.Abs(d) < 9.2e18 => (long)d,
            string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return count switch
        {
            null => throw Invalid(row, column, $"'{StarmapValidationException.Printable(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}' is not a whole number"),
            < 0 => throw Invalid(row, column, $"must not be negative; got {count}"),
            > CostCalculator.MaxCount => throw Invalid(row, column, $"must be at most {CostCalculator.MaxCount}; got {count}"),
            _ => count.Value,
        };
    }

    private static DateTimeOffset Time(int row, string column, object value) => value switch
    {
        DateTimeOffset t => t,
        DateTime t => t.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(t, TimeSpan.Zero) : new DateTimeOffset(t),
        string s when DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => throw Invalid(row, column, $"'{StarmapValidationException.Printable(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}' is not a time such as 2025-06-01T00:00:00Z"),
    };

    private static StarmapCommandException Invalid(int row, string column, string reason) =>
        new(FailureKind.InvalidArgument, "InvalidUsage", $"row {row}: {column} {reason}", row);
}

/// <summary>One usage row read by <see cref="CostMeter.ReadRow"/>.</summary>
public sealed class StarmapCostRow
{
    /// <summary>Position in the pipeline, from 1.</summary>
    public int Row { get; init; }

    /// <summary>Provider ID.</summary>
    public string Provider { get; init; } = "";

    /// <summary>The provider's model ID.</summary>
    public string Model { get; init; } = "";

    /// <summary>Usage counts by component name (input_tokens, ...); absent ones are 0.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new Dictionary<string, long>();

    /// <summary>The time whose prices apply; null for now.</summary>
    public DateTimeOffset? At { get; init; }
}
