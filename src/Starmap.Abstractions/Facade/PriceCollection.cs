namespace Starmap;

/// <summary>
/// The cost of a call from the catalog's prices: <c>catalog.Prices.CalculateAsync("anthropic",
/// "claude-sonnet-4", usage)</c>. Reads the offering the way <see cref="ModelCollection"/> does (the silo's
/// replica, read-your-writes), or as it was at a past <c>at</c> from the change log (<see cref="HistoryCollection"/>),
/// and prices it with <see cref="CostCalculator"/>, the code the HTTP API's <c>POST /api/v1/cost</c> runs, so
/// every surface gives the same answer.
/// </summary>
public sealed class PriceCollection
{
    /// <summary>Most rows one <see cref="CalculateBatchAsync"/> takes.</summary>
    public const int MaxBatch = 1000;

    private readonly IGrainFactory _grains;
    private readonly CatalogSession _session;
    private readonly TimeProvider _time;

    internal PriceCollection(IGrainFactory grains, CatalogSession session, TimeProvider? time = null)
    {
        _grains = grains;
        _session = session;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The cost of a call of <paramref name="providerId"/>/<paramref name="modelId"/> that used
    /// <paramref name="usage"/>, with the prices in force at <paramref name="at"/> (null: now). The total is
    /// null, and <see cref="CallCost.Unpriced"/> names why, when the usage needs a price nobody knows.
    /// </summary>
    /// <exception cref="StarmapNotFoundException">The provider, or the model at that provider, does not exist.</exception>
    /// <exception cref="StarmapValidationException">The usage is impossible (a negative count, cache tokens beyond the input).</exception>
    public async Task<CallCost> CalculateAsync(string providerId, string modelId, CallUsage usage, DateTimeOffset? at = null)
    {
        var request = new CostRequest { ProviderId = providerId, ModelId = modelId, Usage = usage, At = at };
        Check(request);
        // "Now" is taken once, before the reads: a time taken again after them would fall just before it and be
        // priced as the past (on a fresh store, whose change log is empty, that past is unknown).
        var now = _time.GetUtcNow();
        var reader = _session.Reader(_grains);
        var generation = await ReadGenerationAsync(reader);
        var pricing = await ResolvePricingAsync(reader, providerId, modelId, request.At ?? now, now, generation, providers: null);
        return Price(request, pricing);
    }

    /// <summary>
    /// Prices every row (at most <see cref="MaxBatch"/>), all read at one generation at least. A row that
    /// fails (unknown model, impossible usage) gets its own <see cref="CostBatchItem.Error"/>; the other rows
    /// are priced all the same. Answers in the order asked.
    /// </summary>
    /// <exception cref="StarmapValidationException">More than <see cref="MaxBatch"/> rows.</exception>
    public async Task<IReadOnlyList<CostBatchItem>> CalculateBatchAsync(IReadOnlyList<CostRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count > MaxBatch)
        {
            throw new StarmapValidationException("items", requests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at most {MaxBatch} rows per batch");
        }
        var now = _time.GetUtcNow();
        var reader = _session.Reader(_grains);
        var generation = await ReadGenerationAsync(reader);
        var providers = new Lazy<Task<HashSet<string>>>(async () =>
            [.. (await reader.ListProvidersAsync(generation)).Items.Select(p => p.Id)]);
        // One read per distinct offering and time: a CSV of a million calls to three models reads three.
        var resolved = new Dictionary<(string, string, DateTimeOffset), Task<ResolvedPricing>>();
        var items = new CostBatchItem[requests.Count];
        var pending = new List<(int Index, CostRequest Request, DateTimeOffset At)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i] ?? throw new ArgumentException($"row {i} is null", nameof(requests));
            try
            {
                Check(request);
                var at = request.At ?? now;
                var key = (request.ProviderId, request.ModelId, at);
                if (!resolved.ContainsKey(key))
                {
                    resolved[key] = ResolvePricingAsync(reader, request.ProviderId, request.ModelId, at, now, generation, providers);
                }
                pending.Add((i, request, at));
            }
            catch (StarmapValidationException invalid)
            {
                items[i] = new CostBatchItem { Index = i, Request = request, Error = invalid };
            }
        }
        foreach (var (index, request, at) in pending)
        {
            try
            {
                var pricing = await resolved[(request.ProviderId, request.ModelId, at)];
                items[index] = new CostBatchItem { Index = index, Request = request, Cost = Price(request with { At = at }, pricing) };
            }
            catch (StarmapException failed) when (failed is StarmapNotFoundException or StarmapValidationException or StarmapHistoryRangeException)
            {
                items[index] = new CostBatchItem { Index = index, Request = request, Error = failed };
            }
        }
        return items;
    }

    /// <summary>
    /// THE place that answers "the pricing of this provider's model in force at <paramref name="at"/>": the
    /// offering as the catalog held it then, and its effective dates (in <see cref="CostCalculator"/>) decide
    /// whether that sheet applies at <paramref name="at"/>.
    /// <list type="bullet">
    /// <item>Now (<paramref name="now"/>, taken before the reads) or later: the catalog now (<paramref name="generation"/>); a future change is not known.</item>
    /// <item>Earlier, within the change log: the offering as the catalog held it at that time.</item>
    /// <item>Before the change log starts, or before the catalog had the offering: what it cost then is not
    /// known, except from a sheet that says since when it applies. The offering's earliest known pricing
    /// answers when it states an effective date; an undated one fails: before the log with
    /// <see cref="StarmapHistoryRangeException"/> naming the log's range, before the offering with not found.</item>
    /// </list>
    /// </summary>
    private async Task<ResolvedPricing> ResolvePricingAsync(
        ICatalogReader reader, string providerId, string modelId, DateTimeOffset at, DateTimeOffset now, long generation, Lazy<Task<HashSet<string>>>? providers)
    {
        var model = await reader.GetModelAsync(providerId, modelId, generation);
        if (model is not null && at >= now)
        {
            return new ResolvedPricing(model.ProviderId, model.ModelId, model.Offering.Pricing, at, generation);
        }
        if (model is not null)
        {
            var history = _grains.GetGrain<ICatalogHistoryGrain>(0);
            StarmapHistoryRangeException? beforeLog = null;
            var then = generation;
            try
            {
                then = Math.Min(await history.ResolveAsync(CatalogPoint.OfTime(at)), generation);
            }
            catch (StarmapHistoryRangeException range) when (!range.TooNew)
            {
                beforeLog = range;
            }
            if (beforeLog is null && (then == generation ? model : await history.GetModelAsync(providerId, modelId, then)) is { } past)
            {
                return new ResolvedPricing(past.ProviderId, past.ModelId, past.Offering.Pricing, at, then);
            }
            // The catalog did not hold the offering then: only a dated sheet speaks for that time.
            var earliest = (await history.GetPriceHistoryAsync(providerId, modelId)).Items.FirstOrDefault(i => !i.Removed);
            if (earliest?.Pricing is { EffectiveFrom: not null } dated)
            {
                return new ResolvedPricing(model.ProviderId, model.ModelId, dated, at, earliest.Generation);
            }
            var undated = FormattableString.Invariant($"the pricing of '{providerId}/{modelId}' states no effective date, so what it cost at {at:O} is not known");
            throw beforeLog is not null
                ? new StarmapHistoryRangeException($"{beforeLog.Message}; {undated}", beforeLog)
                : new StarmapNotFoundException("model", FormattableString.Invariant($"{providerId}/{modelId} at {at:O}"));
        }
        // Say which part is wrong: a mistyped provider is not a missing model.
        var known = providers is null
            ? (await reader.ListProvidersAsync(generation)).Items.Any(p => p.Id == providerId)
            : (await providers.Value).Contains(providerId);
        throw known ? new StarmapNotFoundException("model", providerId + "/" + modelId) : new StarmapNotFoundException("provider", providerId);
    }

    private async Task<long> ReadGenerationAsync(ICatalogReader reader)
    {
        // Every read below asks for at least this generation, so the answer names a generation it includes.
        var generation = Math.Max(_session.Seen, await reader.GetGenerationAsync());
        _session.Saw(generation);
        return generation;
    }

    private static CallCost Price(CostRequest request, ResolvedPricing pricing) =>
        CostCalculator.Calculate(pricing.ProviderId, pricing.ModelId, pricing.Pricing, request.Usage, pricing.At) with { Generation = pricing.Generation };

    private static void Check(CostRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Missing, empty, or an ID no provider can have ("OpenAI"): a mistake to name, not a provider to look for.
        if (EntityIds.Problem(request.ProviderId) is { } problem)
        {
            throw new StarmapValidationException("provider", request.ProviderId, problem);
        }
        if (string.IsNullOrEmpty(request.ModelId))
        {
            throw new StarmapValidationException("model", request.ModelId, "is required");
        }
        ArgumentNullException.ThrowIfNull(request.Usage);
        CostCalculator.Validate(request.Usage);
    }

    /// <summary>The pricing that applies: whose, which sheet (null: none known), for what time, read at what generation.</summary>
    private sealed record ResolvedPricing(string ProviderId, string ModelId, ModelPricing? Pricing, DateTimeOffset At, long Generation);
}
