namespace Starmap.Catalog.Validation;

public static partial class CatalogValidator
{
    private static void ValidateQuery(ModelQuery query)
    {
        if (query.Offset < 0)
        {
            throw IdRules.Invalid("offset", FieldChecks.Text(query.Offset), "must not be negative");
        }
        if (query.Limit is { } limit && limit is < 1 or > ModelQuery.MaxLimit)
        {
            throw IdRules.Invalid("limit", FieldChecks.Text(limit), $"must be between 1 and {ModelQuery.MaxLimit}");
        }
        FieldChecks.NotNegative(query.MinGeneration, "min_generation");
        FieldChecks.NotNegative(query.MinContext, "min_context");
        FieldChecks.NotNegative(query.MaxContext, "max_context");
        if (query is { MinContext: { } min, MaxContext: { } max } && min > max)
        {
            throw IdRules.Invalid("min_context", FieldChecks.Text(min), $"must not exceed max_context ({FieldChecks.Text(max)})");
        }
        NotNegativePrice(query.MaxInputPrice, "max_input_price");
        NotNegativePrice(query.MaxOutputPrice, "max_output_price");
        if (query is { ReleasedAfter: { } after, ReleasedBefore: { } before } && after > before)
        {
            throw IdRules.Invalid("released_after", FieldChecks.Text(after), $"must not be after released_before ({FieldChecks.Text(before)})");
        }
        foreach (var provider in query.Providers.AsSpan())
        {
            IdRules.ValidateProviderId(provider, "provider");
        }
        foreach (var author in query.Authors.AsSpan())
        {
            IdRules.ValidateAuthorId(author, "author");
        }
        FilterText(query.Id, "id", allowEmpty: false);
        FilterText(query.Name, "name", allowEmpty: false);
        FilterText(query.NameContains, "name_contains", allowEmpty: true);
        FilterText(query.Search, "search", allowEmpty: true);
        foreach (var family in query.Families.AsSpan())
        {
            FilterText(family, "families", allowEmpty: false);
        }
        foreach (var modality in query.InputModalities.AsSpan())
        {
            FieldChecks.Defined(modality, "input_modalities");
        }
        foreach (var modality in query.OutputModalities.AsSpan())
        {
            FieldChecks.Defined(modality, "output_modalities");
        }
        foreach (var feature in query.Features.AsSpan())
        {
            FieldChecks.Defined(feature, "features");
            if (query.WithoutFeatures.Contains(feature))
            {
                throw IdRules.Invalid("features", FeatureFlagsJsonConverter.NameOf(feature), "is also in without_features; no model can match");
            }
        }
        foreach (var feature in query.WithoutFeatures.AsSpan())
        {
            FieldChecks.Defined(feature, "without_features");
        }
        foreach (var status in query.Statuses.AsSpan())
        {
            FieldChecks.Defined(status, "status");
        }
        FieldChecks.Defined(query.Sort, "sort");
        FieldChecks.Defined(query.Order, "order");
    }

    private static void NotNegativePrice(decimal? price, string field)
    {
        if (price is < 0)
        {
            throw IdRules.Invalid(field, FieldChecks.Text(price.Value), "must not be negative");
        }
    }

    private static void FilterText(string? value, string field, bool allowEmpty)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length == 0 && !allowEmpty)
        {
            throw IdRules.Invalid(field, value, "must not be empty; omit the filter instead");
        }
        if (value.Length > IdRules.MaxModelIdLength)
        {
            throw IdRules.Invalid(field, value, $"is longer than {IdRules.MaxModelIdLength} characters");
        }
        if (value.Any(char.IsControl))
        {
            throw IdRules.Invalid(field, value, "contains a control character");
        }
    }
}
