namespace Starmap.PowerShell;

/// <summary>One entry of the change log (Get-StarmapChange): one field a publish changed, old → new, when, by what and from where.</summary>
public sealed class StarmapCatalogChange
{
    /// <summary>The generation that published it.</summary>
    public long Generation { get; set; }

    /// <summary>Its order within the generation.</summary>
    public int Sequence { get; set; }

    /// <summary>When the generation was published (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>What kind of write made it: sync, powershell, http, client, import, restore.</summary>
    public string Origin { get; set; } = "";

    /// <summary>The source of the new value (models.dev, provider-api...), when known.</summary>
    public string? Source { get; set; }

    /// <summary>provider or author.</summary>
    public string Entity { get; set; } = "";

    /// <summary>The provider or author ID.</summary>
    public string EntityId { get; set; } = "";

    /// <summary>The offering's model ID or the definition's ID; null for the provider or author record itself.</summary>
    public string? ModelId { get; set; }

    /// <summary>changed, added, removed or unrecorded.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The field's path in snake_case (pricing.tokens.input); empty for a whole record.</summary>
    public string Path { get; set; } = "";

    /// <summary>The value before, as JSON; null when it was unknown.</summary>
    public string? Old { get; set; }

    /// <summary>The value after, as JSON; null when it became unknown.</summary>
    public string? New { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Generation} {EntityId}/{ModelId} {Path}: {Old ?? "(unknown)"} -> {New ?? "(unknown)"}";

    internal static StarmapCatalogChange From(CatalogChange change) => new()
    {
        Generation = change.Generation,
        Sequence = change.Sequence,
        At = change.At.UtcDateTime,
        Origin = change.Origin,
        Source = change.Source,
        Entity = change.Entity == ChangeEntity.Provider ? "provider" : "author",
        EntityId = change.EntityId,
        ModelId = change.ModelId,
        Kind = change.Kind.ToString().ToLowerInvariant(),
        Path = change.Path,
        Old = change.Old,
        New = change.New,
    };
}

/// <summary>What Get-StarmapChange asks the change log for.</summary>
public sealed class StarmapChangeFilter
{
    /// <summary>Only generations after this one.</summary>
    public long? SinceGeneration { get; init; }

    /// <summary>Only changes published at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only changes published before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only this provider.</summary>
    public string? Provider { get; init; }

    /// <summary>Only this author.</summary>
    public string? Author { get; init; }

    /// <summary>Only this model ID.</summary>
    public string? Model { get; init; }

    /// <summary>Only fields at or under this path.</summary>
    public string? Field { get; init; }

    /// <summary>Include created_at, updated_at and provenance.</summary>
    public bool Bookkeeping { get; init; }

    /// <summary>Newest first (-Last) rather than oldest first.</summary>
    public bool NewestFirst { get; init; }
}

/// <summary>Reads the change log page by page for the module.</summary>
public static class ChangeLogReader
{
    /// <summary>
    /// One page of at most <paramref name="limit"/> changes after <paramref name="after"/> (null: from the
    /// start; the newest end when <see cref="StarmapChangeFilter.NewestFirst"/>), and where the next page starts (null: the last page).
    /// </summary>
    public static async Task<(IReadOnlyList<StarmapCatalogChange> Items, string? Next)> ReadPageAsync(StarmapChangeFilter filter, string? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var catalog = StarmapSession.Catalog;
        var query = new ChangeQuery
        {
            SinceGeneration = filter.SinceGeneration,
            Since = filter.Since,
            Until = filter.Until,
            Provider = filter.Provider,
            Author = filter.Author,
            Model = filter.Model,
            Field = filter.Field,
            Bookkeeping = filter.Bookkeeping,
            Limit = Math.Clamp(limit, 1, ChangeQuery.MaxLimit),
            After = ChangePosition.Parse(after),
            Order = filter.NewestFirst ? ChangeOrder.NewestFirst : ChangeOrder.OldestFirst,
        };
        try
        {
            var page = await Failures.Guard(() => catalog.Changes.ListAsync(query), "InvalidChangeQuery");
            return ([.. page.Items.Select(StarmapCatalogChange.From)], page.Next?.ToString());
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "ChangesPruned", Message(ex), filter.SinceGeneration, ex);
        }
        catch (ArgumentException ex)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidChangeQuery", Message(ex), null, ex);
        }
    }

    // Without the "(Parameter 'query')" and "Actual value" lines .NET adds.
    private static string Message(ArgumentException ex)
    {
        var line = ex.Message.Split('\n')[0].Trim();
        var parameter = line.IndexOf(" (Parameter", StringComparison.Ordinal);
        return parameter < 0 ? line : line[..parameter];
    }
}
