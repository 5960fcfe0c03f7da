namespace Starmap.Sync;

/// <summary>How an <see cref="AuthorityRule"/> combines the baseline with what sources stated.</summary>
public enum MergeMode
{
    /// <summary>The highest-priority listed source that states a value wins over the baseline.</summary>
    Replace = 0,

    /// <summary>A listed source only fills a value the baseline does not know.</summary>
    FillMissing = 1,

    /// <summary>Lists: the baseline's items, then items new from listed sources in priority order.</summary>
    Union = 2,
}

/// <summary>Whether <c>""</c> and <c>[]</c> state a value at a path.</summary>
public enum EmptyHandling
{
    /// <summary>An empty string or list is "not stated": parsers write them for fields they did not read.</summary>
    EmptyIsUnknown = 0,

    /// <summary>An empty string or list is a claim ("none") and competes like any other value.</summary>
    EmptyIsValue = 1,
}

/// <summary>The record kind a rule's path belongs to.</summary>
public enum AuthorityEntity
{
    /// <summary>A provider's <see cref="Starmap.Offering"/>.</summary>
    Offering = 0,

    /// <summary>An author's <see cref="Starmap.ModelDefinition"/>.</summary>
    Definition = 1,
}
