namespace Starmap.Fuzz.Tests;

/// <summary>
/// The whole HTTP API of a real silo process under generated requests: every route and method of
/// <c>/openapi/v1.json</c> with boundary and hostile values, malformed bodies, paths and HTTP, with and
/// without the key. Deterministic from <see cref="FuzzSettings.Seed"/>, printed and named in every failure.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    /// <summary>The silo's resident memory after the run stays under this (it idles near 200 MiB).</summary>
    private const long ResidentBoundMiB = 768;

    private const int Shown = 25;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generated_requests_get_no_5xx_no_stack_trace_in_the_log_only_shaped_errors_and_bounded_memory()
    {
        // The rate limit is lifted here (the next test covers it), so the fuzz reaches the routes rather than 429.
        await using var target = await FuzzTarget.StartAsync(("Starmap__Http__RateLimitPermits", "100000000"));
        var operations = await target.OperationsAsync(Cancel);
        var known = await target.KnownIdsAsync(Cancel);
        var generator = new RequestGenerator(operations, known, FuzzTarget.ApiKey, FuzzSettings.Seed);
        output.WriteLine($"seed {FuzzSettings.Seed}, {FuzzSettings.Requests} requests over {operations.Count} operations, {FuzzSettings.Concurrency} at a time; replay: {FuzzSettings.Replay}");

        var logFrom = target.LogLines().Count;
        var residentBefore = target.ResidentMiB();
        var (findings, statuses, elapsed) = await target.RunAsync(
            Enumerable.Range(0, FuzzSettings.Requests).Select(generator.Generate), FuzzSettings.Concurrency,
            (request, response) => ResponseChecks.Faults(request, response, FuzzTarget.ApiKey), Cancel);

        // After the storm: still alive, still reading.
        Assert.False(target.Silo.HasExited, "the silo exited during the fuzz:\n" + string.Join("\n", target.LogLines().TakeLast(40)));
        var providers = await target.GetAsync("/api/v1/providers", cancellation: Cancel);
        Assert.True(providers.Status == 200, $"GET /api/v1/providers after the fuzz: {providers.Status} {providers.Failure}");
        var residentAfter = target.ResidentMiB();
        var (stackTraces, stackReport) = target.StackTracesSince(logFrom, Shown);
        var logLines = target.LogLines().Count - logFrom;

        output.WriteLine($"{FuzzSettings.Requests} requests in {elapsed.TotalSeconds:0.0} s; statuses {FuzzTarget.Histogram(statuses)}");
        output.WriteLine($"silo RSS {residentBefore} -> {residentAfter} MiB (bound {ResidentBoundMiB}); {logLines} log lines, {stackTraces} with a stack trace");
        output.WriteLine($"{findings.Distinct} distinct faults ({findings.Total} requests)");
        output.WriteLine(findings.Report(200));
        output.WriteLine(stackReport);

        var problems = new List<string>();
        if (findings.Distinct > 0)
        {
            problems.Add($"{findings.Distinct} distinct faults in {findings.Total} answers:\n{findings.Report(Shown)}");
        }
        if (stackTraces > 0)
        {
            problems.Add($"{stackTraces} log entries with a stack trace:\n{stackReport}");
        }
        if (residentAfter > ResidentBoundMiB)
        {
            problems.Add($"the silo holds {residentAfter} MiB after the run (bound {ResidentBoundMiB} MiB; {residentBefore} MiB before)");
        }
        Assert.True(problems.Count == 0, $"seed {FuzzSettings.Seed} (replay: {FuzzSettings.Replay}):\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Without_the_key_only_the_probes_answer_2xx_and_past_the_rate_limit_every_answer_is_a_shaped_429()
    {
        const int permits = 100; // room for every anonymous GET route (38 routes in all since issue 12), the web catalog's files and the probes
        await using var target = await FuzzTarget.StartAsync(
            ("Starmap__Http__RequireKeyForReads", "true"),
            ("Starmap__Http__RateLimitPermits", $"{permits}"),
            ("Starmap__Http__RateLimitWindow", "00:10:00"));
        var operations = await target.OperationsAsync(Cancel);
        var known = await target.KnownIdsAsync(Cancel);
        target.Timeout = TimeSpan.FromSeconds(5); // the dashboard's live trace never ends: its status is all that counts

        // Every GET route (with real IDs) and the operations surfaces, without a key: 401 or 404, never data.
        var generator = new RequestGenerator(operations, known, FuzzTarget.ApiKey, FuzzSettings.Seed);
        var anonymous = operations.Where(o => o.Method == "GET").Select(o => o.PathTemplate)
            .Concat(FuzzValues.ExtraPaths).Concat(["/dashboard/Trace", "/health", "/ready"])
            .Concat(WebCatalogFiles.ByPath.Keys.Where(p => p != "/").Order(StringComparer.Ordinal))
            .Select((path, i) => Anonymous(i, generator.FillForAnonymous(path, operations)))
            .ToList();
        Assert.True(anonymous.Count < permits - 6, "the anonymous slice must fit in the window before the limit");
        var (leaks, statuses, _) = await target.RunAsync(anonymous, 1, (request, response) => LeakFaults(request, response), Cancel);
        output.WriteLine($"anonymous: {FuzzTarget.Histogram(statuses)}");

        // Then past the limit: every answer 429 in the error shape, with a Retry-After inside the window; probes still answer.
        var burst = Enumerable.Range(0, permits + 20).Select(i => Anonymous(1_000 + i, i % 2 == 0 ? "/api/v1/providers" : "/api/v1/models?limit=1")).ToList();
        var seen429 = 0;
        var (limited, burstStatuses, _) = await target.RunAsync(burst, 1, (request, response) =>
        {
            if (response.Status == 429)
            {
                Interlocked.Increment(ref seen429);
                return RateLimitFaults(response);
            }
            return Volatile.Read(ref seen429) > 0 ? [$"{response.Status} after the first 429 in the same window"] : ResponseChecks.Faults(request, response, FuzzTarget.ApiKey);
        }, Cancel);
        output.WriteLine($"burst: {FuzzTarget.Histogram(burstStatuses)}");
        var health = await target.GetAsync("/health", keyed: false, cancellation: Cancel);

        var problems = new List<string>();
        if (leaks.Distinct > 0)
        {
            problems.Add($"without the key:\n{leaks.Report(Shown)}");
        }
        if (seen429 == 0)
        {
            problems.Add($"no 429 after {burst.Count} requests with {permits} permits");
        }
        if (limited.Distinct > 0)
        {
            problems.Add($"past the limit:\n{limited.Report(Shown)}");
        }
        if (health.Status != 200)
        {
            problems.Add($"/health answered {health.Status} while the client was limited (probes are not counted)");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static FuzzRequest Anonymous(int index, string target) =>
        new() { Index = index, Kind = FuzzKind.Route, Method = "GET", Target = target };

    private static IEnumerable<string> LeakFaults(FuzzRequest request, RawResponse response)
    {
        var path = request.Target.Split('?')[0];
        // The web catalog's static files (the page shell "/" and its scripts and style) answer anyone, and must:
        // the page has to load to ask for the key. They are public because they hold no catalog data (every
        // read goes through the API, which asks for the key), so exactly they pass: 200 with the very bytes
        // of the file, nothing added (but the shell's asset version, v/{version}/, in front of its script names).
        if (WebCatalogFiles.ByPath.TryGetValue(path, out var file))
        {
            if (response.Status != 200)
            {
                yield return $"{response.Status} without the key for the web catalog's static {path}: the page shell must load to ask for the key";
            }
            else if (!WebCatalogFiles.Unversioned(path, response.Body).AsSpan().SequenceEqual(file))
            {
                yield return $"{path} answered {response.Body.Length} bytes that are not the static file's {file.Length}";
            }
        }
        // Otherwise only the probes answer anyone.
        else if (response.Status is >= 200 and < 300 && path is not ("/health" or "/ready" or "/health/" or "/ready/"))
        {
            yield return $"{response.Status} without the key while Starmap:Http:RequireKeyForReads is true";
        }
        foreach (var fault in ResponseChecks.Faults(request, response, FuzzTarget.ApiKey))
        {
            yield return fault;
        }
    }

    private static IEnumerable<string> RateLimitFaults(RawResponse response)
    {
        if (ResponseChecks.ShapeFault(response) is { } shape)
        {
            yield return "429: " + shape;
        }
        else if ((string?)JsonNode.Parse(response.Body)!["error"]!["code"] != "rate_limited")
        {
            yield return "429 whose error.code is not rate_limited";
        }
        if (!int.TryParse(response.Header("retry-after"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 600)
        {
            yield return $"429 with Retry-After '{response.Header("retry-after")}' (want whole seconds within the 10 min window)";
        }
    }
}
