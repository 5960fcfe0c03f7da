namespace Starmap.Sources;

/// <summary>A source that only takes part in default syncs when it is configured (e.g. a local catalog folder).</summary>
public interface IOptionalSource
{
    /// <summary>True when the source has what it needs to run.</summary>
    bool IsConfigured { get; }
}
