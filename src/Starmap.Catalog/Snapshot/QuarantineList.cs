using Starmap.Catalog.Patterns;
using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Snapshot;

/// <summary>
/// Every quarantined field of a catalog snapshot (offerings, then definitions), filtered and paged: the
/// read behind <c>GET /api/v1/quarantine</c> and <c>Get-StarmapQuarantine</c>.
/// </summary>
public static class QuarantineList
{
    /// <summary>The page of <paramref name="query"/> over <paramref name="snapshot"/>; an invalid query throws <see cref="StarmapValidationException"/>.</summary>
    public static QuarantinePage Query(CatalogSnapshot snapshot, QuarantineQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Validate(query);
        var matches = All(snapshot).Where(f => Matches(f, query)).ToList();
        var limit = query.Limit ?? ModelQuery.DefaultLimit;
        return new QuarantinePage
        {
            Generation = snapshot.Generation,
            Total = matches.Count,
            Offset = query.Offset,
            Limit = limit,
            Items = [.. matches.Skip(query.Offset).Take(limit)],
        };
    }

    /// <summary>Checks the filters and the page bounds, naming the parameter that is wrong.</summary>
    public static void Validate(QuarantineQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0)
        {
            throw IdRules.Invalid("offset", FieldChecks.Text(query.Offset), "must not be negative");
        }
        if (query.Limit is { } limit && limit is < 1 or > ModelQuery.MaxLimit)
        {
            throw IdRules.Invalid("limit", FieldChecks.Text(limit), $"must be between 1 and {ModelQuery.MaxLimit}");
        }
        if (query.ProviderId is not null)
        {
            IdRules.ValidateProviderId(query.ProviderId, "provider");
        }
        Text(query.ModelId, "model");
        Text(query.FieldPrefix, "field");
    }

    // Offerings in the snapshot's order (provider, model), then definitions by ID; notes are sorted by path.
    private static IEnumerable<QuarantinedField> All(CatalogSnapshot snapshot) =>
        snapshot.Models.SelectMany(m => m.Offering.Quarantine.Select(n => QuarantinedField.OfOffering(m.ProviderId, m.ModelId, n)))
            .Concat(snapshot.Definitions.SelectMany(d => d.Quarantine.Select(n => QuarantinedField.OfDefinition(d.Id, n))));

    private static bool Matches(QuarantinedField field, QuarantineQuery query) =>
        (query.ProviderId is null || field.ProviderId == query.ProviderId)
        && (query.ModelId is null || Wildcard.IsMatch(query.ModelId, field.ModelId))
        && (query.FieldPrefix is null || field.Path.StartsWith(query.FieldPrefix, StringComparison.Ordinal));

    private static void Text(string? value, string field)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length is 0 or > IdRules.MaxModelIdLength)
        {
            throw IdRules.Invalid(field, value, $"must be 1 to {IdRules.MaxModelIdLength} characters; omit the filter instead of leaving it empty");
        }
        if (value.Any(char.IsControl))
        {
            throw IdRules.Invalid(field, value, "contains a control character");
        }
    }
}
