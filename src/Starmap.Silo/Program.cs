using Orleans.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Starmap.Http;
using Starmap.Silo;

// The HTTP API is on unless Starmap:HttpPort is 0; then the silo runs on a plain host with no web server.
var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
web.Configuration.AddCommandLine(args, StarmapSiloOptions.SwitchMappings);
// Settings, the data folder's lock and its database, before anything starts: a problem is one line and exit code 1.
// The database check runs while the host is built and is asked for before the host starts (DatabaseRefused).
if (!EmbeddedStoreCheck.TryOpen(web.Configuration, out var store, out var problem))
{
    Console.Error.WriteLine(problem);
    Environment.ExitCode = 1;
    return;
}
using var folderLock = store;
// A new store is seeded: reading the built-in catalog (most of a first start's seeding) starts now, on its
// own thread, while the host is built and the silo starts, instead of once the silo has started.
SiloStartup.PreloadSeedIfNew(StarmapSiloOptionsValidator.Read(web.Configuration));
try
{
    if (web.Configuration.GetValue($"{StarmapSiloOptions.Section}:{nameof(StarmapSiloOptions.HttpPort)}", 5080) == 0)
    {
        var plain = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        plain.Configuration.AddCommandLine(args, StarmapSiloOptions.SwitchMappings);
        plain.AddStarmapSilo();
        using var host = plain.Build();
        if (DatabaseRefused(folderLock))
        {
            return;
        }
        StartupFailure.ValidateSettings(host.Services);
        await host.RunAsync();
        return;
    }

    // The dashboard is an admin surface: its grains run only when it is turned on (Starmap:Http:Dashboard).
    var dashboard = web.Configuration.GetValue($"{StarmapHttpOptions.Section}:{nameof(StarmapHttpOptions.Dashboard)}", false);
    web.AddStarmapSilo(silo =>
    {
        if (dashboard)
        {
            silo.AddDashboard();
        }
    });
    web.AddStarmapSiloHttp();
    var app = web.Build();
    if (DatabaseRefused(folderLock))
    {
        return;
    }
    StartupFailure.ValidateSettings(app.Services);
    app.UseStarmapHttp();
    app.UseStarmapWebCatalog();
    app.MapStarmapApi();
    app.MapStarmapOperations();
    app.MapHeadForGetRoutes();
    await app.RunAsync();
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
{
    // Settings the validators refused (ValidateOnStart, or read before the host was built): one line, exit code 1.
    Console.Error.WriteLine(line);
    Environment.ExitCode = 1;
}

// The database check's verdict, before anything starts: a file SQLite cannot read is one line and exit code 1.
static bool DatabaseRefused(EmbeddedStore store)
{
    if (store.FindDatabaseProblem() is not { } line)
    {
        return false;
    }
    Console.Error.WriteLine(line);
    Environment.ExitCode = 1;
    return true;
}
