using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Starmap.Silo;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddCommandLine(args, StarmapSiloOptions.SwitchMappings);
builder.AddStarmapSilo();
await builder.Build().RunAsync();
