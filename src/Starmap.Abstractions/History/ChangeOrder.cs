namespace Starmap;

/// <summary>Which end of the change log a <see cref="ChangeQuery"/> starts at.</summary>
[GenerateSerializer, Alias("starmap.change-order")]
public enum ChangeOrder
{
    /// <summary>Oldest first (by generation, then sequence): the order the log was written in.</summary>
    OldestFirst = 0,

    /// <summary>Newest first: the latest generation's last change first, e.g. a page's "recent changes".</summary>
    NewestFirst = 1,
}
