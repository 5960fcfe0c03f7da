using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Starmap.Fuzz.Tests;

/// <summary>Settings of a run, from the environment so a failing CI run can be replayed exactly.</summary>
internal static class FuzzSettings
{
    public const string SeedVariable = "STARMAP_FUZZ_SEED";
    public const string RequestsVariable = "STARMAP_FUZZ_REQUESTS";

    /// <summary>The seed: <c>STARMAP_FUZZ_SEED</c>, else a new one per run (printed, and named in every failure).</summary>
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var seed)
        ? seed
        : Random.Shared.Next(1, int.MaxValue);

    public static int Requests { get; } = int.TryParse(Environment.GetEnvironmentVariable(RequestsVariable), CultureInfo.InvariantCulture, out var count) && count > 0
        ? count
        : 10_000;

    /// <summary>Requests in flight at once: enough to overlap grain calls, few enough for a 2-core machine.</summary>
    public static int Concurrency { get; } = int.TryParse(Environment.GetEnvironmentVariable("STARMAP_FUZZ_CONCURRENCY"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 4;

    public static string Replay => $"{SeedVariable}={Seed} {RequestsVariable}={Requests} dotnet test tests/Starmap.Fuzz.Tests -c Release";
}

/// <summary>A silo process for fuzzing and the plumbing around it: its routes, its IDs, its memory, its log.</summary>
internal sealed class FuzzTarget : IAsyncDisposable
{
    public const string ApiKey = "fuzz-key-8d2c61f04b3a4e77";

    private readonly string _data;

    private FuzzTarget(string data, SiloProcess silo)
    {
        _data = data;
        Silo = silo;
    }

    public SiloProcess Silo { get; }

    public static async Task<FuzzTarget> StartAsync(params (string Name, string Value)[] settings)
    {
        var data = await SeededStore.NewFolderAsync("fuzz");
        var environment = new Dictionary<string, string?>
        {
            ["STARMAP_API_KEY"] = ApiKey,
            ["OPENAI_API_KEY"] = null,
            ["ANTHROPIC_API_KEY"] = null,
            ["GROQ_API_KEY"] = null,
            ["OPENROUTER_API_KEY"] = null,
            ["GOOGLE_API_KEY"] = null,
            ["GEMINI_API_KEY"] = null,
            ["DEEPSEEK_API_KEY"] = null,
            ["MISTRAL_API_KEY"] = null,
            ["CEREBRAS_API_KEY"] = null,
            ["MOONSHOT_API_KEY"] = null,
            // Syncs never leave the machine and fail fast: models.dev is a closed local port.
            ["Starmap__Sources__ModelsDevUrl"] = $"http://127.0.0.1:{SiloProcess.FreePort()}/api.json",
            ["Starmap__Sources__MaxRetries"] = "0",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }
        return new FuzzTarget(data, await SiloProcess.StartAsync(data, environment));
    }

    /// <summary>How long one answer may take; a 2xx still streaming then counts as answered.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public Task<RawResponse> SendAsync(FuzzRequest request, CancellationToken cancellation) =>
        RawHttp.SendAsync(Silo.HttpPort, request.ToBytes(Silo.HttpPort), Timeout, cancellation);

    /// <summary>A plain keyed GET (for setup: the document, the IDs).</summary>
    public async Task<RawResponse> GetAsync(string target, bool keyed = true, CancellationToken cancellation = default)
    {
        var request = new FuzzRequest
        {
            Index = -1, Kind = FuzzKind.Route, Method = "GET", Target = target,
            Headers = keyed ? [("X-Api-Key", ApiKey)] : [], HasValidKey = keyed,
        };
        return await SendAsync(request, cancellation);
    }

    public async Task<IReadOnlyList<ApiOperation>> OperationsAsync(CancellationToken cancellation)
    {
        var answer = await GetAsync("/openapi/v1.json", cancellation: cancellation);
        Assert.True(answer.Status == 200, $"/openapi/v1.json: {answer.Status} {answer.Failure} {answer.BodyText}");
        var operations = ApiDescription.Parse(JsonNode.Parse(answer.Body)!);
        Assert.True(operations.Count >= 10, $"only {operations.Count} operations in /openapi/v1.json");
        return operations;
    }

    public async Task<KnownIds> KnownIdsAsync(CancellationToken cancellation)
    {
        async Task<JsonArray> ItemsAsync(string target)
        {
            var answer = await GetAsync(target, cancellation: cancellation);
            Assert.True(answer.Status == 200, $"{target}: {answer.Status} {answer.Failure}");
            return JsonNode.Parse(answer.Body)!["items"]!.AsArray();
        }
        var providers = (await ItemsAsync("/api/v1/providers")).Select(p => (string)p!["id"]!).ToList();
        var authors = (await ItemsAsync("/api/v1/authors")).Select(a => (string)a!["id"]!).ToList();
        var models = (await ItemsAsync("/api/v1/models?limit=500")).Select(m => ((string)m!["offering"]!["provider_id"]!, (string)m["offering"]!["model_id"]!)).ToList();
        return new KnownIds(providers, authors, models);
    }

    /// <summary>Resident memory of the silo process (VmRSS), in MiB.</summary>
    public long ResidentMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{Silo.ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }
        throw new InvalidOperationException("no VmRSS in /proc/<pid>/status");
    }

    /// <summary>The silo's output lines so far.</summary>
    public IReadOnlyList<string> LogLines() => Silo.Output.Split(Environment.NewLine);

    /// <summary>Sends every request with <paramref name="concurrency"/> in flight and records each fault.</summary>
    public async Task<(Findings Findings, Dictionary<int, int> Statuses, TimeSpan Elapsed)> RunAsync(
        IEnumerable<FuzzRequest> requests, int concurrency, Func<FuzzRequest, RawResponse, IEnumerable<string>> judge, CancellationToken cancellation)
    {
        var findings = new Findings();
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellation }, async (request, token) =>
        {
            var response = await SendAsync(request, token);
            lock (statuses)
            {
                statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
            }
            foreach (var fault in judge(request, response))
            {
                findings.Add(fault, request, response);
            }
        });
        return (findings, statuses, clock.Elapsed);
    }

    public static string Histogram(Dictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "none" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value}"));

    /// <summary>Error entries with a stack trace logged after line <paramref name="from"/>, first <paramref name="first"/> distinct.</summary>
    public (int Count, string Report) StackTracesSince(int from, int first)
    {
        var entries = SiloLog.Entries([.. LogLines().Skip(from)]).Where(e => e.HasStackTrace).ToList();
        var builder = new StringBuilder();
        foreach (var group in entries.GroupBy(e => SiloLog.Shape(e.Summary)).Take(first))
        {
            builder.AppendLine($"- ({group.Count()}x) {FuzzRequest.Printable(group.First().Summary)}");
        }
        return (entries.Count, builder.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        TestFolders.Delete(_data);
    }
}
