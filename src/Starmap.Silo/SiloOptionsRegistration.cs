using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Starmap.Sync;

namespace Starmap.Silo;

/// <summary>
/// The silo's settings as options: bound from their sections, checked by their validators when the host
/// starts (a bad value stops the start with a message naming the key), and served as plain singletons to
/// the classes that take them.
/// </summary>
internal static class SiloOptionsRegistration
{
    public static IServiceCollection AddStarmapSiloOptions(this IServiceCollection services)
    {
        services.AddOptions<StarmapSiloOptions>().BindConfiguration(StarmapSiloOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StarmapSiloOptions>, StarmapSiloOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StarmapSiloOptions>>().Value);

        services.AddOptions<SyncScheduleOptions>().BindConfiguration(SyncScheduleOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncScheduleOptions>, SyncScheduleOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SyncScheduleOptions>>().Value);

        // The plausibility guard's thresholds sit beside the schedule in Starmap:Sync. Registered before
        // the grains' defaults, which only fill what is not registered.
        services.AddOptions<GuardOptions>().BindConfiguration(SyncScheduleOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuardOptions>, GuardOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GuardOptions>>().Value);

        services.AddOptions<History.HistoryOptions>().BindConfiguration(History.HistoryOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<History.HistoryOptions>, History.HistoryOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<History.HistoryOptions>>().Value);
        return services;
    }
}
