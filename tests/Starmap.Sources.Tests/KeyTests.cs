using Starmap.Sources.Keys;
using Starmap.Sources.Tests.Support;
using Starmap.Testing;
using static Starmap.Sources.Tests.Support.TestProviders;

namespace Starmap.Sources.Tests;

public sealed class KeyTests
{
    private const string Secret = "sk-SECRET-4f1c9a7e2b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_required_key_skips_the_source_without_a_request()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"data":[]}"""));

        var outcome = await h.Api.FetchAsync(OpenAI(h.Server), Ct);
        var status = h.Keys.GetStatus(OpenAI(h.Server));

        Assert.Equal("OPENAI_API_KEY is not set", outcome.SkipReason);
        Assert.Null(outcome.Observation);
        Assert.Empty(h.Server.Requests);
        Assert.True(status.Required);
        Assert.False(status.Present);
        Assert.True(status.Blocks);
    }

    [Fact]
    public async Task First_set_variable_wins_and_status_names_it()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1beta/models", ReplayResponse.Json("""{"models":[]}"""));
        h.Environment["GOOGLE_API_KEY"] = "first";
        h.Environment["GEMINI_API_KEY"] = "second";

        await h.ObserveAsync(Google(h.Server));
        var status = h.Keys.GetStatus(Google(h.Server));

        Assert.Equal("first", h.Server.Requests.Single().Header("x-goog-api-key"));
        Assert.Equal(new KeyStatus { ProviderId = "google-ai-studio", Required = true, Present = true, EnvVar = "GOOGLE_API_KEY", EnvVars = ["GOOGLE_API_KEY", "GEMINI_API_KEY"] }, status);
    }

    [Fact]
    public async Task A_key_that_fails_the_pattern_skips_without_echoing_it()
    {
        await using var h = await Harness.StartAsync();
        h.Environment["ANTHROPIC_API_KEY"] = "wrong-" + Secret;

        var outcome = await h.Api.FetchAsync(Anthropic(h.Server), Ct);

        Assert.Equal("ANTHROPIC_API_KEY does not match the expected key pattern ^sk-ant-", outcome.SkipReason);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task Header_key_appears_only_in_its_header_never_in_url_messages_or_logs()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 1);
        // The error body echoes the key, as some APIs do: it must still not leave the source.
        h.Server.Map("/v1/models", ReplayResponse.WithStatus(503, $$"""{"error":"overloaded for key {{Secret}}"}"""));
        h.Environment["OPENAI_API_KEY"] = Secret;

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest { Sources = [SourceIds.ProviderApi] }, Ct);

        var report = result.Report(SourceIds.ProviderApi)!;
        Assert.Equal(SourceStatus.Failed, report.Status);
        Assert.Contains("***", report.Error);
        foreach (var request in h.Server.Requests)
        {
            Assert.Equal("Bearer " + Secret, request.Header("Authorization"));
            Assert.DoesNotContain(Secret, request.PathAndQuery);
            Assert.Single(request.Headers, header => header.Value.Contains(Secret, StringComparison.Ordinal));
        }
        AssertNowhere(Secret, h, report, result.Key.ToString());
    }

    [Fact]
    public async Task Query_parameter_key_travels_only_in_the_query_and_is_masked_everywhere_else()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 1);
        h.Server.Map("/v1/models", ReplayResponse.WithStatus(500, $"key {Secret} exploded"));
        h.Environment["QUERY_KEY"] = Secret;
        var provider = OpenAI(h.Server) with
        {
            Auth = new ProviderAuth { ApiKeyEnvVars = ["QUERY_KEY"], QueryParameter = "key" },
        };

        var result = await h.Fetcher.FetchAsync(provider, new SyncRequest { Sources = [SourceIds.ProviderApi] }, Ct);

        var report = result.Report(SourceIds.ProviderApi)!;
        Assert.Equal(SourceStatus.Failed, report.Status);
        Assert.Equal(h.Server.Url("/v1/models"), report.Location);
        foreach (var request in h.Server.Requests)
        {
            Assert.Equal(Secret, request.Query["key"]);
            Assert.Null(request.Header("Authorization"));
            Assert.DoesNotContain(request.Headers, header => header.Value.Contains(Secret, StringComparison.Ordinal));
        }
        AssertNowhere(Secret, h, report, result.Key.ToString());
    }

    public static TheoryData<int, string, string> EchoesCutThroughTheKey => new()
    {
        // An error body's excerpt is cut at 300 characters: this one cuts ten characters into the key.
        { 401, "text/plain", new string('E', 290) + Secret + " tail" },
        // An HTML page's excerpt is cut at 60 characters: the same, on a page answered with 200.
        { 200, "text/html", "<html>" + new string('E', 44) + Secret + "</html>" },
    };

    [Theory]
    [MemberData(nameof(EchoesCutThroughTheKey))]
    public async Task A_key_echoed_where_a_message_is_cut_short_leaves_no_part_of_it_in_the_message_or_logs(int status, string contentType, string body)
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        h.Server.Map("/v1/models", new ReplayResponse { Status = status, Body = body, ContentType = contentType });
        h.Environment["OPENAI_API_KEY"] = Secret;

        var result = await h.Fetcher.FetchAsync(OpenAI(h.Server), new SyncRequest { Sources = [SourceIds.ProviderApi] }, Ct);

        var report = result.Report(SourceIds.ProviderApi)!;
        Assert.Equal(SourceStatus.Failed, report.Status);
        Assert.Contains("EEEE", report.Error, StringComparison.Ordinal);
        // Not even the start the cut left ("sk-SECRET-"): any six characters of the key count as a leak.
        var pieces = Enumerable.Range(0, Secret.Length - 5).Select(i => Secret.Substring(i, 6)).ToList();
        Assert.All(pieces, piece => Assert.DoesNotContain(piece, report.Error!, StringComparison.Ordinal));
        Assert.All(h.Logs.Messages, m => Assert.All(pieces, piece => Assert.DoesNotContain(piece, m, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("error: sk-SECRET-4f...", "error: ***...")]
    [InlineData("error: sk-SECRET-4f\u2026 more", "error: ***\u2026 more")]
    [InlineData("ends with sk-SECR", "ends with ***")]
    [InlineData("whole sk-SECRET-4f1c9a7e2b twice sk-SECRET-4f1c9a7e2b", "whole *** twice ***")]
    [InlineData("sk-S... is too short a start to be the key", "sk-S... is too short a start to be the key")]
    public void Scrubbing_masks_the_whole_key_and_a_start_of_it_left_where_text_was_cut(string text, string expected) =>
        Assert.Equal(expected, Starmap.Sources.Http.Secrets.Scrub(text, Secret));

    [Fact]
    public async Task Successful_observation_carries_no_key()
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"data":[{"id":"gpt-4o","owned_by":"system"}]}"""));
        h.Environment["QUERY_KEY"] = Secret;
        var provider = OpenAI(h.Server) with { Auth = new ProviderAuth { ApiKeyEnvVars = ["QUERY_KEY"], QueryParameter = "api_key" } };

        var result = await h.Fetcher.FetchAsync(provider, new SyncRequest { Sources = [SourceIds.ProviderApi] }, Ct);

        var observation = result.Observation(SourceIds.ProviderApi)!;
        Assert.Equal(h.Server.Url("/v1/models"), observation.Location);
        Assert.DoesNotContain(Secret, Starmap.Catalog.Json.StarmapJson.Serialize(observation));
        AssertNowhere(Secret, h, result.Report(SourceIds.ProviderApi)!, result.Key.ToString());
    }

    [Theory]
    [InlineData("PATH")]
    [InlineData("DATABASE_URL")]
    [InlineData("AZURE_RESOURCE_NAME")]
    public async Task A_variable_whose_name_names_no_credential_is_never_read_as_a_key_or_sent(string variable)
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"data":[]}"""));
        h.Environment[variable] = "not-a-key-" + Secret;
        var provider = OpenAI(h.Server) with { Auth = new ProviderAuth { ApiKeyEnvVars = [variable], KeyRequired = true } };

        var outcome = await h.Api.FetchAsync(provider, Ct);
        var status = h.Keys.GetStatus(provider);

        Assert.Null(outcome.Observation);
        Assert.Empty(h.Server.Requests);
        Assert.False(status.Present);
        Assert.Equal($"{variable} does not name a credential (a variable named like *_API_KEY, *_TOKEN, *_SECRET, *_PAT); no key is sent", status.Problem);
    }

    [Theory]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("CLARIFAI_PAT", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("GOOGLE_APPLICATION_CREDENTIALS", true)]
    [InlineData("PATH", false)]
    [InlineData("HOME", false)]
    [InlineData("KEYBOARD_LAYOUT", false)]
    [InlineData("CLOUDFLARE_ACCOUNT_ID", false)]
    public void A_credential_variable_is_one_with_a_name_part_that_says_so(string name, bool credential) =>
        Assert.Equal(credential, ApiKeyResolver.IsCredentialName(name));

    [Fact]
    public async Task A_key_is_never_sent_over_plain_http_to_another_host_and_nothing_is_requested()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        h.Environment["OPENAI_API_KEY"] = Secret;
        // A host that is not this machine (a documentation address, RFC 5737): the refusal comes before any request.
        var openai = OpenAI(h.Server);
        var provider = openai with { Catalog = openai.Catalog! with { Endpoint = openai.Catalog.Endpoint! with { Url = "http://192.0.2.10/v1/models" } } };

        var result = await h.Fetcher.FetchAsync(provider, new SyncRequest { Sources = [SourceIds.ProviderApi] }, Ct);

        var report = result.Report(SourceIds.ProviderApi)!;
        Assert.Equal(SourceStatus.Failed, report.Status);
        Assert.Contains("an API key is sent only over https (or to this machine)", report.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, report.Error!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_resolver_reads_the_process_environment_at_call_time()
    {
        var name = "STARMAP_TEST_KEY_" + Guid.NewGuid().ToString("N");
        var resolver = new ApiKeyResolver(Microsoft.Extensions.Options.Options.Create(new SourceOptions()));
        var provider = new Provider { Id = "p", Name = "P", Auth = new ProviderAuth { ApiKeyEnvVars = [name] } };
        try
        {
            var before = resolver.GetStatus(provider);
            Environment.SetEnvironmentVariable(name, "value-1");
            var after = resolver.GetStatus(provider);

            Assert.Equal($"{name} is not set", before.Problem);
            Assert.True(after.Present);
            Assert.Equal(name, after.EnvVar);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Theory]
    [InlineData(AuthScheme.Bearer, "Bearer k-1")]
    [InlineData(AuthScheme.Basic, "Basic k-1")]
    [InlineData(AuthScheme.Direct, "k-1")]
    public async Task Scheme_prefixes_the_header_value(AuthScheme scheme, string expected)
    {
        await using var h = await Harness.StartAsync();
        h.Server.Map("/v1/models", ReplayResponse.Json("""{"data":[]}"""));
        h.Environment["CUSTOM_KEY"] = "k-1";
        var provider = OpenAI(h.Server) with { Auth = new ProviderAuth { ApiKeyEnvVars = ["CUSTOM_KEY"], Header = "X-Custom-Auth", Scheme = scheme } };

        await h.ObserveAsync(provider);

        var request = h.Server.Requests.Single();
        Assert.Equal(expected, request.Header("X-Custom-Auth"));
        Assert.Null(request.Header("Authorization"));
    }

    private static void AssertNowhere(string secret, Harness h, SourceReport report, string keyStatus)
    {
        Assert.DoesNotContain(secret, report.Error ?? "");
        Assert.DoesNotContain(secret, report.Location ?? "");
        Assert.DoesNotContain(secret, keyStatus);
        Assert.NotEmpty(h.Logs.Messages);
        Assert.All(h.Logs.Messages, m => Assert.DoesNotContain(secret, m));
    }
}
