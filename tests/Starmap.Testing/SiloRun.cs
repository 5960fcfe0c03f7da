using System.Diagnostics;

namespace Starmap.Testing;

/// <summary>A silo process expected to refuse to start: runs it to its exit and returns what it printed.</summary>
public static class SiloRun
{
    /// <summary>Exit code, every output line (stdout and stderr) and how long the process ran.</summary>
    public sealed record Outcome(int ExitCode, IReadOnlyList<string> Lines, TimeSpan Elapsed)
    {
        public string Output => string.Join(Environment.NewLine, Lines);
    }

    /// <summary>Starts the silo on <paramref name="dataDirectory"/> with free ports and waits (up to <paramref name="deadline"/>) for it to exit.</summary>
    public static async Task<Outcome> ToExitAsync(string dataDirectory, TimeSpan deadline, params string[] extraArgs)
    {
        var ports = SiloProcess.FreePorts(3);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { SiloProcess.SiloDll(), "--data-dir", dataDirectory, "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--http-port", $"{ports[2]}" }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }
        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (lines)
            {
                throw new TimeoutException($"the silo was still running after {deadline}:\n{string.Join(Environment.NewLine, lines)}");
            }
        }
        lock (lines)
        {
            return new Outcome(process.ExitCode, [.. lines], clock.Elapsed);
        }
    }
}
