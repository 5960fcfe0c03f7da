using Starmap.Grains.State;

namespace Starmap.Grains;

/// <summary>Names of the storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Grain state of providers, authors and the catalog registry.</summary>
    public const string Catalog = "starmap";
}

/// <summary>Grain type names; stable because stored state is keyed by them.</summary>
public static class GrainTypes
{
    /// <summary>Provider grains.</summary>
    public const string Provider = "starmap.provider";

    /// <summary>Author grains.</summary>
    public const string Author = "starmap.author";

    /// <summary>Provider sync grains.</summary>
    public const string ProviderSync = "starmap.provider-sync";

    /// <summary>The catalog registry.</summary>
    public const string Registry = "starmap.catalog"; // the type ID stored data is keyed by: kept from when the registry was named "catalog"

    /// <summary>The grain that syncs every provider (and imports models.dev files).</summary>
    public const string CatalogSync = "starmap.catalog-sync";

    /// <summary>The catalog documents (endpoints.yaml, generation.json...) kept from the last folder import.</summary>
    public const string CatalogDocuments = "starmap.catalog-documents";

    /// <summary>State name of provider grains.</summary>
    public const string ProviderState = "provider";

    /// <summary>State name of author grains.</summary>
    public const string AuthorState = "author";
}
