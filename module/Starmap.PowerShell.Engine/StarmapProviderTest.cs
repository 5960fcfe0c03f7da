namespace Starmap.PowerShell;

/// <summary>Result of Test-StarmapProvider: did the provider's list-models API answer, how fast, with how many models.</summary>
public sealed class StarmapProviderTest
{
    /// <summary>The provider.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>Ok, Failed or Skipped (no key in the silo's environment).</summary>
    public string Status { get; set; } = "";

    /// <summary>Models the API listed; null when it did not answer.</summary>
    public int? Models { get; set; }

    /// <summary>Milliseconds the API took; null when it was not called.</summary>
    public double? LatencyMs { get; set; }

    /// <summary>URL called (never with a key).</summary>
    public string? Url { get; set; }

    /// <summary>Why it failed or was skipped.</summary>
    public string? Error { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{ProviderId}: {Status}";
}
