namespace Starmap.Grains.Catalog;

/// <summary>Reads for writers that must see the newest catalog (the sync's baseline), through the reader.</summary>
internal static class CatalogReads
{
    /// <summary>
    /// <paramref name="read"/> on the catalog reader at the registry's current generation at least: the
    /// registry says where it is (one small call), the reader of the silo that runs the call answers.
    /// </summary>
    public static async Task<T> NewestAsync<T>(IGrainFactory grains, Func<ICatalogReader, long, Task<T>> read)
    {
        var newest = (await grains.GetGrain<ICatalogRegistryGrain>(CatalogKeys.Default).GetStatusAsync()).Generation;
        return await read(grains.GetGrain<ICatalogReaderGrain>(0), newest);
    }
}
