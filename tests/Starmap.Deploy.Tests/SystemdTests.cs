using System.Diagnostics;
using Starmap.Silo;

namespace Starmap.Deploy.Tests;

/// <summary>The systemd units: verified by systemd itself, and their paths and settings cross-checked.</summary>
public sealed class SystemdTests
{
    private const string Verifier = "/usr/bin/systemd-analyze";

    [Fact]
    public async Task systemd_analyze_verify_accepts_the_units()
    {
        if (!File.Exists(Verifier))
        {
            Assert.Skip($"{Verifier} is not installed");
        }
        // verify checks that each ExecStart binary exists, and this machine may lack one (pwsh is a
        // local tool here, not /usr/bin/pwsh). Exactly that message is expected for such a binary and no
        // other: every unknown key, bad value or missing unit would be another line.
        var units = Systemd.Units.Select(u => Repo.PathOf($"{Systemd.Folder}/{u}")).ToList();
        var expected = Systemd.Units.Where(u => u.EndsWith(".service", StringComparison.Ordinal))
            .Select(u => (unit: u, binary: Systemd.Value(u, "ExecStart").Split(' ')[0]))
            .Where(x => !File.Exists(x.binary))
            .Select(x => $"{x.unit}: Command {x.binary} is not executable: No such file or directory")
            .ToList();
        var (code, output) = await Verify(units);
        var unexpected = output.Where(line => !expected.Contains(line)).ToList();
        Assert.True(unexpected.Count == 0, string.Join('\n', output));
        Assert.Equal(expected.Count == 0 ? 0 : 1, code);
    }

    [Fact]
    public async Task systemd_analyze_verify_reports_a_broken_unit()
    {
        if (!File.Exists(Verifier))
        {
            Assert.Skip($"{Verifier} is not installed");
        }
        var folder = TestFolders.New("systemd");
        try
        {
            var broken = Path.Combine(folder, "starmap-silo.service");
            File.WriteAllText(broken, Repo.Read($"{Systemd.Folder}/starmap-silo.service")
                .Replace("ProtectSystem=strict", "ProtectSytem=strict", StringComparison.Ordinal));
            var (_, output) = await Verify([broken]);
            Assert.Contains(output, line => line.Contains("Unknown key", StringComparison.Ordinal) && line.Contains("ProtectSytem", StringComparison.Ordinal));
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public void The_silo_unit_runs_the_published_silo_from_the_documented_folder()
    {
        const string unit = "starmap-silo.service";
        var folder = Systemd.Value(unit, "WorkingDirectory");
        var dll = typeof(StarmapSiloOptions).Assembly.GetName().Name + ".dll";
        Assert.Equal($"/usr/bin/dotnet {folder}/{dll}", Systemd.Value(unit, "ExecStart"));
        var publish = $"dotnet publish src/Starmap.Silo -c Release -p:UseAppHost=false -o {folder}";
        Assert.Contains(publish, Repo.Read("deploy/README.md"), StringComparison.Ordinal);
        Assert.Contains(publish, Repo.Read($"{Systemd.Folder}/{unit}"), StringComparison.Ordinal);
        Assert.True(File.Exists(Repo.PathOf("src/Starmap.Silo/Starmap.Silo.csproj")));

        Assert.Equal("/etc/starmap/starmap.env", Systemd.Value(unit, "EnvironmentFile"));
        Assert.Contains("deploy/systemd/starmap.env.example /etc/starmap/starmap.env", Repo.Read("deploy/README.md"), StringComparison.Ordinal);
        Assert.Equal("starmap", Systemd.Value(unit, "User"));
        Assert.Equal("on-failure", Systemd.Value(unit, "Restart"));
        foreach (var hardening in new[] { "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=" })
        {
            Assert.Contains(hardening, Repo.Read($"{Systemd.Folder}/{unit}").Split('\n'));
        }

        // ProtectSystem=strict leaves only the state folder writable: the data folder must be that one.
        var environment = EnvironmentSettings.Of($"{Systemd.Folder}/starmap.env.example").ToDictionary(s => s.Name, s => s.Value);
        var options = SiloConfig.Silo(Active($"{Systemd.Folder}/starmap.env.example"));
        Assert.Equal($"/var/lib/{Systemd.Value(unit, "StateDirectory")}", options.DataDirectory);
        Assert.Equal("127.0.0.1", options.HttpAddress);
        Assert.Contains("STARMAP_API_KEY", environment.Keys);
        Assert.All(EnvironmentSettings.ProviderKeyVariables(), key => Assert.Contains(key, environment.Keys));
    }

    [Fact]
    public void Cron_and_the_sync_unit_reach_the_gateway_the_silo_unit_opens()
    {
        var silo = SiloConfig.Silo(Active($"{Systemd.Folder}/starmap.env.example"));
        var fromUnit = SiloConfig.Client(Systemd.Values("starmap-sync.service", "Environment")
            .Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]));
        var fromCron = SiloConfig.Client(EnvironmentSettings.Of("deploy/cron/starmap-sync").ToDictionary(s => s.Name, s => s.Value));
        foreach (var client in new[] { fromUnit, fromCron })
        {
            Assert.Equal($"127.0.0.1:{silo.GatewayPort}", Assert.Single(client.Gateways));
            Assert.Equal(silo.ClusterId, client.ClusterId);
            Assert.Equal(silo.ServiceId, client.ServiceId);
        }
        Assert.Contains("OnCalendar=", Repo.Read($"{Systemd.Folder}/starmap-sync.timer"), StringComparison.Ordinal);
    }

    /// <summary>The uncommented lines of an environment file.</summary>
    private static Dictionary<string, string?> Active(string file) =>
        Repo.Read(file).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);

    private static async Task<(int Code, IReadOnlyList<string> Lines)> Verify(IEnumerable<string> units)
    {
        var start = new ProcessStartInfo(Verifier) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "verify", "--man=no" }.Concat(units))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var lines = (await stdout + "\n" + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Replace(Repo.PathOf(Systemd.Folder) + "/", "", StringComparison.Ordinal)).ToList();
        return (process.ExitCode, lines);
    }
}
