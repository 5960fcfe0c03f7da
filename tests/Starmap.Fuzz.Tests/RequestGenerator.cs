using System.Text;

namespace Starmap.Fuzz.Tests;

/// <summary>IDs that exist in the silo's catalog, so generated requests also reach real entities.</summary>
internal sealed record KnownIds(IReadOnlyList<string> Providers, IReadOnlyList<string> Authors, IReadOnlyList<(string Provider, string Model)> Models);

/// <summary>
/// Generates request number <c>i</c> of a run from (seed, i) alone: the same seed gives the same
/// requests in any order and at any concurrency, so one failing request reproduces on its own.
/// </summary>
internal sealed class RequestGenerator(IReadOnlyList<ApiOperation> operations, KnownIds known, string apiKey, int seed)
{
    private readonly ApiOperation[] _withBody = [.. operations.Where(o => o.BodyContentTypes.Count > 0 || o.Method is "POST" or "PUT")];

    public FuzzRequest Generate(int index)
    {
        // Not HashCode.Combine: it is seeded per process, and a seed must reproduce across runs.
        var random = new Random((int)SplitMix(((ulong)(uint)seed << 32) | (uint)index));
        var roll = random.Next(100);
        return roll switch
        {
            < 60 => Route(random, index),
            < 75 => HostilePath(random, index),
            < 87 => Body(random, index),
            < 92 => Limit(random, index),
            _ => Malformed(random, index),
        };
    }

    /// <summary><paramref name="path"/> with real IDs in its route values (a plain path as it is).</summary>
    public string FillForAnonymous(string path, IReadOnlyList<ApiOperation> all) =>
        all.FirstOrDefault(o => o.PathTemplate == path && o.Method == "GET") is { } operation
            ? FillPath(new Random(seed), operation, hostile: 0)
            : path;

    private FuzzRequest Route(Random random, int index)
    {
        var operation = Pick(random, operations);
        var method = random.Next(10) switch
        {
            < 8 => operation.Method,
            8 => operation.Method == "GET" ? "HEAD" : "OPTIONS",
            _ => Pick(random, [.. FuzzValues.UnknownMethods, "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"]),
        };
        var (headers, keyed) = Headers(random);
        var body = Array.Empty<byte>();
        if (operation.BodyContentTypes.Count > 0 && random.Next(10) < 8)
        {
            body = Encoding.UTF8.GetBytes(Pick(random, FuzzValues.JsonBodies));
            headers.Add(("Content-Type", random.Next(10) < 8 ? "application/json" : Pick(random, FuzzValues.ContentTypes)));
        }
        return new FuzzRequest
        {
            Index = index, Kind = FuzzKind.Route, Method = method, Operation = operation,
            Target = FillPath(random, operation, hostile: 0.2) + Query(random, operation),
            Headers = headers, Body = body, HasValidKey = keyed,
        };
    }

    private FuzzRequest HostilePath(Random random, int index)
    {
        var (headers, keyed) = Headers(random);
        if (random.Next(4) == 0)
        {
            var extra = Pick(random, FuzzValues.ExtraPaths);
            return new FuzzRequest
            {
                Index = index, Kind = FuzzKind.Path, Method = random.Next(4) == 0 ? "HEAD" : "GET", Target = extra,
                Headers = headers, HasValidKey = keyed,
            };
        }
        var operation = Pick(random, operations);
        var path = FillPath(random, operation, hostile: 1.0);
        path = random.Next(6) switch
        {
            0 => path + "/",
            1 => path + "/" + Pick(random, FuzzValues.Verbatim),
            2 => path.Replace("/api/v1/", "/api/v1//", StringComparison.Ordinal),
            3 => path + "/../" + Pick(random, ["providers", "models", "..", "%2e%2e"]),
            _ => path,
        };
        return new FuzzRequest
        {
            Index = index, Kind = FuzzKind.Path, Method = random.Next(5) == 0 ? Pick(random, FuzzValues.UnknownMethods) : operation.Method,
            Operation = operation, Target = path + (random.Next(3) == 0 ? Query(random, operation) : ""), Headers = headers, HasValidKey = keyed,
        };
    }

    private FuzzRequest Body(Random random, int index)
    {
        var operation = _withBody.Length > 0 && random.Next(4) > 0 ? Pick(random, _withBody) : Pick(random, operations);
        var (headers, keyed) = Headers(random, keyChance: 8);
        var body = random.Next(12) switch
        {
            0 => Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)),
            1 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000)),
            2 => Encoding.UTF8.GetBytes("{\"interval\":\"" + new string('9', 70_000) + "\"}"),
            3 => Encoding.UTF8.GetBytes("{\"interval\":\"06:00:00\",\"pad\":\"" + new string(' ', 1_100_000) + "\"}"),
            4 => Bytes(random, random.Next(1, 4_096)),
            5 => Encoding.Unicode.GetBytes("{\"interval\":\"06:00:00\"}"),
            _ => Encoding.UTF8.GetBytes(Pick(random, FuzzValues.JsonBodies)),
        };
        if (random.Next(6) > 0)
        {
            headers.Add(("Content-Type", random.Next(2) == 0 ? "application/json" : Pick(random, FuzzValues.ContentTypes)));
        }
        var chunked = random.Next(8) == 0;
        if (chunked)
        {
            headers.Add(("Transfer-Encoding", "chunked"));
            body = [.. Encoding.ASCII.GetBytes($"{body.Length:X}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8.ToArray()];
        }
        return new FuzzRequest
        {
            Index = index, Kind = FuzzKind.Body, Method = random.Next(6) == 0 ? Pick(random, ["GET", "DELETE", "PATCH", "POST", "PUT"]) : operation.Method,
            Operation = operation, Target = FillPath(random, operation, hostile: 0.1), Headers = headers, Body = body,
            AddContentLength = !chunked, HasValidKey = keyed,
        };
    }

    /// <summary>What Kestrel refuses before the app runs; the issue names these: NUL in the path, long URLs and IDs, big headers.</summary>
    private FuzzRequest Limit(Random random, int index)
    {
        var (headers, keyed) = Headers(random);
        var target = "/api/v1/providers";
        switch (random.Next(7))
        {
            case 0:
                target = "/api/v1/providers/" + Pick(random, ["a%00b", "%00", "openai%00"]);
                break;
            case 1:
                target = "/api/v1/models/openai/" + Pick(random, ["gpt%00", "%00/x", "a/%00"]);
                break;
            case 2:
                target = "/api/v1/providers/" + new string('p', random.Next(9_000, 40_000));
                break;
            case 3:
                target = "/api/v1/models?name_contains=" + new string('n', random.Next(9_000, 70_000));
                break;
            case 4:
                headers.Add(("X-Fuzz-Big", new string('h', random.Next(33_000, 70_000))));
                break;
            case 5:
                for (var i = 0; i < 120; i++)
                {
                    headers.Add(($"X-Fuzz-{i}", new string('v', 400)));
                }
                break;
            default:
                headers.Add(("Cookie", new string('c', 40_000)));
                break;
        }
        return new FuzzRequest { Index = index, Kind = FuzzKind.Limit, Method = "GET", Target = target, Headers = headers, HasValidKey = keyed };
    }

    private static FuzzRequest Malformed(Random random, int index)
    {
        const string host = "Host: 127.0.0.1\r\n";
        var text = random.Next(18) switch
        {
            0 => "GET /api/v1/providers HTTP/1.1\r\nConnection: close\r\n\r\n",
            1 => $"GET  /api/v1/providers HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
            2 => $"GET /api/v1/prov\0iders HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
            3 => $"GET /api/v1/providers/open ai HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
            4 => $"GET /api/v1/providers HTTP/9.9\r\n{host}Connection: close\r\n\r\n",
            5 => "GET /api/v1/providers HTTP/1.0\r\n\r\n",
            6 => "GARBAGE\r\n\r\n",
            7 => $"GET http://127.0.0.1/api/v1/providers HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
            8 => $"OPTIONS * HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
            9 => $"CONNECT 127.0.0.1:80 HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
            10 => $"GET /api/v1/providers HTTP/1.1\r\n{host}NoColonHeader\r\nConnection: close\r\n\r\n",
            11 => $"GET /api/v1/providers HTTP/1.1\r\n{host}Bad Header: x\r\nConnection: close\r\n\r\n",
            12 => $"PUT /api/v1/providers/openai/sync/schedule HTTP/1.1\r\n{host}Content-Length: abc\r\nConnection: close\r\n\r\n",
            13 => $"PUT /api/v1/providers/openai/sync/schedule HTTP/1.1\r\n{host}Content-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{{}}",
            14 => $"PUT /api/v1/providers/openai/sync/schedule HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n",
            15 => $"GET /api/v1/providers HTTP/1.1\r\n{host}X-Folded: a\r\n b\r\nConnection: close\r\n\r\n",
            16 => $"GET /api/v1/providers HTTP/1.1\r\n{host}X-Raw-Cr: a\rb\r\nConnection: close\r\n\r\n",
            _ => null,
        };
        byte[] raw;
        if (text is not null)
        {
            raw = Encoding.Latin1.GetBytes(text);
        }
        else if (random.Next(2) == 0)
        {
            // A header value in raw UTF-8 (not ASCII), as a careless client sends it.
            raw = [.. Encoding.ASCII.GetBytes($"GET /api/v1/providers HTTP/1.1\r\n{host}X-Name: "), .. Encoding.UTF8.GetBytes("модель 🚀 \u202E"), .. Encoding.ASCII.GetBytes("\r\nConnection: close\r\n\r\n")];
        }
        else
        {
            raw = [.. Bytes(random, random.Next(1, 512)), .. "\r\n\r\n"u8.ToArray()];
        }
        var firstLine = Encoding.Latin1.GetString(raw).Split('\n')[0].TrimEnd('\r');
        var parts = firstLine.Split(' ');
        return new FuzzRequest
        {
            Index = index, Kind = FuzzKind.Malformed, Method = parts[0], Target = parts.Length > 1 ? parts[1] : "", Raw = raw,
        };
    }

    private (List<(string Name, string Value)> Headers, bool Keyed) Headers(Random random, int keyChance = 7)
    {
        var headers = new List<(string, string)>();
        var roll = random.Next(10);
        var keyed = roll < keyChance - 1;
        if (keyed)
        {
            headers.Add(random.Next(2) == 0 ? ("Authorization", "Bearer " + apiKey) : ("X-Api-Key", apiKey));
        }
        else if (roll == keyChance - 1)
        {
            headers.Add(Pick(random, [
                ("Authorization", "Bearer wrong-key"), ("X-Api-Key", "wrong"), ("Authorization", "Bearer "), ("Authorization", "Basic YTpi"),
                ("Authorization", "Bearer " + apiKey + "x"), ("X-Api-Key", ""), ("Authorization", "Bearer " + new string('k', 5_000)),
                ("Authorization", "bearer " + apiKey.ToUpperInvariant()),
            ]));
        }
        if (random.Next(7) == 0)
        {
            headers.Add(("If-None-Match", Pick(random, ["\"1\"", "\"999999\"", "*", "W/\"1\"", "garbage", "\"-1\"", "", "\"1\", \"2\""])));
        }
        if (random.Next(7) == 0)
        {
            headers.Add(("Accept", Pick(random, ["application/json", "text/html", "*/*", "application/xml", "garbage", "text/event-stream"])));
        }
        if (random.Next(7) == 0)
        {
            headers.Add(("Accept-Encoding", Pick(random, ["gzip", "br", "gzip, br", "identity", "*;q=0", "zstd", "deflate"])));
        }
        if (random.Next(12) == 0)
        {
            headers.Add(("X-Forwarded-For", Pick(random, ["1.2.3.4", "garbage", "::1, 10.0.0.1", "", "999.999.999.999"])));
        }
        if (random.Next(12) == 0)
        {
            headers.Add(("Last-Event-ID", Pick(random, ["5", "-1", "abc", "99999999999999999999", ""])));
        }
        if (random.Next(15) == 0)
        {
            headers.Add(("Origin", "http://evil.example"));
        }
        if (random.Next(20) == 0)
        {
            headers.Add(("Range", "bytes=0-10"));
        }
        return (headers, keyed);
    }

    private string FillPath(Random random, ApiOperation operation, double hostile)
    {
        var path = operation.PathTemplate;
        foreach (var parameter in operation.In("path"))
        {
            var value = random.NextDouble() < hostile ? HostileSegment(random) : Uri.EscapeDataString(Valid(random, parameter, operation));
            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }
        return path;
    }

    private static string HostileSegment(Random random) => random.Next(3) switch
    {
        0 => Pick(random, FuzzValues.Verbatim),
        _ => Uri.EscapeDataString(Pick(random, FuzzValues.Text)),
    };

    private string Query(Random random, ApiOperation operation)
    {
        var pairs = new List<string>();
        foreach (var parameter in operation.In("query"))
        {
            if (random.Next(100) >= 30)
            {
                continue;
            }
            var repeat = random.Next(12) == 0 ? 2 : 1;
            for (var i = 0; i < repeat; i++)
            {
                pairs.Add(Uri.EscapeDataString(parameter.Name) + "=" + Value(random, parameter, operation));
            }
        }
        switch (random.Next(14))
        {
            case 0:
                pairs.Add(Uri.EscapeDataString(Pick(random, FuzzValues.Text)) + "=" + Uri.EscapeDataString(Pick(random, FuzzValues.Text)));
                break;
            case 1:
                pairs.Add("feature_" + Uri.EscapeDataString(Pick(random, ["tool_calls", "nope", "", "\u202E"])) + "=" + Pick(random, FuzzValues.Booleans));
                break;
            case 2:
                pairs.Add(Pick(random, ["", "=", "&", "a", "%", "a=%zz", "=x", "%00=1", "a[]=1", "a.b=1", "dry_run=true", "force=true", "source=models.dev"]));
                break;
        }
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    private string Value(Random random, ApiParameter parameter, ApiOperation operation)
    {
        if (random.Next(100) < 45)
        {
            return Uri.EscapeDataString(Valid(random, parameter, operation));
        }
        var type = parameter.Type.Replace("array:", "", StringComparison.Ordinal);
        var typed = type switch
        {
            "integer" => FuzzValues.Integers,
            "number" => FuzzValues.Numbers,
            "boolean" => FuzzValues.Booleans,
            _ when parameter.Format == "date" => FuzzValues.Dates,
            _ => null,
        };
        return random.Next(3) switch
        {
            0 when typed is not null => Uri.EscapeDataString(Pick(random, typed)),
            1 => Pick(random, FuzzValues.Verbatim),
            _ => Uri.EscapeDataString(Pick(random, FuzzValues.Text)),
        };
    }

    /// <summary>A value of the parameter's documented type, from the real catalog where it names an entity.</summary>
    private string Valid(Random random, ApiParameter parameter, ApiOperation operation)
    {
        if (parameter.Enum.Count > 0)
        {
            return Pick(random, parameter.Enum);
        }
        var type = parameter.Type.Replace("array:", "", StringComparison.Ordinal);
        var template = operation.PathTemplate;
        return (type, parameter.Name) switch
        {
            ("integer", "limit" or "offset") => random.Next(0, 60).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("integer", _) => random.Next(0, 300_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("number", _) => (random.Next(0, 2_000) / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("boolean", _) => random.Next(2) == 0 ? "true" : "false",
            _ when parameter.Format == "date" => new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2_500)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (_, "provider") => Pick(random, known.Providers),
            (_, "author") => Pick(random, known.Authors),
            (_, "modelId") when known.Models.Count > 0 => Pick(random, known.Models).Model,
            (_, "id") when template.Contains("/authors/", StringComparison.Ordinal) => Pick(random, known.Authors),
            (_, "id") when template.Contains("/providers/", StringComparison.Ordinal) => Pick(random, known.Providers),
            (_, "id") when known.Models.Count > 0 => Pick(random, known.Models).Model,
            (_, "sort") => Pick(random, ["id", "name", "release_date", "context", "input_price", "output_price"]),
            (_, "order") => Pick(random, ["asc", "desc"]),
            (_, "status") => Pick(random, ["active", "deprecated", "retired", "preview"]),
            (_, "feature" or "without_feature") => Pick(random, ["tool_calls", "streaming", "reasoning"]),
            (_, "modality_input" or "modality_output") => Pick(random, ["text", "image", "audio"]),
            (_, "source") => Pick(random, ["provider-api", "models.dev"]),
            _ => Pick(random, ["gpt", "gpt*", "llama", "a"]),
        };
    }

    /// <summary>SplitMix64's finaliser: neighbouring (seed, index) pairs give unrelated streams.</summary>
    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
