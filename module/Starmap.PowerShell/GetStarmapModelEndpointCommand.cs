using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>
/// Get-StarmapModelEndpoint: who serves a model, at what price. One object per provider offering of the
/// model, by its <c>author/slug</c> (a piped model is looked up by its DefinitionId), or by the model ID of a
/// model without a definition (a piped one by its ModelId).
/// </summary>
[Cmdlet(VerbsCommon.Get, "StarmapModelEndpoint")]
[OutputType("Starmap.PowerShell.StarmapModelEndpoint")]
public sealed class GetStarmapModelEndpointCommand : StarmapCmdlet
{
    /// <summary>Model IDs: <c>author/slug</c>, or a model ID (no wildcards: each names one model).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ModelLookupId]
    [ArgumentCompleter(typeof(ModelIdCompleter))]
    public string[] Id { get; set; } = [];

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            IReadOnlyList<StarmapModelEndpoint>? endpoints;
            try
            {
                endpoints = Await(CatalogReader.GetModelEndpointsAsync(id));
            }
            catch (StarmapCommandException failure)
            {
                Report(failure);
                continue;
            }
            if (endpoints is null)
            {
                WriteError("ModelNotFound", ErrorCategory.ObjectNotFound, $"model '{id}' was not found: no model definition, list slug or model ID matches it", id);
                continue;
            }
            WriteObject(endpoints, enumerateCollection: true);
        }
    }
}
