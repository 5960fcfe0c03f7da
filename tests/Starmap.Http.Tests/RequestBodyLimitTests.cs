using System.Text;

namespace Starmap.Http.Tests;

/// <summary>
/// Bodies on routes that take none. The API fuzz found a GET /api/v1/models carrying an unread 1.1 MB body
/// answered with the whole page, then cut by a connection reset when Kestrel refused to drain the body.
/// </summary>
public sealed class RequestBodyLimitTests(HttpSilo shared)
{
    private const int DefaultLimit = 64 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonNode> PayloadTooLargeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"expected 413, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Responses.Error(JsonNode.Parse(body)!, "payload_too_large", "body");
    }

    [Fact]
    public async Task A_get_with_a_body_over_the_limit_is_answered_413_naming_the_limit_instead_of_the_page()
    {
        using var client = shared.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models")
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('x', 1_100_000))),
        };
        using var response = await client.SendAsync(request, Cancel);

        var message = (string)(await PayloadTooLargeAsync(response))["message"]!;
        Assert.Contains($"{DefaultLimit}-byte", message, StringComparison.Ordinal);
        Assert.Contains("Starmap:Http:MaxRequestBodyBytes", message, StringComparison.Ordinal);
        await client.JsonAsync("/api/v1/models?limit=1");
    }

    [Fact]
    public async Task A_chunked_get_body_over_the_limit_is_answered_413_too()
    {
        using var client = shared.Client();
        // A stream of unknown length goes out chunked: no Content-Length to judge it by.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models")
        {
            Content = new StreamContent(new UnknownLengthStream(new byte[DefaultLimit * 3])),
        };
        using var response = await client.SendAsync(request, Cancel);

        Assert.Null(request.Content.Headers.ContentLength);
        await PayloadTooLargeAsync(response);
    }

    [Fact]
    public async Task A_chunked_post_body_that_grows_past_the_limit_while_read_is_413_in_the_error_shape_naming_the_setting()
    {
        using var client = shared.Client();
        var json = Encoding.UTF8.GetBytes("{\"provider\":\"groq\",\"model\":\"m\",\"usage\":{},\"pad\":\"" + new string('x', DefaultLimit * 2) + "\"}");
        using var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync("/api/v1/cost", content, Cancel);

        var message = (string)(await PayloadTooLargeAsync(response))["message"]!;
        Assert.Contains("Starmap:Http:MaxRequestBodyBytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_with_a_small_body_still_gets_its_whole_page()
    {
        using var client = shared.Client();
        var expected = await client.JsonAsync("/api/v1/models");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/models")
        {
            Content = new StringContent("{\"ignored\":true}", Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.NotEmpty(page["items"]!.AsArray());
        Assert.Equal(expected.ToJsonString(), page.ToJsonString());
    }

    /// <summary>A readable stream that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
