using System.Text;

namespace Starmap.Http.Tests;

/// <summary>
/// Inputs the API fuzz found answering 500 or outside the error shape: IDs made only of whitespace,
/// JSON strings that are not text (escaped lone surrogates), unknown OpenAPI documents, bidi controls.
/// </summary>
public sealed class HostileInputTests(HttpSilo shared)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> BlankIds => ["%20", "%09", "%0A", "%0D%0A", "%20%20"];

    private static async Task<JsonNode> ErrorAsync(HttpResponseMessage response, int status, string code, string? parameter = null)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == (int)response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Responses.Error(JsonNode.Parse(body)!, code, parameter);
    }

    [Theory]
    [MemberData(nameof(BlankIds))]
    public async Task A_provider_or_author_id_of_only_whitespace_answers_400_naming_the_id_on_every_route(string blank)
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        var requests = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/providers/{blank}", null),
            (HttpMethod.Get, $"/api/v1/providers/{blank}/models", null),
            (HttpMethod.Get, $"/api/v1/authors/{blank}", null),
            (HttpMethod.Get, $"/api/v1/authors/{blank}/models", null),
            (HttpMethod.Post, $"/api/v1/providers/{blank}/sync?dry_run=true", null),
            (HttpMethod.Get, $"/api/v1/providers/{blank}/sync/last", null),
            (HttpMethod.Get, $"/api/v1/providers/{blank}/sync/schedule", null),
            (HttpMethod.Put, $"/api/v1/providers/{blank}/sync/schedule", "{\"interval\":\"06:00:00\"}"),
            (HttpMethod.Delete, $"/api/v1/providers/{blank}/sync/schedule", null),
            (HttpMethod.Get, $"/api/v1/providers/{blank}/sync/runs/r1", null),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request, Cancel);
            await ErrorAsync(response, 400, "invalid_parameter", "id");
        }
    }

    [Fact]
    public async Task A_schedule_interval_that_is_not_text_answers_400_naming_interval()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        // "\ud800" is valid JSON but no text: reading it as a string throws.
        using var response = await client.PutAsync("/api/v1/providers/groq/sync/schedule",
            new StringContent("{\"interval\":\"\\ud800\"}", Encoding.UTF8, "application/json"), Cancel);
        await ErrorAsync(response, 400, "invalid_parameter", "interval");
    }

    [Fact]
    public async Task A_schedule_body_field_name_that_is_not_text_answers_400_naming_the_body()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using var response = await client.PutAsync("/api/v1/providers/groq/sync/schedule",
            new StringContent("{\"\\udc00x\":\"06:00:00\"}", Encoding.UTF8, "application/json"), Cancel);
        await ErrorAsync(response, 400, "invalid_parameter", "body");
    }

    [Theory]
    [InlineData("/openapi/v2.json")]
    [InlineData("/openapi/V1.json")]
    [InlineData("/openapi/%E2%80%AE.json")]
    public async Task An_unknown_openapi_document_answers_404_in_the_error_shape(string path)
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using var response = await client.GetAsync(path, Cancel);
        var error = await ErrorAsync(response, 404, "not_found");
        Assert.DoesNotContain('\u202e', (string)error["message"]!);

        using var document = await client.GetAsync("/openapi/v1.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_in_the_error_shape()
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using var response = await client.GetAsync("/api/v1/nothing-here", Cancel);
        await ErrorAsync(response, 404, "not_found");
    }

    [Theory]
    [InlineData("%E2%80%AE")]
    [InlineData("%E2%81%A6")]
    [InlineData("%E2%81%A9")]
    public async Task Bidi_controls_in_an_id_are_escaped_in_the_error_message(string bidi)
    {
        using var client = shared.Client(HttpSilo.ApiKey);
        using var response = await client.GetAsync($"/api/v1/providers/a{bidi}b", Cancel);
        var message = (string)(await ErrorAsync(response, 400, "invalid_parameter", "id"))["message"]!;
        var raw = Uri.UnescapeDataString(bidi);
        Assert.DoesNotContain(raw, message, StringComparison.Ordinal);
        Assert.Contains($"\\u{(int)raw[0]:x4}", message, StringComparison.Ordinal);
    }
}
