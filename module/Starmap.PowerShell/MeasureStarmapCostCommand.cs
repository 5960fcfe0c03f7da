using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Measure-StarmapCost: the cost of calls from the catalog's prices. Pipe usage rows (<c>Import-Csv
/// usage.csv | Measure-StarmapCost</c>; columns by name: provider, model, input_tokens or InputTokens, ...,
/// at) or give one call's usage as parameters. One <c>StarmapCost</c> per row, in order; a row that cannot
/// be read or priced writes an error naming its row and field, and the other rows go on.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "StarmapCost", DefaultParameterSetName = UsageSet)]
[OutputType("Starmap.PowerShell.StarmapCost")]
public sealed class MeasureStarmapCostCommand : StarmapCmdlet
{
    private const string UsageSet = "Usage";
    private const string RowSet = "InputObject";

    private readonly List<StarmapCostRow> _pending = [];
    private readonly HashSet<string> _warnedColumns = new(StringComparer.OrdinalIgnoreCase);
    private int _row;

    /// <summary>Usage rows: CSV rows or any objects, read by property name.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = RowSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Provider ID.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UsageSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string Provider { get; set; } = "";

    /// <summary>The provider's model ID.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = UsageSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string Model { get; set; } = "";

    /// <summary>Every input token, cache reads and writes included.</summary>
    [Parameter(ParameterSetName = UsageSet)] public long InputTokens { get; set; }

    /// <summary>Every output token, reasoning included.</summary>
    [Parameter(ParameterSetName = UsageSet)] public long OutputTokens { get; set; }

    /// <summary>Input tokens read from the cache (part of InputTokens).</summary>
    [Parameter(ParameterSetName = UsageSet)] public long CacheReadTokens { get; set; }

    /// <summary>Input tokens written to the cache (part of InputTokens).</summary>
    [Parameter(ParameterSetName = UsageSet)] public long CacheWriteTokens { get; set; }

    /// <summary>Output tokens spent reasoning (part of OutputTokens).</summary>
    [Parameter(ParameterSetName = UsageSet)] public long ReasoningTokens { get; set; }

    /// <summary>Requests.</summary>
    [Parameter(ParameterSetName = UsageSet)] public long Requests { get; set; }

    /// <summary>Input images.</summary>
    [Parameter(ParameterSetName = UsageSet)] public long InputImages { get; set; }

    /// <summary>Generated images.</summary>
    [Parameter(ParameterSetName = UsageSet)] public long GeneratedImages { get; set; }

    /// <summary>Web searches.</summary>
    [Parameter(ParameterSetName = UsageSet)] public long WebSearches { get; set; }

    /// <summary>The time whose prices apply (rows without an 'at' column); default now.</summary>
    [Parameter]
    public DateTimeOffset? At { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        _row++;
        try
        {
            _pending.Add(ParameterSetName == RowSet ? ReadInput(InputObject) : ReadParameters());
        }
        catch (StarmapCommandException invalid)
        {
            Report(invalid);
            return;
        }
        if (_pending.Count >= CostMeter.BatchSize)
        {
            Flush();
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing() => Flush();

    private StarmapCostRow ReadInput(PSObject? row)
    {
        if (row?.BaseObject is string text)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidUsage",
                $"row {_row}: '{text}' is text, not a usage row; pipe objects with provider, model and usage columns (Import-Csv), or use -Provider and -Model", _row);
        }
        var columns = row?.Properties.Where(p => p.IsGettable).Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)) ?? [];
        return CostMeter.ReadRow(_row, columns, At, WarnUnknownColumn);
    }

    private StarmapCostRow ReadParameters()
    {
        var columns = new List<KeyValuePair<string, object?>> { new("provider", Provider), new("model", Model) };
        foreach (var (name, value) in MyInvocation.BoundParameters)
        {
            if (value is long count)
            {
                columns.Add(new(name, count));
            }
        }
        return CostMeter.ReadRow(_row, columns, At);
    }

    private void WarnUnknownColumn(string column)
    {
        if (_warnedColumns.Add(column))
        {
            WriteWarning($"column '{column}' is not a usage field, so it is not priced; the fields are provider, model, at, {string.Join(", ", CostMeter.UsageColumns)} (or their PascalCase names)");
        }
    }

    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }
        var rows = _pending.ToList();
        _pending.Clear();
        IReadOnlyList<(StarmapCostRow Row, StarmapCost? Cost, StarmapCommandException? Error)> results;
        try
        {
            results = Await(CostMeter.MeasureAsync(rows));
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        foreach (var (_, cost, error) in results)
        {
            if (error is not null)
            {
                Report(error);
            }
            else
            {
                WriteObject(cost);
            }
        }
    }
}
