using System.Text.RegularExpressions;
using Starmap.Silo;

namespace Starmap.Deploy.Tests;

/// <summary>The Dockerfiles against the projects, the silo's settings and the scheduled sync.</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile Silo = Dockerfile.Load("deploy/docker/Dockerfile");

    [Fact]
    public void The_silo_image_builds_the_silo_project_and_starts_its_assembly()
    {
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Silo.All("FROM", 0).Single(), StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", Silo.All("FROM", Silo.LastStage).Single());
        var publish = Silo.All("RUN", 0).Single(r => r.StartsWith("dotnet publish ", StringComparison.Ordinal));
        var project = publish.Split(' ')[2];
        Assert.Equal("src/Starmap.Silo/Starmap.Silo.csproj", project);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains(Silo.All("RUN", 0), r => r == $"dotnet restore {project}");
        var output = Regex.Match(publish, @"-o (\S+)").Groups[1].Value;
        Assert.Contains(Silo.Copies(Silo.LastStage), c => c.From == "build" && c.Sources.SequenceEqual([output]));
        Assert.Equal(["dotnet", typeof(StarmapSiloOptions).Assembly.GetName().Name + ".dll"], Silo.ExecForm("ENTRYPOINT"));
    }

    [Fact]
    public void Build_context_copies_exist_and_outputs_stay_out_of_it()
    {
        foreach (var file in new[] { "deploy/docker/Dockerfile", "deploy/docker/admin.Dockerfile" })
        {
            var dockerfile = Dockerfile.Load(file);
            var sources = dockerfile.Copies().Where(c => c.From is null).SelectMany(c => c.Sources).ToList();
            Assert.NotEmpty(sources);
            Assert.All(sources, s => Assert.True(File.Exists(Repo.PathOf(s)) || Directory.Exists(Repo.PathOf(s)), $"{file}: COPY {s}: no such file"));
        }
        var ignored = Repo.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        Assert.Contains("artifacts", ignored);
    }

    [Fact]
    public void The_runtime_stage_runs_as_the_app_user_with_data_in_slash_data_and_http_on_all_interfaces()
    {
        Assert.Equal("$APP_UID", Silo.All("USER", Silo.LastStage).Single());
        Assert.Contains(Silo.All("RUN", Silo.LastStage), r => r.Contains("chown \"$APP_UID\" /data", StringComparison.Ordinal));
        var options = SiloConfig.Silo(Silo.Env());
        Assert.Equal("/data", options.DataDirectory);
        Assert.Equal("0.0.0.0", options.HttpAddress);
        // The silo binds Kestrel itself; the base image's port variable would only draw an override warning.
        Assert.Equal("", Silo.Env()["ASPNETCORE_HTTP_PORTS"]);
    }

    [Fact]
    public void EXPOSE_and_HEALTHCHECK_use_the_ports_the_silo_listens_on()
    {
        var options = SiloConfig.Silo(Silo.Env());
        Assert.Equal(new[] { options.SiloPort, options.GatewayPort, options.HttpPort }.Order(), Silo.Exposed.Order());
        Assert.Equal(new[] { 11111, 30000, 5080 }, new[] { options.SiloPort, options.GatewayPort, options.HttpPort });
        var check = Silo.HealthcheckCommand;
        Assert.Contains("/dev/tcp/127.0.0.1/$Starmap__HttpPort", check, StringComparison.Ordinal);
        Assert.Equal("/health", ProbeRouteTests.HealthcheckPath(check));
        Assert.True(Silo.Env().ContainsKey("Starmap__HttpPort"), "the HEALTHCHECK reads $Starmap__HttpPort from the image's ENV");
    }

    [Fact]
    public void The_admin_image_installs_the_module_where_module_sh_lays_it_out_and_runs_the_sync_job()
    {
        var admin = Dockerfile.Load("deploy/docker/admin.Dockerfile");
        Assert.Contains("build/module.sh", admin.All("RUN", 0));
        var layout = Regex.Match(Repo.Read("build/module.sh"), @"(?m)^out=(\S+)$").Groups[1].Value;
        var workdir = admin.All("WORKDIR", 0).Single();
        Assert.Contains(admin.Copies(admin.LastStage), c => c.From == "build"
            && c.Sources.SequenceEqual([$"{workdir}/{layout}"]) && c.Destination == "/usr/local/share/powershell/Modules/Starmap");
        Assert.Contains(admin.Copies(admin.LastStage), c => c.Sources.Contains("deploy/Sync-Starmap.ps1") && c.Destination == "/opt/starmap/");
        Assert.Equal(Systemd.SyncCommandLine.Split(' '), admin.ExecForm("CMD"));
        Assert.Equal("$APP_UID", admin.All("USER", admin.LastStage).Single());
    }
}
