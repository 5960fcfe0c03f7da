using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Get-StarmapAuthor: authors by ID or name wildcard, with definition and model counts.</summary>
[Cmdlet(VerbsCommon.Get, "StarmapAuthor")]
[OutputType("Starmap.PowerShell.StarmapAuthor")]
public sealed class GetStarmapAuthorCommand : StarmapCmdlet
{
    /// <summary>Author ID wildcards.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [Alias("AuthorId")]
    [ArgumentCompleter(typeof(AuthorIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>Display name wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        IReadOnlyList<StarmapAuthor> authors;
        try
        {
            authors = Await(CatalogReader.ListAuthorsAsync());
        }
        catch (StarmapCommandException failure)
        {
            Report(failure);
            return;
        }
        var (matches, missing) = Wildcards.Filter(authors, a => a.AuthorId, Id);
        WriteObject(Wildcards.ByName(matches, a => a.Name, Name), enumerateCollection: true);
        foreach (var id in missing)
        {
            Report(CatalogReader.NotFound("author", id));
        }
    }
}
