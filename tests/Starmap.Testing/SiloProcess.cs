using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Starmap.Testing;

/// <summary>
/// A real Starmap silo process on 127.0.0.1, started from the built dll, on free silo, gateway and HTTP
/// ports (so parallel test runs never collide on the defaults).
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process, string dataDirectory, int siloPort, int gatewayPort, int httpPort, string clusterId)
    {
        _process = process;
        SiloPort = siloPort;
        DataDirectory = dataDirectory;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
        ClusterId = clusterId;
    }

    public int HttpPort { get; }

    /// <summary>Silo-to-silo port; a second silo joins this one with <c>--primary-silo-port</c>.</summary>
    public int SiloPort { get; }

    /// <summary>Base address of the silo's HTTP API.</summary>
    public Uri Http => new($"http://127.0.0.1:{HttpPort}/");

    public string DataDirectory { get; }

    public int GatewayPort { get; }

    public string ClusterId { get; }

    public string Gateway => $"127.0.0.1:{GatewayPort}";

    public string Output => string.Join(Environment.NewLine, _output);

    public static Task<SiloProcess> StartAsync(string dataDirectory, string clusterId = "starmap", params string[] extraArgs) =>
        StartAsync(dataDirectory, new Dictionary<string, string?>(), clusterId, extraArgs);

    /// <summary>Starts a silo with <paramref name="environment"/> added to (or, for null values, removed from) its environment.</summary>
    public static async Task<SiloProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?> environment, string clusterId = "starmap", params string[] extraArgs)
    {
        // A free port is free when it is picked, not when the silo binds it: the OS hands the same range out to
        // outgoing connections of every other process in the meantime. A start that lost its port that way is
        // started again on other ports; any other failure is the test's to see.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(dataDirectory, environment, clusterId, extraArgs);
            }
            catch (InvalidOperationException lost) when (attempt < 3 && lost.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private static async Task<SiloProcess> StartOnFreePortsAsync(string dataDirectory, IReadOnlyDictionary<string, string?> environment, string clusterId, string[] extraArgs)
    {
        var ports = FreePorts(3);
        var (siloPort, gatewayPort, httpPort) = (ports[0], ports[1], ports[2]);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { SiloDll(), "--data-dir", dataDirectory, "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}", "--http-port", $"{httpPort}", "--cluster-id", clusterId }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }
        // A test silo does not rehearse a sync after its start (Starmap:Sync:Rehearse): hundreds of silos start in a
        // test run, and the rehearsal's CPU would only slow the others. A test of the rehearsal turns it on.
        start.Environment["Starmap__Sync__Rehearse"] = "false";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var silo = new SiloProcess(process, dataDirectory, siloPort, gatewayPort, httpPort, clusterId);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) silo._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) silo._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A deadline, not a wait: a first start seeds the built-in catalog (5,900 offerings), which on a
            // loaded 2-core machine can take tens of seconds.
            await silo.WaitForOutputAsync("Starmap silo ready", TimeSpan.FromSeconds(120));
        }
        catch
        {
            // A silo that never got ready must not outlive the test that started it.
            await silo.KillAsync();
            process.Dispose();
            throw;
        }
        return silo;
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails with the output when the process exits or the deadline passes.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the redirected output, so the message holds the silo's last lines
                throw new InvalidOperationException($"silo exited with code {_process.ExitCode} before '{text}':\n{Output}");
            }
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"no '{text}' from the silo within {deadline}:\n{Output}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGTERM, as systemd or Ctrl+C would, and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", $"{_process.Id}"]))
            {
                await kill!.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        return _process.ExitCode;
    }

    /// <summary>The process ID.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary><c>kill -9</c>: no shutdown, no flushing, as a crash or a lost machine would end it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-KILL", $"{_process.Id}"]))
            {
                await kill!.WaitForExitAsync();
            }
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopAsync();
            }
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    /// <summary>Distinct free ports: every listener stays open until all are picked, so none repeats.</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The built silo dll next to this test build (same configuration).</summary>
    public static string SiloDll()
    {
        // tests/<Project>.Tests/bin/<Configuration>/net10.0/ → src/Starmap.Silo/bin/<Configuration>/net10.0/
        var bin = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = bin.Name.Length > 0 ? bin : bin.Parent!;
        var configuration = framework.Parent!.Name;
        var root = framework.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Starmap.Silo", "bin", configuration, framework.Name, "Starmap.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the silo first: {dll} is missing");
    }
}

/// <summary>Temporary folders.</summary>
public static class TestFolders
{
    public static string New(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "starmap-e2e", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the folder; "" (a fixture whose folder was never made) is nothing to delete.</summary>
    public static void Delete(string path)
    {
        if (path.Length == 0)
        {
            return;
        }
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
