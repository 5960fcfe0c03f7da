namespace Starmap.PowerShell;

/// <summary>One source's part in a sync: what it returned, or why it failed or was skipped.</summary>
public sealed class StarmapSourceReport
{
    /// <summary>provider-api or models.dev.</summary>
    public string Source { get; set; } = "";

    /// <summary>Ok, Failed or Skipped.</summary>
    public string Status { get; set; } = "";

    /// <summary>Models it reported.</summary>
    public int Models { get; set; }

    /// <summary>URL read (never with a key).</summary>
    public string? Location { get; set; }

    /// <summary>Why it failed or was skipped.</summary>
    public string? Error { get; set; }

    /// <summary>Milliseconds it took.</summary>
    public double DurationMs { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Source}: {Status}";

    internal static StarmapSourceReport From(SourceReport report) => new()
    {
        Source = report.Source,
        Status = report.Status.ToString(),
        Models = report.Models,
        Location = report.Location,
        Error = report.Error,
        DurationMs = Math.Round(report.Duration.TotalMilliseconds, 1),
    };
}
