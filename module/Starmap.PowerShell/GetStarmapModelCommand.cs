using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Get-StarmapModel: models (provider offerings) matching filters; every filter maps onto the
/// service's model query, so filtering happens in the cluster. Piped providers or authors are
/// collected and queried once, so -First/-Skip apply to the whole result. Piped input narrows and
/// never widens: an empty pipeline, or provider/author patterns that match nothing, yield nothing
/// (never the whole catalog, which a following Remove-StarmapModel would delete).
/// </summary>
[Cmdlet(VerbsCommon.Get, "StarmapModel", SupportsPaging = true, DefaultParameterSetName = Filter)]
[OutputType("Starmap.PowerShell.StarmapModel")]
public sealed class GetStarmapModelCommand : StarmapCmdlet
{
    // Piped strings are model IDs, and piped objects bind ProviderId, AuthorId and ModelId by name. Two
    // sets keep them apart: in one set the binder would also turn a piped provider object into an ID
    // string (its ToString) once its ProviderId was bound.
    private const string Filter = "Filter";
    private const string PipedId = "PipedId";
    private readonly List<string> _ids = [];
    private readonly List<string> _providers = [];
    private readonly List<string> _authors = [];
    private List<string> _resolvedProviders = [];

    /// <summary>Model ID wildcards (provider model ID or definition ID); binds piped strings and ModelId from piped objects.</summary>
    [Parameter(ParameterSetName = Filter, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = PipedId, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ModelId")]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Name wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <summary>Provider IDs or wildcards; binds ProviderId from piped objects.</summary>
    [Parameter(ParameterSetName = Filter, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = PipedId)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <summary>Author IDs or wildcards; binds AuthorId from piped objects.</summary>
    [Parameter(ParameterSetName = Filter, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = PipedId)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("AuthorId")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[]? Author { get; set; }

    /// <summary>Input modalities that must all be supported.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ModalityCompleter))]
    public string[]? InputModality { get; set; }

    /// <summary>Output modalities that must all be supported.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ModalityCompleter))]
    public string[]? OutputModality { get; set; }

    /// <summary>Features that must all be known supported.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(FeatureCompleter))]
    public string[]? Feature { get; set; }

    /// <summary>Features that must all be known unsupported.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(FeatureCompleter))]
    public string[]? WithoutFeature { get; set; }

    /// <summary>Smallest context window in tokens.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long? MinContext { get; set; }

    /// <summary>Highest price per 1M input tokens.</summary>
    [Parameter]
    [ValidateRange(0, double.MaxValue)]
    public decimal? MaxInputPrice { get; set; }

    /// <summary>Highest price per 1M output tokens.</summary>
    [Parameter]
    [ValidateRange(0, double.MaxValue)]
    public decimal? MaxOutputPrice { get; set; }

    /// <summary>Lifecycle statuses.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSet("unknown", "active", "beta", "preview", "deprecated", "retired")]
    public string[]? Status { get; set; }

    /// <summary>Only models known to have open weights (or, with -OpenWeights:$false, known not to).</summary>
    [Parameter]
    public SwitchParameter OpenWeights { get; set; }

    /// <summary>Released on or after this date.</summary>
    [Parameter]
    public DateTime? ReleasedAfter { get; set; }

    /// <summary>Released on or before this date.</summary>
    [Parameter]
    public DateTime? ReleasedBefore { get; set; }

    /// <summary>Free text: every word must appear in the ID, name, description, an author or the family; ranked best first unless -SortBy is given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Search { get; set; }

    /// <summary>Model families (any), e.g. claude-sonnet.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Family { get; set; }

    /// <summary>Sort key.</summary>
    [Parameter]
    [ValidateSet("Id", "Name", "ReleaseDate", "Context", "InputPrice", "OutputPrice", "Relevance", "KnowledgeCutoff")]
    public string? SortBy { get; set; }

    /// <summary>Sort descending.</summary>
    [Parameter]
    public SwitchParameter Descending { get; set; }

    /// <summary>Answer as the catalog was at this time (from the change log, within its retention).</summary>
    [Parameter]
    public DateTime? At { get; set; }

    /// <summary>Answer as the catalog was at this generation (from the change log, within its retention).</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long? Generation { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        _ids.AddRange(Id ?? []);
        _providers.AddRange(Provider ?? []);
        _authors.AddRange(Author ?? []);
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        // With pipeline input, only what arrived narrows the query: nothing arrived, nothing to get.
        if (MyInvocation.ExpectingInput && _ids.Count == 0 && _providers.Count == 0 && _authors.Count == 0)
        {
            WriteTotal(0);
            return;
        }
        List<string> providers, authors;
        try
        {
            providers = Resolve(_providers, CatalogReader.ProviderIdsAsync, "provider");
            authors = Resolve(_authors, CatalogReader.AuthorIdsAsync, "author");
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        // Patterns were given and none matched: the answer is empty, not unfiltered.
        if ((_providers.Count > 0 && providers.Count == 0) || (_authors.Count > 0 && authors.Count == 0))
        {
            WriteTotal(0);
            return;
        }
        _resolvedProviders = providers;
        var filter = new ModelFilter
        {
            Providers = providers,
            Authors = authors,
            Ids = _ids,
            Names = Name ?? [],
            InputModalities = InputModality ?? [],
            OutputModalities = OutputModality ?? [],
            Features = Feature ?? [],
            WithoutFeatures = WithoutFeature ?? [],
            MinContext = MinContext,
            MaxInputPrice = MaxInputPrice,
            MaxOutputPrice = MaxOutputPrice,
            Statuses = Status ?? [],
            OpenWeights = MyInvocation.BoundParameters.ContainsKey(nameof(OpenWeights)) ? OpenWeights.IsPresent : null,
            ReleasedAfter = ReleasedAfter,
            ReleasedBefore = ReleasedBefore,
            Search = Search,
            Families = Family ?? [],
            SortBy = SortBy,
            Descending = Descending,
            At = At,
            Generation = Generation,
            Skip = (long)Math.Min(PagingParameters.Skip, long.MaxValue),
            First = PagingParameters.First == ulong.MaxValue ? null : (long)Math.Min(PagingParameters.First, long.MaxValue),
        };
        ModelResults results;
        try
        {
            results = Await(CatalogReader.QueryModelsAsync(filter, Cancellation));
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        WriteTotal(results.Total);
        foreach (var model in results.Items)
        {
            WriteObject(model);
        }
        ReportMissingExactIds(results.Items);
    }

    private void WriteTotal(long total)
    {
        if (PagingParameters.IncludeTotalCount)
        {
            WriteObject(PagingParameters.NewTotalCount((ulong)total, 1.0));
        }
    }

    // Provider or author IDs and wildcards as the catalog's IDs. An exact ID the catalog does not hold
    // is an error (as with Get-Item); a wildcard that matches nothing is silent (as with Get-ChildItem).
    private List<string> Resolve(List<string> patterns, Func<Task<IReadOnlyList<string>>> list, string kind)
    {
        if (patterns.Count == 0)
        {
            return [];
        }
        var (matches, missing) = Wildcards.Filter(Await(list()), id => id, patterns);
        foreach (var id in missing.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            Report(CatalogReader.NotFound(kind, id));
        }
        return matches;
    }

    // An exact ID (no wildcard) that matched nothing is an error, as with Get-Item; only when no
    // other filter could have excluded it, so "not found" never means "filtered out".
    private void ReportMissingExactIds(IReadOnlyList<StarmapModel> found)
    {
        var narrowed = MyInvocation.BoundParameters.Keys.Any(k => k is not (nameof(Id) or nameof(Provider) or nameof(Author) or nameof(At) or nameof(Generation)) && !CommonParameter(k));
        if (narrowed || PagingParameters.Skip > 0 || PagingParameters.First != ulong.MaxValue)
        {
            return;
        }
        foreach (var id in _ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!WildcardPattern.ContainsWildcardCharacters(id) &&
                !found.Any(m => string.Equals(m.ModelId, id, StringComparison.OrdinalIgnoreCase) || string.Equals(m.DefinitionId, id, StringComparison.OrdinalIgnoreCase)))
            {
                var where = _resolvedProviders.Count > 0 ? $" at provider {string.Join(", ", _resolvedProviders)}" : "";
                WriteError("ModelNotFound", ErrorCategory.ObjectNotFound, $"model '{id}' was not found{where}", id);
            }
        }
    }

    private static bool CommonParameter(string name) =>
        Cmdlet.CommonParameters.Contains(name) || Cmdlet.OptionalCommonParameters.Contains(name);
}
