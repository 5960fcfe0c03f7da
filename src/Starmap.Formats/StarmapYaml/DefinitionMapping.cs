namespace Starmap.Formats.StarmapYaml;

/// <summary>Definitions ⇄ <c>authors/&lt;author&gt;/models/&lt;slug&gt;.yaml</c>.</summary>
internal static class DefinitionMapping
{
    /// <summary>The ID is <c>author/slug</c> from the file's place; an <c>id</c> key must agree with the slug.</summary>
    public static ModelDefinition ToRecord(DefinitionYaml y, string authorId, string slug, MappingContext c)
    {
        if (y.Id is { } id && id != slug)
        {
            throw c.Fail(y, "id", "id", $"'{StarmapValidationException.Printable(id)}' must equal the file's path below models/ ('{slug}')");
        }
        return new ModelDefinition
        {
            Id = authorId + "/" + slug,
            Name = y.Name!,
            Description = y.Description,
            AuthorIds = ModelBlocksMapping.AuthorIds(y.Authors, c),
            Metadata = ModelBlocksMapping.Metadata(y.Metadata, c),
            Features = ModelBlocksMapping.Features(y.Features, c),
            Attachments = ModelBlocksMapping.Attachments(y.Attachments),
            Generation = GenerationMapping.ToRecord(y.Generation),
            Reasoning = ModelBlocksMapping.Levels(y.Reasoning, "reasoning", c),
            ReasoningTokens = ModelBlocksMapping.Range(y.ReasoningTokens),
            Verbosity = ModelBlocksMapping.Levels(y.Verbosity, "verbosity", c),
            Tools = ModelBlocksMapping.Tools(y.Tools),
            Delivery = ModelBlocksMapping.Delivery(y.Response, c),
            Lineage = ModelBlocksMapping.Lineage(y.Lineage),
            CreatedAt = c.Timestamp(y.CreatedAt, y, "created_at", "created_at"),
            UpdatedAt = c.Timestamp(y.UpdatedAt, y, "updated_at", "updated_at"),
        };
    }

    public static DefinitionYaml ToYaml(ModelDefinition d, IReadOnlyDictionary<string, string> authorNames) => new()
    {
        Id = d.Slug,
        Name = d.Name,
        Authors = ModelBlocksMapping.AuthorRefs(d.AuthorIds, authorNames),
        Description = d.Description,
        Metadata = ModelBlocksMapping.MetadataYaml(d.Metadata),
        Lineage = ModelBlocksMapping.LineageYaml(d.Lineage),
        Features = ModelBlocksMapping.FeaturesYaml(d.Features),
        Attachments = ModelBlocksMapping.AttachmentsYaml(d.Attachments),
        Generation = GenerationMapping.ToYaml(d.Generation),
        Reasoning = ModelBlocksMapping.LevelsYaml(d.Reasoning),
        ReasoningTokens = ModelBlocksMapping.RangeYaml(d.ReasoningTokens),
        Verbosity = ModelBlocksMapping.LevelsYaml(d.Verbosity),
        Tools = ModelBlocksMapping.ToolsYaml(d.Tools),
        Response = ModelBlocksMapping.DeliveryYaml(d.Delivery),
        CreatedAt = d.CreatedAt is { } created ? StarmapDates.Format(created) : null,
        UpdatedAt = d.UpdatedAt is { } updated ? StarmapDates.Format(updated) : null,
    };
}
