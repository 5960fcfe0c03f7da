using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Get-StarmapChange: the change log, oldest first: every field each publish changed (old and new value,
/// when, by which kind of write, from which source). Reads every page unless -First limits it; -Last reads
/// the newest changes, newest first, from the other end of the log (no walk through older pages).
/// </summary>
[Cmdlet(VerbsCommon.Get, "StarmapChange", DefaultParameterSetName = "First")]
[OutputType("Starmap.PowerShell.StarmapCatalogChange")]
public sealed class GetStarmapChangeCommand : StarmapCmdlet
{
    private const int PageSize = 500;

    /// <summary>Only changes of this provider (its record and offerings).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string? Provider { get; set; }

    /// <summary>Only changes of this author (its record and definitions).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string? Author { get; set; }

    /// <summary>Only changes of this model: an offering's model ID or a definition's author/slug.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("ModelId")]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string? Model { get; set; }

    /// <summary>Only fields at or under this path, e.g. pricing or pricing.tokens.input.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Field { get; set; }

    /// <summary>Only changes of generations after this one.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long? SinceGeneration { get; set; }

    /// <summary>Only changes published at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only changes published before this time.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>Include bookkeeping fields (created_at, updated_at, provenance).</summary>
    [Parameter]
    public SwitchParameter Bookkeeping { get; set; }

    /// <summary>At most this many changes (the oldest); all when not given.</summary>
    [Parameter(ParameterSetName = "First")]
    [ValidateRange(1, int.MaxValue)]
    public int? First { get; set; }

    /// <summary>The newest this many changes, newest first (as Get-StarmapSyncHistory -Last).</summary>
    [Parameter(ParameterSetName = "Last", Mandatory = true)]
    [ValidateRange(1, int.MaxValue)]
    public int Last { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (Since is { } since && Until is { } until && until < since)
        {
            WriteError("InvalidChangeQuery", ErrorCategory.InvalidArgument, $"-Until ({until:O}) is before -Since ({since:O})", Until);
            return;
        }
        var filter = new StarmapChangeFilter
        {
            SinceGeneration = SinceGeneration,
            Since = Since is { } s ? ToOffset(s) : null,
            Until = Until is { } u ? ToOffset(u) : null,
            Provider = Provider,
            Author = Author,
            Model = Model,
            Field = Field,
            Bookkeeping = Bookkeeping.IsPresent,
            NewestFirst = ParameterSetName == "Last",
        };
        try
        {
            var left = ParameterSetName == "Last" ? Last : First ?? int.MaxValue;
            string? after = null;
            do
            {
                var (items, next) = Await(ChangeLogReader.ReadPageAsync(filter, after, Math.Min(left, PageSize)));
                foreach (var item in items)
                {
                    WriteObject(item);
                }
                left -= items.Count;
                after = next;
            }
            while (after is not null && left > 0);
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }

    // An unspecified [datetime] (Get-Date, '2026-06-01') is local time, as PowerShell users mean it.
    private static DateTimeOffset ToOffset(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? new DateTimeOffset(value, TimeSpan.Zero) : new DateTimeOffset(value.ToLocalTime());
}
