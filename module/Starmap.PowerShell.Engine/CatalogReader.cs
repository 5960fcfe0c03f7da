namespace Starmap.PowerShell;

/// <summary>Reads for the Get- cmdlets, over the session's connection.</summary>
public static class CatalogReader
{
    /// <summary>
    /// The error for an exact <paramref name="kind"/> ID that matched nothing: <c>ProviderNotFound</c>, or
    /// <c>InvalidProvider</c> saying why when no provider (author) could ever have that ID.
    /// </summary>
    public static StarmapCommandException NotFound(string kind, string id) => Failures.NotFound(kind, id);

    /// <summary>
    /// Models matching <paramref name="filter"/>, all pages (or the first <see cref="ModelFilter.First"/>); with
    /// its <see cref="ModelFilter.At"/> or <see cref="ModelFilter.Generation"/>, as the catalog was then (every page from that one generation).
    /// </summary>
    public static async Task<ModelResults> QueryModelsAsync(ModelFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var catalog = StarmapSession.Catalog;
        var at = HistoryCalls.PointOf(filter.At, filter.Generation);
        var past = at is null ? null : CatalogPoint.OfGeneration(await Failures.Guard(() => catalog.History.ResolveAsync(at), "InvalidPoint"));
        var baseQuery = ToQuery(filter);
        // One query per ID and name pattern (the service takes one of each); the answers are merged.
        var ids = filter.Ids.Count == 0 ? [null] : filter.Ids.Distinct(StringComparer.OrdinalIgnoreCase).Select(p => (string?)p).ToList();
        var names = filter.Names.Count == 0 ? [null] : filter.Names.Distinct(StringComparer.OrdinalIgnoreCase).Select(p => (string?)p).ToList();
        var patterns = ids.SelectMany(id => names.Select(name => (Id: id, Name: name))).ToList();
        var seen = new HashSet<(string, string)>();
        var items = new List<StarmapModel>();
        long total = 0;
        foreach (var pattern in patterns)
        {
            var query = baseQuery with { Id = pattern.Id, Name = pattern.Name };
            var wanted = filter.First;
            var offset = filter.Skip;
            while (wanted is null or > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var limit = (int)Math.Min(ModelQuery.MaxLimit, wanted ?? ModelQuery.MaxLimit);
                var paged = query with { Offset = (int)Math.Min(offset, int.MaxValue), Limit = limit };
                var page = await Failures.Guard(() => past is null ? catalog.Models.QueryAsync(paged) : catalog.History.QueryModelsAsync(paged, past), "InvalidFilter");
                if (offset == filter.Skip)
                {
                    total += page.Total;
                }
                foreach (var model in page.Items)
                {
                    if (seen.Add((model.ProviderId, model.ModelId)))
                    {
                        items.Add(StarmapModel.From(model));
                    }
                }
                offset += page.Items.Count;
                wanted -= page.Items.Count;
                if (page.Items.Count < limit || offset >= page.Total)
                {
                    break;
                }
            }
        }
        return new ModelResults { Items = items, Total = total };
    }

    /// <summary>One model by provider and exact model ID, or null.</summary>
    public static async Task<StarmapModel?> FindModelAsync(string providerId, string modelId)
    {
        var model = await Failures.Guard(() => StarmapSession.Catalog.Models.FindAsync(providerId, modelId));
        return model is null ? null : StarmapModel.From(model);
    }

    /// <summary>
    /// Quarantined fields of the catalog (every page), of one provider when <paramref name="providerId"/>
    /// is given, of models matching <paramref name="model"/> (wildcards), and fields under <paramref name="fieldPrefix"/>.
    /// </summary>
    public static async Task<IReadOnlyList<StarmapQuarantine>> ListQuarantineAsync(string? providerId, string? model, string? fieldPrefix, CancellationToken cancellationToken)
    {
        var catalog = StarmapSession.Catalog;
        var query = new QuarantineQuery { ProviderId = providerId, ModelId = model, FieldPrefix = fieldPrefix, Limit = ModelQuery.MaxLimit };
        var items = new List<StarmapQuarantine>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await Failures.Guard(() => catalog.Models.ListQuarantineAsync(query), "InvalidFilter");
            items.AddRange(page.Items.Select(StarmapQuarantine.From));
            if (page.Items.Count < page.Limit || query.Offset + page.Items.Count >= page.Total)
            {
                return items;
            }
            query = query with { Offset = query.Offset + page.Items.Count, MinGeneration = page.Generation };
        }
    }

    /// <summary>Every provider with its model count and the version it was read at.</summary>
    public static async Task<IReadOnlyList<StarmapProvider>> ListProvidersAsync()
    {
        var catalog = StarmapSession.Catalog;
        var (providers, versions) = await Consistent(() => catalog.Providers.ListAsync(), v => v.Providers);
        var models = await Failures.Guard(() => catalog.Models.ListAsync());
        var counts = models.Items.GroupBy(m => m.ProviderId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var read = new List<StarmapProvider>(providers.Count);
        foreach (var provider in providers)
        {
            if (versions.TryGetValue(provider.Id, out var version))
            {
                read.Add(StarmapProvider.From(provider, counts.GetValueOrDefault(provider.Id), version));
            }
            else if (await Failures.Guard(() => catalog.Providers.FindAsync(provider.Id)) is { } details)
            {
                read.Add(StarmapProvider.From(details.Provider, details.Offerings.Count, details.Version));
            }
        }
        return read;
    }

    /// <summary>Every author with its definition and credited model counts and the version it was read at.</summary>
    public static async Task<IReadOnlyList<StarmapAuthor>> ListAuthorsAsync()
    {
        var catalog = StarmapSession.Catalog;
        var (authors, versions) = await Consistent(() => catalog.Authors.ListAsync(), v => v.Authors);
        var definitions = await Failures.Guard(() => catalog.Models.ListDefinitionsAsync());
        var models = await Failures.Guard(() => catalog.Models.ListAsync());
        var definitionCounts = definitions.Items.GroupBy(d => d.AuthorId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var modelCounts = models.Items.SelectMany(m => m.AuthorIds).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var read = new List<StarmapAuthor>(authors.Count);
        foreach (var author in authors)
        {
            if (versions.TryGetValue(author.Id, out var version))
            {
                read.Add(StarmapAuthor.From(author, definitionCounts.GetValueOrDefault(author.Id), modelCounts.GetValueOrDefault(author.Id), version));
            }
            else if (await Failures.Guard(() => catalog.Authors.FindAsync(author.Id)) is { } details)
            {
                read.Add(StarmapAuthor.From(details.Author, details.Definitions.Count, modelCounts.GetValueOrDefault(author.Id), details.Version));
            }
        }
        return read;
    }

    /// <summary>
    /// A list and the versions of its entries from one generation, so an object never claims a version
    /// newer than its values (which would let a stale edit through the version check). The replica
    /// answers each read at the newest generation it holds; while writes keep moving it, the entries
    /// whose version could not be matched are left out of the map and read from their grains instead.
    /// </summary>
    private static async Task<(EquatableArray<T> Items, Dictionary<string, long> Versions)> Consistent<T>(
        Func<Task<Listing<T>>> list, Func<CatalogVersions, EquatableArray<EntityStamp>> stamps)
    {
        var catalog = StarmapSession.Catalog;
        var listing = await Failures.Guard(list);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var versions = await Failures.Guard(catalog.GetVersionsAsync);
            if (versions.Generation == listing.Generation)
            {
                return (listing.Items, stamps(versions).ToDictionary(s => s.Id, s => s.Version, StringComparer.Ordinal));
            }
            listing = await Failures.Guard(list);
        }
        return (listing.Items, new Dictionary<string, long>(StringComparer.Ordinal));
    }

    /// <summary>IDs of every provider (without model counts: one cheap call).</summary>
    public static async Task<IReadOnlyList<string>> ProviderIdsAsync()
    {
        var providers = await Failures.Guard(() => StarmapSession.Catalog.Providers.ListAsync());
        return [.. providers.Items.Select(p => p.Id)];
    }

    /// <summary>IDs of every author (without counts: one cheap call).</summary>
    public static async Task<IReadOnlyList<string>> AuthorIdsAsync()
    {
        var authors = await Failures.Guard(() => StarmapSession.Catalog.Authors.ListAsync());
        return [.. authors.Items.Select(a => a.Id)];
    }

    /// <summary>
    /// Every offering of the model <paramref name="id"/> (<c>author/slug</c>, or a model ID), in catalog
    /// order; null when no definition or offering answers to it.
    /// </summary>
    public static async Task<IReadOnlyList<StarmapModelEndpoint>?> GetModelEndpointsAsync(string id)
    {
        var found = await Failures.Guard(() => StarmapSession.Catalog.Models.FindEndpointsAsync(id), "InvalidModelId", id);
        return found is null ? null : [.. found.Offerings.Select(m => StarmapModelEndpoint.From(id, m))];
    }

    /// <summary>Every inference endpoint.</summary>
    public static async Task<IReadOnlyList<StarmapEndpoint>> ListEndpointsAsync()
    {
        var endpoints = await Failures.Guard(() => StarmapSession.Catalog.Endpoints.ListAsync());
        return [.. endpoints.Items.Select(StarmapEndpoint.From)];
    }

    /// <summary>Provider IDs for tab completion; empty when not connected or the cluster does not answer quickly.</summary>
    public static IReadOnlyList<string> CompleteProviderIds() =>
        Complete(async () => (await StarmapSession.Catalog.Providers.ListAsync()).Items.Select(p => p.Id));

    /// <summary>Author IDs for tab completion; empty when not connected or the cluster does not answer quickly.</summary>
    public static IReadOnlyList<string> CompleteAuthorIds() =>
        Complete(async () => (await StarmapSession.Catalog.Authors.ListAsync()).Items.Select(a => a.Id));

    /// <summary>
    /// Model IDs for tab completion: those matching <paramref name="pattern"/> (a wildcard pattern) at the
    /// providers matching <paramref name="providers"/> (IDs or wildcards; every provider when empty), with
    /// the definition IDs (<c>author/slug</c>) that match when <paramref name="withDefinitions"/>. Distinct,
    /// at most <paramref name="limit"/>; empty when not connected or the cluster does not answer quickly.
    /// </summary>
    public static IReadOnlyList<string> CompleteModelIds(IReadOnlyList<string> providers, string pattern, bool withDefinitions, int limit) =>
        Complete(async () =>
        {
            var catalog = StarmapSession.Catalog;
            var ids = providers.Count == 0 ? [] : providers.Any(WildcardChars)
                ? (await catalog.Providers.ListAsync()).Items.Select(p => p.Id)
                    .Where(id => providers.Any(p => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(p, id, ignoreCase: true)))
                    .ToEquatableArray()
                : providers.ToEquatableArray();
            if (providers.Count > 0 && ids.Count == 0)
            {
                return [];
            }
            var page = await catalog.Models.QueryAsync(new ModelQuery { Providers = ids, Id = pattern, Limit = ModelQuery.MaxLimit });
            var models = page.Items.Select(m => m.ModelId);
            if (withDefinitions)
            {
                models = models.Concat(page.Items.Select(m => m.Offering.DefinitionId).OfType<string>());
            }
            return models.Where(id => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, id, ignoreCase: true)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(limit);
        });

    private static bool WildcardChars(string value) => value.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    private static IReadOnlyList<string> Complete(Func<Task<IEnumerable<string>>> list)
    {
        if (StarmapSession.Current is null)
        {
            return [];
        }
        try
        {
            // Completion must never hang the prompt.
            var task = list();
            return task.Wait(TimeSpan.FromSeconds(3)) ? [.. task.Result] : [];
        }
        catch (AggregateException)
        {
            return [];
        }
    }

    private static ModelQuery ToQuery(ModelFilter filter)
    {
        var sort = string.IsNullOrWhiteSpace(filter.Search) ? ModelSort.Id : ModelSort.Relevance;
        if (filter.SortBy is { Length: > 0 } sortBy && !Enum.TryParse(sortBy, ignoreCase: true, out sort))
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidFilter",
                $"sort '{sortBy}' is not one of: {string.Join(", ", Enum.GetNames<ModelSort>())}", sortBy);
        }
        return new ModelQuery
        {
            Providers = filter.Providers.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            Authors = filter.Authors.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            InputModalities = Names.ParseAll<Modality>(filter.InputModalities, "input modality"),
            OutputModalities = Names.ParseAll<Modality>(filter.OutputModalities, "output modality"),
            Features = Names.ParseAll<Feature>(filter.Features, "feature"),
            WithoutFeatures = Names.ParseAll<Feature>(filter.WithoutFeatures, "feature"),
            MinContext = filter.MinContext,
            MaxInputPrice = filter.MaxInputPrice,
            MaxOutputPrice = filter.MaxOutputPrice,
            Statuses = Names.ParseAll<LifecycleStatus>(filter.Statuses, "status"),
            OpenWeights = filter.OpenWeights,
            ReleasedAfter = filter.ReleasedAfter is { } after ? DateOnly.FromDateTime(after) : null,
            ReleasedBefore = filter.ReleasedBefore is { } before ? DateOnly.FromDateTime(before) : null,
            Sort = sort,
            Order = filter.Descending ? SortOrder.Descending : SortOrder.Ascending,
            Search = filter.Search,
            Families = filter.Families.Distinct(StringComparer.OrdinalIgnoreCase).ToEquatableArray(),
        };
    }
}
