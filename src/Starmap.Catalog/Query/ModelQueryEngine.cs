namespace Starmap.Catalog;

/// <summary>Filters, sorts and pages catalog models. Pure; never mutates its input.</summary>
public static class ModelQueryEngine
{
    /// <summary>Validates <paramref name="query"/> and runs it over <paramref name="models"/>.</summary>
    public static ModelPage Execute(IReadOnlyList<CatalogModel> models, ModelQuery query, long generation) =>
        throw new NotImplementedException();
}
