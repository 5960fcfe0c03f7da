using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Get-StarmapProvider: providers by ID or name wildcard, with model counts and whether a key is set in this session.</summary>
[Cmdlet(VerbsCommon.Get, "StarmapProvider")]
[OutputType("Starmap.PowerShell.StarmapProvider")]
public sealed class GetStarmapProviderCommand : StarmapCmdlet
{
    /// <summary>Provider ID wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("ProviderId")]
    [ArgumentCompleter(typeof(ProviderIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Display name wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        IReadOnlyList<StarmapProvider> providers;
        try
        {
            providers = Await(CatalogReader.ListProvidersAsync());
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        var (matches, missing) = Wildcards.Filter(providers, p => p.ProviderId, Id);
        WriteObject(Wildcards.ByName(matches, p => p.Name, Name), enumerateCollection: true);
        foreach (var id in missing)
        {
            Report(CatalogReader.NotFound("provider", id));
        }
    }
}
