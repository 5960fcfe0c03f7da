namespace Starmap.Http;

/// <summary>
/// The query parameter or body field a user sent, for a field a validator names: errors must name what the
/// user typed (<c>source</c>), not the contract member it became (<c>sources</c>).
/// </summary>
internal static class ParameterNames
{
    private static readonly Dictionary<string, string> FieldToParameter = new(StringComparer.Ordinal)
    {
        ["sources"] = "source",
        ["document"] = "body",
    };

    public static string Of(string field) =>
        FieldToParameter.TryGetValue(field, out var parameter) ? parameter : ModelQueryParser.ParameterOf(field);
}
