using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Starmap.Http.Tests;

/// <summary>
/// The node packages of tests/openapi-lint (Redocly's linter, the official openai client), pinned by its
/// package-lock.json and installed with <c>npm ci</c> the first time a test needs them, or again when
/// the lock file changed since. Needs node and npm on PATH (test.sh installs them when missing).
/// </summary>
internal static class NodeTools
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>tests/openapi-lint, with node_modules installed.</summary>
    public static Task<string> FolderAsync() => Installed.Value;

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in the tools folder; returns the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan deadline, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = await FolderAsync();
        return await RunInAsync(folder, file, arguments, deadline, environment);
    }

    private static async Task<string> InstallAsync()
    {
        var folder = Folder();
        var stamp = Path.Combine(folder, "node_modules", ".starmap-lock-sha256");
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "package-lock.json"))));
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == lockHash)
        {
            return folder;
        }
        var (exitCode, output) = await RunInAsync(folder, "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(8));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed with exit code {exitCode}:\n{output}");
        }
        await File.WriteAllTextAsync(stamp, lockHash);
        return folder;
    }

    private static async Task<(int ExitCode, string Output)> RunInAsync(string folder, string file, IEnumerable<string> arguments, TimeSpan deadline, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // No colour codes or update notices in the output a failed assertion shows.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{file}' could not be started ({ex.Message}): install node and npm (test.sh does on a fresh machine)", ex);
        }
        using (process)
        {
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
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
                throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {deadline}:\n{output}");
            }
            // WaitForExitAsync also waits for the redirected streams to close.
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }

    /// <summary>tests/openapi-lint of this checkout, found from the test binary's folder.</summary>
    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "openapi-lint");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"tests/openapi-lint/package-lock.json was not found above {AppContext.BaseDirectory}");
    }
}
