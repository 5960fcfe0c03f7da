using System.Diagnostics;

namespace Starmap.Deploy.Tests;

/// <summary>
/// Extra checks by the real tools, only where they work offline on this machine (kubectl's built-in
/// kustomize; docker compose's config check needs the compose plugin, not an engine). Skipped otherwise.
/// </summary>
public sealed class OfflineToolTests
{
    [Fact]
    public async Task kubectl_kustomize_renders_the_manifests()
    {
        var (code, output, errors) = await TryRunAsync("kubectl", "kustomize", Repo.PathOf(Kubernetes.Folder));
        if (code is null)
        {
            Assert.Skip("kubectl is not installed");
        }
        Assert.True(code == 0, errors);
        var kinds = Yaml.LoadAll(output).Select(d => d.At("kind").Str()).ToList();
        Assert.Equal(Kubernetes.Documents().Count, kinds.Count);
        Assert.Contains("Deployment", kinds);
    }

    [Fact]
    public async Task docker_compose_config_accepts_the_compose_file()
    {
        var (version, _, _) = await TryRunAsync("docker", "compose", "version");
        if (version != 0)
        {
            Assert.Skip("the docker compose plugin is not installed");
        }
        var folder = TestFolders.New("compose");
        try
        {
            // compose needs the .env it interpolates; the example with a password filled in stands for it.
            var env = Path.Combine(folder, ".env");
            await File.WriteAllTextAsync(env, Repo.Read("deploy/compose/.env.example").Replace("STARMAP_REDIS_PASSWORD=", "STARMAP_REDIS_PASSWORD=test", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            var (code, output, errors) = await TryRunAsync("docker", "compose", "--env-file", env, "-f", Repo.PathOf(Compose.File), "config", "-q");
            Assert.True(code == 0, output + errors);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    /// <summary>Exit code, output and errors, or a null code when the tool is not on PATH.</summary>
    private static async Task<(int? Code, string Output, string Errors)> TryRunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, "", "");
        }
        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = await process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            return (process.ExitCode, await stdout, stderr);
        }
    }
}
