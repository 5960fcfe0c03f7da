using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Get-StarmapEndpoint: inference endpoints by ID wildcard or provider.</summary>
[Cmdlet(VerbsCommon.Get, "StarmapEndpoint")]
[OutputType("Starmap.PowerShell.StarmapEndpoint")]
public sealed class GetStarmapEndpointCommand : StarmapCmdlet
{
    /// <summary>Endpoint ID wildcards (provider/operation).</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [Alias("EndpointId")]
    public string[]? Id { get; set; }

    /// <summary>Provider IDs; binds ProviderId from piped objects.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Provider { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        IReadOnlyList<StarmapEndpoint> endpoints;
        try
        {
            endpoints = Await(CatalogReader.ListEndpointsAsync());
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        var byProvider = Provider is { Length: > 0 }
            ? endpoints.Where(e => Provider.Contains(e.ProviderId, StringComparer.OrdinalIgnoreCase))
            : endpoints;
        var (matches, missing) = Wildcards.Filter(byProvider, e => e.EndpointId, Id);
        WriteObject(matches, enumerateCollection: true);
        foreach (var id in missing)
        {
            WriteError("EndpointNotFound", ErrorCategory.ObjectNotFound, $"endpoint '{id}' was not found", id);
        }
    }
}
