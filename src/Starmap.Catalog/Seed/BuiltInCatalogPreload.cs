namespace Starmap.Catalog.Seed;

/// <summary>
/// Reading the built-in catalog (gunzip, deserialize, validate: most of a first start's seeding) started
/// early, while the silo itself starts, and handed to the seeder once. Nothing is kept after that: the
/// catalog lives on in the grains' state and the snapshot, not here.
/// </summary>
public static class BuiltInCatalogPreload
{
    private static Task<BuiltInCatalog>? _loading;

    /// <summary>Starts reading the built-in catalog in the background, once; call only when it will be seeded.</summary>
    public static void Start()
    {
        if (Volatile.Read(ref _loading) is not null)
        {
            return;
        }
        // Its own thread, not a pool thread: the read takes a second or more, and a silo starting on two
        // cores needs both pool threads it begins with.
        var loading = new Task<BuiltInCatalog>(BuiltInCatalog.Load, TaskCreationOptions.LongRunning);
        if (Interlocked.CompareExchange(ref _loading, loading, null) is null)
        {
            loading.Start(TaskScheduler.Default);
        }
    }

    /// <summary>The catalog read by <see cref="Start"/> (its errors too), or read now when nothing was started.</summary>
    public static Task<BuiltInCatalog> TakeAsync() => Interlocked.Exchange(ref _loading, null) ?? Task.Run(BuiltInCatalog.Load);

    /// <summary>Drops a read that turned out not to be needed (the store was seeded already).</summary>
    public static void Forget() => Interlocked.Exchange(ref _loading, null);
}
