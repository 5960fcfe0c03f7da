using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Get-StarmapQuarantine: fields a source gave with a value that could not be right (an output limit
/// above the context window, a tab in a name, a negative price, a date that is not one), left unknown in
/// the catalog, each with what was seen, why and from where.
/// </summary>
[Cmdlet(VerbsCommon.Get, "StarmapQuarantine")]
[OutputType("Starmap.PowerShell.StarmapQuarantine")]
public sealed class GetStarmapQuarantineCommand : StarmapCmdlet
{
    /// <summary>Provider IDs or wildcards; binds piped strings and ProviderId from piped objects.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <summary>Model IDs (a provider's model ID or a definition's author/slug), with wildcards.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ModelId")]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string[]? Model { get; set; }

    /// <summary>Only fields whose path starts with this, e.g. pricing or limits.output_tokens.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Field { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        try
        {
            IEnumerable<string?> providers = [null];
            if (Provider is { Length: > 0 })
            {
                // Providers that match nothing narrow to nothing; an exact ID the catalog lacks is an error.
                var (known, unknown) = Wildcards.Filter(Await(CatalogReader.ProviderIdsAsync()), id => id, Provider);
                foreach (var id in unknown)
                {
                    Report(CatalogReader.NotFound("provider", id));
                }
                providers = known;
            }
            IEnumerable<string?> models = Model is { Length: > 0 } ? Model.Distinct(StringComparer.OrdinalIgnoreCase).Select(m => (string?)m) : [null];
            var seen = new HashSet<(string, string?, string, string, string)>();
            foreach (var provider in providers)
            {
                foreach (var model in models)
                {
                    foreach (var entry in Await(CatalogReader.ListQuarantineAsync(provider, model, Field, Cancellation)))
                    {
                        if (seen.Add((entry.Kind, entry.ProviderId, entry.ModelId, entry.Field, entry.Source)))
                        {
                            WriteObject(entry);
                        }
                    }
                }
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
        }
    }
}
