namespace Starmap.PowerShell;

/// <summary>The catalog's past for the cmdlets: price history, compare and restore, over the session's connection.</summary>
public static class HistoryCalls
{
    /// <summary>One offering's prices over time, oldest first.</summary>
    public static async Task<IReadOnlyList<StarmapPricePoint>> PriceHistoryAsync(string providerId, string modelId)
    {
        var history = await Failures.Guard(() => StarmapSession.Catalog.History.GetPriceHistoryAsync(providerId, modelId), "InvalidArgument", providerId + "/" + modelId);
        return [.. history.Items.Select(i => StarmapPricePoint.From(history, i))];
    }

    /// <summary>What differs between the catalog at two points (<paramref name="to"/> null: now), one object per provider.</summary>
    public static async Task<IReadOnlyList<StarmapCatalogDiff>> CompareAsync(object from, object? to)
    {
        var start = ToPoint(from, "From");
        var end = to is null ? null : ToPoint(to, "To");
        var comparison = await Failures.Guard(() => StarmapSession.Catalog.History.CompareAsync(start, end), "InvalidPoint");
        return [.. comparison.Providers.Select(p => StarmapCatalogDiff.Of(comparison, p)), .. comparison.Authors.Select(a => StarmapCatalogDiff.Of(comparison, a))];
    }

    /// <summary>Restores a provider or author to its state at a time or generation (a dry run only reports).</summary>
    public static async Task<StarmapRestoreResult> RestoreAsync(bool author, string id, DateTime? at, long? generation, bool dryRun, bool force)
    {
        var point = PointOf(at, generation) ?? throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidPoint", "give -Generation or -At: the point to restore to");
        try
        {
            var result = await Failures.Guard(() => author
                ? StarmapSession.Catalog.History.RestoreAuthorAsync(id, point, dryRun, force)
                : StarmapSession.Catalog.History.RestoreProviderAsync(id, point, dryRun, force), "InvalidPoint", id);
            return StarmapRestoreResult.From(result);
        }
        catch (StarmapException refused) when (refused.GetType() == typeof(StarmapException))
        {
            // The service's own refusal (e.g. it did not exist then and -Force was not given): its message says why.
            throw new StarmapCommandException(FailureKind.Conflict, "RestoreRefused", refused.Message, id, refused);
        }
    }

    /// <summary>The point -At or -Generation names (null: neither; both is an error).</summary>
    internal static CatalogPoint? PointOf(DateTime? at, long? generation)
    {
        if (at is not null && generation is not null)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidPoint", "-At and -Generation name one point: give one of them", at);
        }
        return at is { } time ? ToPoint(time, "At") : generation is { } g ? ToPoint(g, "Generation") : null;
    }

    /// <summary>
    /// A point from a cmdlet argument: a whole number is a generation, a <see cref="DateTime"/> or
    /// <see cref="DateTimeOffset"/> a time (a DateTime without a kind is local, as PowerShell reads it), text either.
    /// </summary>
    internal static CatalogPoint ToPoint(object? value, string parameter) => value switch
    {
        int i when i >= 0 => CatalogPoint.OfGeneration(i),
        long l when l >= 0 => CatalogPoint.OfGeneration(l),
        DateTimeOffset o => CatalogPoint.OfTime(o),
        DateTime d => CatalogPoint.OfTime(d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d.ToUniversalTime()) : new DateTimeOffset(d)),
        string s when CatalogPoint.Parse(s) is { } point => point,
        _ => throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidPoint",
            $"-{parameter} must be a generation number (0 or more) or a time such as 2026-06-01T12:00:00Z, not '{value}'", value),
    };
}

/// <summary>One entry of an offering's price history (Get-StarmapPriceHistory): the pricing from one generation on.</summary>
public sealed class StarmapPricePoint
{
    /// <summary>Provider ID.</summary>
    public string ProviderId { get; init; } = "";

    /// <summary>The provider's model ID.</summary>
    public string ModelId { get; init; } = "";

    /// <summary>The generation that set this pricing (the first entry: the oldest readable generation).</summary>
    public long Generation { get; init; }

    /// <summary>When it was published (null for the pricing already in force when the change log starts).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>What kind of write changed it: sync, powershell, http, client, import, restore.</summary>
    public string? Origin { get; init; }

    /// <summary>The source of the new price, when known.</summary>
    public string? Source { get; init; }

    /// <summary>Price per 1M input tokens from then on (null: unknown).</summary>
    public decimal? InputPrice { get; init; }

    /// <summary>Price per 1M output tokens from then on (null: unknown).</summary>
    public decimal? OutputPrice { get; init; }

    /// <summary>True when this generation removed the offering.</summary>
    public bool Removed { get; init; }

    /// <summary>The whole pricing from then on.</summary>
    public ModelPricing? Pricing { get; init; }

    /// <summary>The components this generation changed, as <c>path: old -> new</c>.</summary>
    public string[] Changes { get; init; } = [];

    internal static StarmapPricePoint From(PriceHistory history, PriceHistoryEntry entry) => new()
    {
        ProviderId = history.Provider,
        ModelId = history.Model,
        Generation = entry.Generation,
        At = entry.At,
        Origin = entry.Origin,
        Source = entry.Source,
        InputPrice = entry.Pricing?.Tokens?.Input,
        OutputPrice = entry.Pricing?.Tokens?.Output,
        Removed = entry.Removed,
        Pricing = entry.Pricing,
        Changes = [.. entry.Changes.Select(c => $"{c.Path}: {c.Old ?? "unknown"} -> {c.New ?? "unknown"}")],
    };
}

/// <summary>One provider's differences between two points (Compare-StarmapCatalog), with a row per changed field.</summary>
public sealed class StarmapCatalogDiff
{
    /// <summary>The generation compared from.</summary>
    public long From { get; init; }

    /// <summary>The generation compared to.</summary>
    public long To { get; init; }

    /// <summary>provider or author: what this object compares.</summary>
    public string Entity { get; init; } = "provider";

    /// <summary>The provider (null for an author).</summary>
    public string? Provider { get; init; }

    /// <summary>The author (null for a provider).</summary>
    public string? Author { get; init; }

    /// <summary>added, removed or changed.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Models (a provider's offerings, an author's definitions) added.</summary>
    public int Added { get; init; }

    /// <summary>Models removed.</summary>
    public int Removed { get; init; }

    /// <summary>Models changed.</summary>
    public int Changed { get; init; }

    /// <summary>The IDs of the models that differ (offering IDs for a provider, definition IDs for an author).</summary>
    public string[] Models { get; init; } = [];

    /// <summary>Every changed field: scope provider, offering, author or definition; action added, removed or updated.</summary>
    public StarmapChange[] Changes { get; init; } = [];

    internal static StarmapCatalogDiff Of(CatalogComparison comparison, ProviderComparison provider) =>
        Of(comparison, "provider", provider.Provider, provider.Kind, (provider.Added, provider.Removed, provider.Changed), provider.Fields, provider.Models, "offering");

    internal static StarmapCatalogDiff Of(CatalogComparison comparison, AuthorComparison author) =>
        Of(comparison, "author", author.Author, author.Kind, (author.Added, author.Removed, author.Changed), author.Fields, author.Definitions, "definition");

    // A provider's and an author's comparison have one shape under different names: the entity's kind, its
    // record's fields, and its items (offerings, definitions) with their counts.
    private static StarmapCatalogDiff Of(CatalogComparison comparison, string entity, string id, string kind, (int Added, int Removed, int Changed) counts,
        EquatableArray<FieldChange> fields, EquatableArray<ModelComparison> items, string itemScope)
    {
        var provider = entity == "provider" ? id : null;
        return new()
        {
            From = comparison.From,
            To = comparison.To,
            Entity = entity,
            Provider = provider,
            Author = provider is null ? id : null,
            Kind = kind,
            Added = counts.Added,
            Removed = counts.Removed,
            Changed = counts.Changed,
            Models = [.. items.Select(m => m.Model)],
            Changes =
            [
                .. fields.IsEmpty ? [] : StarmapChange.Of(provider, entity, Action(kind), new EntityChange { Id = id, Fields = fields }),
                .. items.SelectMany(m => StarmapChange.Of(provider, itemScope, Action(m.Kind), new EntityChange { Id = m.Model, Fields = m.Fields })),
            ],
        };
    }

    private static string Action(string kind) => kind == "changed" ? "updated" : kind;
}

/// <summary>What a restore changed or, under -WhatIf, would change (Restore-StarmapProvider, Restore-StarmapAuthor).</summary>
public sealed class StarmapRestoreResult
{
    /// <summary>provider or author.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Its ID.</summary>
    public string Id { get; init; } = "";

    /// <summary>The generation whose state it was restored to.</summary>
    public long RestoredTo { get; init; }

    /// <summary>True when nothing was written.</summary>
    public bool DryRun { get; init; }

    /// <summary>True when it did not exist then, so the restore deletes it.</summary>
    public bool Deleted { get; init; }

    /// <summary>The catalog generation after the restore.</summary>
    public long Generation { get; init; }

    /// <summary>Its version after the restore (0 when deleted).</summary>
    public long Version { get; init; }

    /// <summary>Every changed field, flattened: scope, action (added, updated, removed), ID, path, old and new value.</summary>
    public StarmapChange[] Changes { get; init; } = [];

    internal static StarmapRestoreResult From(RestoreResult result)
    {
        var owner = result.Entity == ChangeEntity.Provider ? result.Id : null;
        return new()
        {
            Kind = result.Entity == ChangeEntity.Provider ? "provider" : "author",
            Id = result.Id,
            RestoredTo = result.RestoredTo,
            DryRun = result.DryRun,
            Deleted = result.Deleted,
            Generation = result.Generation,
            Version = result.Version,
            Changes =
            [
                .. StarmapChange.From(owner, result.Changes),
                .. result.Author is { } a ? StarmapChange.Of(null, "author", "updated", a) : [],
                .. result.RemovedDefinitions.SelectMany(d => StarmapChange.Of(null, "definition", "removed", d)),
            ],
        };
    }
}
