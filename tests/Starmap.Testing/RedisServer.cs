using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Starmap.Testing;

/// <summary>
/// A real redis-server on 127.0.0.1 in a temporary folder, on a free port, with append-only persistence
/// and <c>appendfsync always</c> (an acknowledged write is on disk). It can be killed and started again
/// on the same folder and port. The binary comes from <c>STARMAP_REDIS_SERVER</c> or the PATH; the
/// test script installs Debian's redis-server when it is missing.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _binary;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private readonly string? _password;
    private readonly (string Certificate, string Key)? _tls;

    private RedisServer(string binary, string folder, int port, string? password, (string Certificate, string Key)? tls)
    {
        _password = password;
        _tls = tls;
        _binary = binary;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts a server; with <paramref name="password"/>, clients must AUTH; with <paramref name="tls"/>
    /// (PEM certificate and key files), it serves only TLS.
    /// </summary>
    public static async Task<RedisServer> StartAsync(string? password = null, (string Certificate, string Key)? tls = null)
    {
        var binary = Locate();
        var server = new RedisServer(binary, TestFolders.New("redis"), SiloProcess.FreePort(), password, tls);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary><c>kill -9</c> of the server, then a new one on the same folder and port (it replays the append-only file).</summary>
    public async Task CrashAndRestartAsync()
    {
        await KillAsync();
        await StartProcessAsync();
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Sends one command in the inline protocol and returns the first reply line.</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        Stream stream = client.GetStream();
        if (_tls is { } tls)
        {
            // The server's own (self-signed) certificate, pinned: this only asks whether it answers.
            using var expected = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(tls.Certificate, tls.Key);
            var pinned = expected.GetCertHashString();
            var ssl = new System.Net.Security.SslStream(stream, false, (_, remote, _, _) => remote?.GetCertHashString() == pinned);
            await ssl.AuthenticateAsClientAsync("127.0.0.1");
            stream = ssl;
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        TestFolders.Delete(Folder);
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_password is not null)
        {
            start.ArgumentList.Add("--requirepass");
            start.ArgumentList.Add(_password);
        }
        if (_tls is { } tls)
        {
            foreach (var arg in new[] { "--tls-port", $"{Port}", "--tls-cert-file", tls.Certificate, "--tls-key-file", tls.Key, "--tls-ca-cert-file", tls.Certificate, "--tls-auth-clients", "no" })
            {
                start.ArgumentList.Add(arg);
            }
        }
        foreach (var arg in new[]
        {
            "--port", _tls is null ? $"{Port}" : "0", "--bind", "127.0.0.1", "--dir", Folder, "--appendonly", "yes", "--appendfsync", "always",
            "--save", "", "--daemonize", "no", "--protected-mode", "yes", "--pidfile", Path.Combine(Folder, "redis.pid"),
        })
        {
            start.ArgumentList.Add(arg);
        }
        _process?.Dispose();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{_binary} did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}:\n{Output}");
            }
            try
            {
                // LOADING while the append-only file replays; PONG once it serves.
                var reply = await CommandAsync("PING");
                if (reply == "+PONG" || (_password is not null && reply.StartsWith("-NOAUTH", StringComparison.Ordinal)))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException)
            {
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"redis-server did not answer PING within 30 s:\n{Output}");
            }
            await Task.Delay(50);
        }
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("STARMAP_REDIS_SERVER");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"STARMAP_REDIS_SERVER names '{configured}', which does not exist");
        }
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("redis-server is not installed: run ./test.sh (it installs it) or apt-get install redis-server");
    }
}
