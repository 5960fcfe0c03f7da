namespace Starmap.Fuzz.Tests;

/// <summary>
/// Values the fuzzer tries. <see cref="Text"/> values are percent-encoded before they go into a URL;
/// <see cref="Verbatim"/> tokens go in as they are (already URL-safe bytes), so "..", "%00" and "%2F"
/// reach the server undecoded.
/// </summary>
internal static class FuzzValues
{
    public static readonly string[] Text =
    [
        "", " ", "  a  ", "a", "x", "0", "-1", "null", "undefined", "true", "[]", "{}", "NaN",
        new string('x', 300), new string('é', 2_000), new string('a', 6_000),
        "модель-ü-模型-🚀", "😀😀😀", "e\u0301\u0301\u0301", "İı", "ß", "ﬁ", "\uFEFFopenai",
        "\0", "a\0b", "\u0001\u0002\u001f\u007f", "\r\n", "a\nb", "a\rb", "\t",
        "\u202Egpt-4o", "gpt\u200B4o", "\u2066x\u2069", "\uFFFD",
        "..", "../..", ".", "a/b", "/", "//", "\\", "..\\..", "%", "%00", "%2F", "%zz",
        "*", "?", "#", "&", "=", ";", "'", "\"", "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x}",
        "{{7*7}}", "%s%s%n", "{0}", "CON", "nul", "openai*", "*gpt*", "[a-z]", "gpt-4o,", ",,,", "a,b,,c",
    ];

    public static readonly string[] Verbatim =
    [
        "%00", "a%00b", "%2F", "%2f", "..", "%2E%2E", "%2e%2e%2f", "%zz", "%", "%C0%AE", "%FF", "%ED%A0%80",
        "%E2%80%AE", "%E2%81%A6", "%E2%81%A9", "%0A", "%0D%0A", "%20", "%09", "%20%20", "+", "%25", "//", "/./", "%5C", "%EF%BB%BF", "%F0%9F%9A%80",
    ];

    public static readonly string[] Integers =
    [
        "0", "1", "10", "100", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999999999", "1.5", "1e3", "abc",
        "", " 1", "+1", "0x10", "١٢٣", "1_000", "007",
    ];

    public static readonly string[] Numbers =
    [
        "0", "2.5", "-0.0", "-1", "1e309", "NaN", "Infinity", "-Infinity", "79228162514264337593543950336",
        "0.0000000000000000000000000001", "1,5", "1.2.3", "", "$5", "5e-324",
    ];

    public static readonly string[] Booleans = ["true", "false", "TRUE", "False", "1", "0", "yes", "", "null"];

    public static readonly string[] Dates =
    [
        "2025-01-31", "2024-02-29", "2025-02-29", "2025-13-45", "0001-01-01", "9999-12-31", "10000-01-01",
        "2025-1-1", "-2025-01-01", "2025-01-31T00:00:00Z", "31/01/2025", "",
    ];

    /// <summary>Bodies for routes that take JSON, and for routes that take none.</summary>
    public static readonly string[] JsonBodies =
    [
        """{"interval":"06:00:00"}""", """{"interval":"1.00:00:00"}""", """{"interval":"00:00:01"}""",
        """{"interval":"3000000.00:00:00"}""", """{"interval":"10675199.02:48:05.4775807"}""", """{"interval":"99999999.00:00:00"}""",
        """{"interval":"-06:00:00"}""", """{"interval":"00:00:00"}""", """{"interval":"often"}""", """{"interval":""}""",
        """{"interval":21600}""", """{"interval":null}""", """{"interval":["06:00:00"]}""", """{"interval":{"hours":6}}""",
        """{"interval":"06:00:00","extra":1}""", """{"Interval":"06:00:00"}""", """{"interval":"06:00:00","interval":"07:00:00"}""",
        """{"interval":"\ud800"}""", """{"interval":"06:00:00\u0000"}""", """{"\u202Einterval":"06:00:00"}""",
        """{"\udc00":"06:00:00"}""", """{"interval":"06:00:00","\ud800x":1}""", """{"interval":"\udc00\ud800"}""",
        "{}", "[]", "null", "1", "\"x\"", "true", "{", "{\"interval\":", "{\"interval\":\"06:00:00\"", "}", "",
        "{'interval':'06:00:00'}", "{interval:06:00:00}", "\u0000", "\uFEFF{\"interval\":\"06:00:00\"}",
        "{\"interval\":\"06:00:00\"} trailing", "/* c */ {\"interval\":\"06:00:00\"}", "[{\"interval\":\"06:00:00\"}]",
    ];

    public static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/json",
        "application/problem+json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "a/b/c;;", "", "application/json; charset=nope",
        "*/*", "application/vnd.api+json",
    ];

    public static readonly string[] UnknownMethods = ["FOO", "PROPFIND", "M-SEARCH", "get", "Delete", "PURGE", "LINK", "QUERY", "TRACE", "PATCH"];

    /// <summary>Paths outside the OpenAPI document: operations surfaces, guesses, case and slash variants.</summary>
    public static readonly string[] ExtraPaths =
    [
        "/", "/metrics", "/dashboard/", "/dashboard", "/favicon.ico", "/api", "/api/v1", "/api/v1/", "/API/V1/MODELS",
        "/api/v1/models/", "/api//v1/models", "/openapi/v1.json", "/openapi/v2.json", "/openapi", "/swagger/index.html",
        "/.env", "/.git/config", "/api/v1/providers/openai/sync/schedule/extra", "/v1/models/", "/v1/models/gpt-4o",
        "/health/", "/ready/", "/api/v1/updates", "/api/v1/models/openai", "/api/v1/providers/", "/api/v1/authors/",
    ];
}
