namespace Starmap.PowerShell;

/// <summary>An author of models (Get-StarmapAuthor).</summary>
public sealed class StarmapAuthor
{
    /// <summary>Author ID.</summary>
    public string AuthorId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Headquarters.</summary>
    public string? Headquarters { get; set; }

    /// <summary>Other IDs that name it.</summary>
    public string[] Aliases { get; set; } = [];

    /// <summary>Website.</summary>
    public string? Website { get; set; }

    /// <summary>Hugging Face organisation.</summary>
    public string? HuggingFace { get; set; }

    /// <summary>GitHub organisation.</summary>
    public string? GitHub { get; set; }

    /// <summary>Model definitions it owns.</summary>
    public int Definitions { get; set; }

    /// <summary>Offerings credited to it across providers.</summary>
    public int Models { get; set; }

    /// <summary>The author's version when this object was read; Set-StarmapAuthor fails with VersionConflict when it moved since, unless -Force.</summary>
    public long Version { get; internal set; }

    /// <summary>The record this object was read from.</summary>
    internal Author? Source { get; init; }

    /// <summary>This object's values as read (a private copy): a piped object writes only what differs from it.</summary>
    internal StarmapAuthor? AsRead { get; private set; }

    /// <summary>The properties Set-StarmapAuthor writes when they were edited on a piped object.</summary>
    internal static readonly string[] Editable =
        [nameof(Name), nameof(Description), nameof(Headquarters), nameof(Aliases), nameof(Website), nameof(HuggingFace), nameof(GitHub)];

    /// <inheritdoc/>
    public override string ToString() => AuthorId;

    internal static StarmapAuthor From(Author author, int definitions, int models, long version)
    {
        var read = Read(author, definitions, models);
        read.Version = version;
        var copy = (StarmapAuthor)read.MemberwiseClone();
        copy.Aliases = [.. read.Aliases];
        read.AsRead = copy;
        return read;
    }

    private static StarmapAuthor Read(Author author, int definitions, int models) => new()
    {
        AuthorId = author.Id,
        Name = author.Name,
        Description = author.Description,
        Headquarters = author.Headquarters,
        Aliases = [.. author.Aliases],
        Website = author.Links?.Website,
        HuggingFace = author.Links?.HuggingFace,
        GitHub = author.Links?.GitHub,
        Definitions = definitions,
        Models = models,
        Source = author,
    };
}
