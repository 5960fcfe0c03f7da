using System.Net.Http.Headers;
using System.Text;

namespace Starmap.Http.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> of a real silo: it passes Redocly's recommended rules, states the key schemes on
/// every keyed route, and lists every query parameter and response code the routes really give.
/// </summary>
public sealed class OpenApiDocumentTests(HttpSilo shared)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private readonly HttpClient _http = shared.Client();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_passes_redocly_lint_with_the_recommended_rules()
    {
        var path = Path.Combine(Path.GetTempPath(), $"starmap-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await _http.GetStringAsync("/openapi/v1.json", Cancel), Cancel);
        try
        {
            var (exitCode, output) = await NodeTools.RunAsync("node",
                ["node_modules/@redocly/cli/bin/cli.js", "lint", path, "--extends=recommended", "--format=stylish"], TimeSpan.FromMinutes(3));
            Assert.True(exitCode == 0, $"redocly lint found errors (exit code {exitCode}):\n{output}");
            Assert.Contains("valid", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Keyed_routes_name_both_key_schemes_and_only_reads_go_without_a_key()
    {
        var document = await _http.JsonAsync("/openapi/v1.json");
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("http", (string?)schemes["bearer"]!["type"]);
        Assert.Equal("bearer", (string?)schemes["bearer"]!["scheme"]);
        Assert.Equal("apiKey", (string?)schemes["apiKey"]!["type"]);
        Assert.Equal("header", (string?)schemes["apiKey"]!["in"]);
        Assert.Equal("X-Api-Key", (string?)schemes["apiKey"]!["name"]);

        foreach (var (path, method, operation) in Operations(document))
        {
            var security = operation["security"]?.AsArray().Select(r => string.Join(",", r!.AsObject().Select(p => p.Key))).ToList();
            Assert.True(security is not null, $"{method} {path} states no security");
            if (path is "/health" or "/ready")
            {
                Assert.Empty(security);
                continue;
            }
            // Either scheme alone is enough; an empty requirement ({}) means the key is optional.
            Assert.Contains("bearer", security);
            Assert.Contains("apiKey", security);
            var responses = operation["responses"]!.AsObject();
            // Pricing a call posts its usage but changes nothing: a read like the GETs.
            if (method == "get" || path is "/api/v1/cost" or "/api/v1/cost/batch")
            {
                Assert.True(security.Contains(""), $"{method} {path}: reads do not need the key on this silo");
                Assert.False(responses.ContainsKey("401"), $"{method} {path}: this silo never answers a read with 401");
            }
            else
            {
                Assert.False(security.Contains(""), $"{method} {path}: a write must not be documented as anonymous");
                Assert.True(responses.ContainsKey("401") && responses.ContainsKey("403"), $"{method} {path}: a write answers 401 and 403");
            }
        }
    }

    [Fact]
    public async Task Every_query_parameter_a_route_takes_is_documented()
    {
        var document = await _http.JsonAsync("/openapi/v1.json");
        using var keyed = shared.Client(HttpSilo.ApiKey);
        (string Path, string Method, string Url)[] routes =
        [
            ("/api/v1/models", "get", "/api/v1/models"),
            ("/api/v1/models/{provider}/{modelId}", "get", "/api/v1/models/groq/" + HttpSilo.SlashAtId),
            ("/api/v1/providers", "get", "/api/v1/providers"),
            ("/api/v1/providers/{id}", "get", "/api/v1/providers/openai"),
            ("/api/v1/providers/{id}/models", "get", "/api/v1/providers/openai/models"),
            ("/api/v1/authors", "get", "/api/v1/authors"),
            ("/api/v1/authors/{id}", "get", "/api/v1/authors/meta"),
            ("/api/v1/authors/{id}/models", "get", "/api/v1/authors/meta/models"),
            ("/api/v1/endpoints", "get", "/api/v1/endpoints"),
            ("/api/v1/quarantine", "get", "/api/v1/quarantine"),
            ("/api/v1/providers/{id}/sync", "post", "/api/v1/providers/openai/sync"),
            ("/api/v1/providers/{id}/sync/schedule", "get", "/api/v1/providers/openai/sync/schedule"),
            ("/api/v1/providers/{id}/sync/schedule", "delete", "/api/v1/providers/openai/sync/schedule"),
            ("/api/v1/providers/{id}/sync/last", "get", "/api/v1/providers/openai/sync/last"),
            ("/api/v1/sync", "post", "/api/v1/sync"),
            ("/api/v1/sync/runs/{runId}", "get", "/api/v1/sync/runs/no-such-run"),
            ("/api/v1/import", "post", "/api/v1/import"),
            ("/api/v1/updates/stream", "get", "/api/v1/updates/stream"),
            ("/v1/models", "get", "/v1/models"),
            ("/v1/models/{model}", "get", "/v1/models/groq/" + HttpSilo.SlashAtId),
            ("/api/v1/providers/{id}/openai/v1/models", "get", "/api/v1/providers/groq/openai/v1/models"),
            ("/api/v1/providers/{id}/openai/v1/models/{model}", "get", "/api/v1/providers/groq/openai/v1/models/" + HttpSilo.SlashAtId),
            ("/api/v1/openrouter/models", "get", "/api/v1/openrouter/models"),
            ("/api/v1/models/{author}/{slug}/endpoints", "get", $"/api/v1/models/{HttpSilo.ServedTwice}/endpoints"),
            ("/api/v1/models.dev/api.json", "get", "/api/v1/models.dev/api.json"),
            ("/api/v1/cost", "post", "/api/v1/cost"),
            ("/api/v1/cost/batch", "post", "/api/v1/cost/batch"),
        ];
        foreach (var (path, method, url) in routes)
        {
            var documented = document["paths"]![path]![method]!["parameters"]?.AsArray()
                .Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToHashSet() ?? [];
            // feature_<name> is taken for every feature; the route names the fixed ones only.
            documented.RemoveWhere(name => name.StartsWith("feature_", StringComparison.Ordinal));

            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url + "?zz_not_a_parameter=1");
            using var response = await keyed.SendAsync(request, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url}: expected 400, got {(int)response.StatusCode}: {body}");
            var message = (string)Responses.Error(JsonNode.Parse(body)!, "unknown_parameter", "zz_not_a_parameter")["message"]!;
            const string takes = "this route takes: ";
            var accepted = message.Contains(takes, StringComparison.Ordinal)
                ? message[(message.IndexOf(takes, StringComparison.Ordinal) + takes.Length)..].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet()
                : [];
            Assert.True(accepted.SetEquals(documented),
                $"{method} {path}: the route takes [{string.Join(", ", accepted.Order())}] but the document lists [{string.Join(", ", documented.Order())}]");
        }
        var sync = document["paths"]!["/api/v1/providers/{id}/sync"]!["post"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]);
        Assert.Superset(new HashSet<string?> { "dry_run", "force", "source" }, sync.ToHashSet());
        var filters = document["paths"]!["/api/v1/models"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("feature_tool_calls", filters);
        foreach (var (path, method, operation) in Operations(document))
        {
            Assert.All(operation["parameters"]?.AsArray() ?? [], p => Assert.False(string.IsNullOrWhiteSpace((string?)p!["description"]), $"{method} {path}: parameter {p["name"]} has no description"));
        }
    }

    [Fact]
    public async Task Each_response_code_a_route_gives_is_documented()
    {
        var document = await _http.JsonAsync("/openapi/v1.json");
        using var keyed = shared.Client(HttpSilo.ApiKey);
        var etag = (await _http.GetAsync("/api/v1/models?limit=1", Cancel)).Headers.ETag!.Tag;
        var exportTag = (await _http.GetAsync("/v1/models", Cancel)).Headers.ETag!.Tag;

        (string Path, string Method, Func<HttpRequestMessage> Request, HttpClient Client, HttpStatusCode Expected)[] cases =
        [
            ("/api/v1/models", "get", () => Get("/api/v1/models?limit=1", etag), _http, HttpStatusCode.NotModified),
            ("/api/v1/models", "get", () => Get("/api/v1/models?min_generation=999999999"), _http, HttpStatusCode.Conflict),
            ("/api/v1/models", "get", () => Get("/api/v1/models?limit=0"), _http, HttpStatusCode.BadRequest),
            ("/api/v1/models/{provider}/{modelId}", "get", () => Get("/api/v1/models/groq/no-such-model"), _http, HttpStatusCode.NotFound),
            ("/api/v1/providers/{id}", "get", () => Get("/api/v1/providers/no-such-provider"), _http, HttpStatusCode.NotFound),
            ("/api/v1/providers/{id}/models", "get", () => Get("/api/v1/providers/no-such-provider/models"), _http, HttpStatusCode.NotFound),
            ("/api/v1/authors/{id}/models", "get", () => Get("/api/v1/authors/no-such-author/models"), _http, HttpStatusCode.NotFound),
            ("/api/v1/providers/{id}/sync", "post", () => new(HttpMethod.Post, "/api/v1/providers/openai/sync?dry_run=true"), _http, HttpStatusCode.Unauthorized),
            ("/api/v1/providers/{id}/sync", "post", () => new(HttpMethod.Post, "/api/v1/providers/no-such-provider/sync?dry_run=true"), keyed, HttpStatusCode.NotFound),
            ("/api/v1/providers/{id}/sync", "post", () => new(HttpMethod.Post, "/api/v1/providers/openai/sync?dry_run=maybe"), keyed, HttpStatusCode.BadRequest),
            ("/api/v1/providers/{id}/sync/schedule", "put", () => Put("{\"interval\":\"soon\"}"), keyed, HttpStatusCode.BadRequest),
            ("/api/v1/sync", "post", () => new(HttpMethod.Post, "/api/v1/sync?dry_run=true"), _http, HttpStatusCode.Unauthorized),
            ("/api/v1/sync", "post", () => new(HttpMethod.Post, "/api/v1/sync?discover=maybe"), keyed, HttpStatusCode.BadRequest),
            ("/api/v1/sync/runs/{runId}", "get", () => Get("/api/v1/sync/runs/no-such-run"), _http, HttpStatusCode.NotFound),
            ("/api/v1/import", "post", () => new(HttpMethod.Post, "/api/v1/import?dry_run=true"), _http, HttpStatusCode.Unauthorized),
            ("/api/v1/import", "post", () => new(HttpMethod.Post, "/api/v1/import?dry_run=true") { Content = new StringContent("not json", System.Text.Encoding.UTF8, "application/json") }, keyed, HttpStatusCode.BadRequest),
            ("/api/v1/providers/{id}/sync/schedule", "put", () => Put("{\"interval\":\"" + new string(' ', 70 * 1024) + "\"}"), keyed, HttpStatusCode.RequestEntityTooLarge),
            ("/api/v1/providers/{id}/sync/schedule", "delete", () => new(HttpMethod.Delete, "/api/v1/providers/openai/sync/schedule"), _http, HttpStatusCode.Unauthorized),
            ("/v1/models", "get", () => Get("/v1/models", exportTag), _http, HttpStatusCode.NotModified),
            ("/v1/models/{model}", "get", () => Get("/v1/models/groq/no-such-model"), _http, HttpStatusCode.NotFound),
            ("/api/v1/providers/{id}/openai/v1/models", "get", () => Get("/api/v1/providers/no-such-provider/openai/v1/models"), _http, HttpStatusCode.NotFound),
            ("/api/v1/providers/{id}/openai/v1/models/{model}", "get", () => Get("/api/v1/providers/groq/openai/v1/models/no-such-model"), _http, HttpStatusCode.NotFound),
            ("/api/v1/models/{author}/{slug}/endpoints", "get", () => Get("/api/v1/models/nobody/nothing/endpoints"), _http, HttpStatusCode.NotFound),
            ("/api/v1/cost", "post", () => Post("/api/v1/cost", "{\"provider\":\"no-such-provider\",\"model\":\"m\",\"usage\":{}}"), _http, HttpStatusCode.NotFound),
            ("/api/v1/cost", "post", () => Post("/api/v1/cost", "{\"provider\":\"groq\",\"model\":\"m\",\"usage\":{\"input_tokens\":-1}}"), _http, HttpStatusCode.BadRequest),
            ("/api/v1/cost", "post", () => Post("/api/v1/cost", "{}", "text/plain"), _http, HttpStatusCode.UnsupportedMediaType),
            ("/api/v1/cost", "post", () => Post("/api/v1/cost", new string(' ', 70 * 1024)), _http, HttpStatusCode.RequestEntityTooLarge),
            ("/api/v1/cost/batch", "post", () => Post("/api/v1/cost/batch", "{\"items\":7}"), _http, HttpStatusCode.BadRequest),
            // Before the change log starts (generation 0, the empty catalog before the seed, is never readable).
            ("/api/v1/models", "get", () => Get("/api/v1/models?generation=0"), _http, HttpStatusCode.Gone),
            ("/api/v1/providers/{id}/models", "get", () => Get("/api/v1/providers/groq/models?generation=0"), _http, HttpStatusCode.Gone),
            ("/api/v1/cost", "post", () => Post("/api/v1/cost", "{\"provider\":\"groq\",\"model\":\"" + HttpSilo.UnpricedId + "\",\"usage\":{},\"at\":\"2001-01-01\"}"), _http, HttpStatusCode.Gone),
            ("/api/v1/providers/{id}/sync/schedule", "put", () => new(HttpMethod.Put, "/api/v1/providers/openai/sync/schedule") { Content = new StringContent("{\"interval\":\"06:00:00\"}", System.Text.Encoding.UTF8, "text/plain") }, keyed, HttpStatusCode.UnsupportedMediaType),
            ("/api/v1/cost/batch", "post", () => Post("/api/v1/cost/batch", "{}", "text/plain"), _http, HttpStatusCode.UnsupportedMediaType),
            ("/health", "get", () => Get("/health"), _http, HttpStatusCode.OK),
            ("/ready", "get", () => Get("/ready"), _http, HttpStatusCode.OK),
        ];
        foreach (var (path, method, create, client, expected) in cases)
        {
            using var request = create();
            using var response = await client.SendAsync(request, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == expected, $"{request.Method} {request.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
            var status = ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var documented = document["paths"]![path]![method]!["responses"]!.AsObject();
            Assert.True(documented.ContainsKey(status), $"{method} {path} answered {status}, which its documented responses ({string.Join(", ", documented.Select(r => r.Key))}) do not list");
            if ((int)expected >= 400)
            {
                Assert.Equal("#/components/schemas/HttpError", (string?)documented[status]!["content"]!["application/json"]!["schema"]!["$ref"]);
                Responses.Error(JsonNode.Parse(body)!, (string)JsonNode.Parse(body)!["error"]!["code"]!);
            }
        }

        // The shared errors are on every API route; ETag routes take If-None-Match.
        foreach (var (path, method, operation) in Operations(document).Where(o => o.Path is not ("/health" or "/ready")))
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.Any(r => r.Key.StartsWith('2')), $"{method} {path} documents no success response");
            Assert.All(new[] { "400", "429", "503" }, code => Assert.True(responses.ContainsKey(code), $"{method} {path} does not document {code}"));
            Assert.NotNull(responses["429"]!["headers"]?["Retry-After"]);
        }
        var listModels = document["paths"]!["/api/v1/models"]!["get"]!;
        Assert.Contains(listModels["parameters"]!.AsArray(), p => (string?)p!["name"] == "If-None-Match" && (string?)p["in"] == "header");
        Assert.NotNull(listModels["responses"]!["200"]!["headers"]?["ETag"]);
    }

    [Fact]
    public async Task With_keyed_reads_the_document_requires_the_key_on_reads_and_documents_their_401()
    {
        const string key = "openapi-reads-key-7d21";
        var data = await SeededStore.NewFolderAsync("http-openapi-keyed");
        try
        {
            await using var silo = await SiloProcess.StartAsync(data, HttpSilo.Environment(key, ("Starmap__Http__RequireKeyForReads", "true")));
            using var client = new HttpClient { BaseAddress = silo.Http };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var document = await client.JsonAsync("/openapi/v1.json");
            foreach (var (path, method, operation) in Operations(document).Where(o => o.Path is not ("/health" or "/ready")))
            {
                var security = operation["security"]!.AsArray();
                Assert.True(security.Count == 2 && security.All(r => r!.AsObject().Count == 1), $"{method} {path}: {security.ToJsonString()}");
                Assert.True(operation["responses"]!.AsObject().ContainsKey("401"), $"{method} {path} does not document 401");
            }
            using var anonymous = new HttpClient { BaseAddress = silo.Http };
            Responses.Error(await anonymous.JsonAsync("/api/v1/providers/groq/openai/v1/models", HttpStatusCode.Unauthorized), "unauthorized");
            Responses.Error(await anonymous.JsonAsync("/v1/models/groq/x", HttpStatusCode.Unauthorized), "unauthorized");
            using var cost = await anonymous.PostAsync("/api/v1/cost", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, cost.StatusCode);
        }
        finally
        {
            TestFolders.Delete(data);
        }
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key))
            .Select(o => (path.Key, o.Key, o.Value!)));

    private static HttpRequestMessage Get(string url, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(ifNoneMatch));
        }
        return request;
    }

    private static HttpRequestMessage Post(string url, string json, string mediaType = "application/json") =>
        new(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    private static HttpRequestMessage Put(string json) =>
        new(HttpMethod.Put, "/api/v1/providers/openai/sync/schedule") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
