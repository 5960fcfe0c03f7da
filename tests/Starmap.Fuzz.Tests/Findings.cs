using System.Collections.Concurrent;
using System.Text;

namespace Starmap.Fuzz.Tests;

/// <summary>
/// Distinct faults of a run: one entry per (fault, route, status), with its first example request and
/// answer and how often it happened, so a failure message lists what to fix rather than 10,000 lines.
/// </summary>
internal sealed class Findings
{
    private readonly ConcurrentDictionary<string, Finding> _distinct = new(StringComparer.Ordinal);
    private int _order;

    public sealed record Finding(int Order, string Fault, string Where, int Status, string Request, string Answer)
    {
        public int Count { get; set; } = 1;
    }

    public int Distinct => _distinct.Count;

    public int Total => _distinct.Values.Sum(f => f.Count);

    public void Add(string fault, FuzzRequest request, RawResponse response)
    {
        var where = request.Operation is { } operation ? operation.ToString()
            : request.Kind == FuzzKind.Malformed ? $"{request.Kind} {FuzzRequest.Printable(request.Method)}"
            : $"{FuzzRequest.Printable(request.Method)} {FuzzRequest.Printable(Cut(request.Target.Split('?')[0], 80))}";
        if (request.Operation is not null && request.Method != request.Operation.Method)
        {
            where = $"{FuzzRequest.Printable(request.Method)} on {where}";
        }
        var key = $"{fault}|{where}|{response.Status}";
        _distinct.AddOrUpdate(key,
            _ => new Finding(Interlocked.Increment(ref _order), fault, where, response.Status, request.Describe(), Excerpt(response)),
            (_, existing) =>
            {
                lock (existing)
                {
                    existing.Count++;
                }
                return existing;
            });
    }

    public string Report(int first)
    {
        var builder = new StringBuilder();
        foreach (var finding in _distinct.Values.OrderBy(f => f.Order).Take(first))
        {
            builder.AppendLine($"- {finding.Fault} — {finding.Where} → {(finding.Status == 0 ? "no answer" : finding.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} ({finding.Count}x)");
            builder.AppendLine($"    request: {finding.Request}");
            builder.AppendLine($"    answer:  {finding.Answer}");
        }
        if (_distinct.Count > first)
        {
            builder.AppendLine($"... and {_distinct.Count - first} more distinct faults");
        }
        return builder.ToString();
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] + "..." : text;

    private static string Excerpt(RawResponse response)
    {
        if (response.Failure is not null)
        {
            return response.Failure;
        }
        var type = response.Header("content-type") ?? "no content type";
        var body = response.BodyText;
        return $"{response.Status} [{type}] " + FuzzRequest.Printable(body.Length > 240 ? body[..240] + "..." : body);
    }
}
