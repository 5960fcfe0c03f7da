using System.Diagnostics;

namespace Starmap.Deploy.Tests;

/// <summary>deploy/docker/replay.sh: the Dockerfile's build and start, without Docker.</summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task The_replayed_image_builds_starts_passes_its_healthcheck_and_stops_on_SIGTERM()
    {
        var work = TestFolders.New("deploy-replay");
        var ports = SiloProcess.FreePorts(3);
        try
        {
            var (code, output, errors) = await RunAsync("bash", Repo.PathOf("deploy/docker/replay.sh"), Path.Combine(work, "replay"),
                "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--http-port", $"{ports[2]}", "--timeout", "90");
            Assert.True(code == 0, output + errors);
            Assert.Equal("", errors);
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Equal("replay: ok", lines.Last(l => l.Length > 0));
            Assert.Contains(lines, l => l.Contains("Starmap silo ready", StringComparison.Ordinal)
                && l.Contains($"gateway 127.0.0.1:{ports[1]}, silo port {ports[0]}, http http://0.0.0.0:{ports[2]}", StringComparison.Ordinal));
            Assert.Contains($"replay: HEALTHCHECK passed (GET /health = 200 on port {ports[2]})", lines);
            Assert.Contains("replay: HEALTHCHECK fails with the silo stopped", lines);

            // The replay read the same instructions this test's parser reads: it cannot drift from the Dockerfile.
            var dockerfile = Dockerfile.Load("deploy/docker/Dockerfile");
            Assert.Equal(dockerfile.All("RUN", 0).Select(r => $"replay: RUN {r}"), lines.Where(l => l.StartsWith("replay: RUN ", StringComparison.Ordinal) && !l.Contains("not replayed", StringComparison.Ordinal)));
            Assert.Equal(dockerfile.Env().Select(e => $"replay: ENV {e.Key}={e.Value}"), lines.Where(l => l.StartsWith("replay: ENV ", StringComparison.Ordinal)));
            Assert.Contains($"replay: ENTRYPOINT {string.Join(' ', dockerfile.ExecForm("ENTRYPOINT"))}", lines);
        }
        finally
        {
            TestFolders.Delete(work);
        }
    }

    [Fact]
    public async Task The_replay_refuses_a_work_folder_that_is_not_empty()
    {
        var work = TestFolders.New("deploy-replay-busy");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work, "left-over"), "", TestContext.Current.CancellationToken);
            var (code, _, errors) = await RunAsync("bash", Repo.PathOf("deploy/docker/replay.sh"), work);
            Assert.NotEqual(0, code);
            Assert.Contains("is not empty", errors, StringComparison.Ordinal);
        }
        finally
        {
            TestFolders.Delete(work);
        }
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        // A hard deadline past the script's own (90 s to the ready line, 30 s to stop) plus the publish.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(4));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
