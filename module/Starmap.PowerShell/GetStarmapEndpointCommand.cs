using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Get-StarmapEndpoint: inference endpoints by ID wildcard or provider.</summary>
[Cmdlet(VerbsCommon.Get, "StarmapEndpoint")]
[OutputType("Starmap.PowerShell.StarmapEndpoint")]
public sealed class GetStarmapEndpointCommand : StarmapCmdlet
{
    /// <summary>Endpoint ID wildcards (provider/operation).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("EndpointId")]
    public string[]? Id { get; set; }

    /// <summary>Provider IDs or wildcards; binds piped strings and ProviderId from piped objects.</summary>
    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        IReadOnlyList<StarmapEndpoint> endpoints;
        IReadOnlyList<string> providerIds = [];
        try
        {
            endpoints = Await(CatalogReader.ListEndpointsAsync());
            if (Provider is { Length: > 0 })
            {
                providerIds = Await(CatalogReader.ProviderIdsAsync());
            }
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        IEnumerable<StarmapEndpoint> byProvider = endpoints;
        if (Provider is { Length: > 0 })
        {
            // Providers that match nothing narrow to nothing; an exact ID the catalog lacks is an error.
            var (known, unknown) = Wildcards.Filter(providerIds, id => id, Provider);
            foreach (var id in unknown)
            {
                Report(CatalogReader.NotFound("provider", id));
            }
            byProvider = endpoints.Where(e => known.Contains(e.ProviderId, StringComparer.OrdinalIgnoreCase));
        }
        var (matches, missing) = Wildcards.Filter(byProvider, e => e.EndpointId, Id);
        WriteObject(matches, enumerateCollection: true);
        foreach (var id in missing)
        {
            WriteError("EndpointNotFound", ErrorCategory.ObjectNotFound, $"endpoint '{id}' was not found", id);
        }
    }
}
