using System.Text.Json;
using Starmap.Catalog.Validation;
using Starmap.Sources.Json;

namespace Starmap.Sources.Tests.Json;

/// <summary>The one JSON-reading toolkit, as provider clients and the models.dev parser both use it.</summary>
public sealed class JsonRecordTests
{
    private static (JsonRecord Record, WarningList Warnings, List<(string Path, string? Value, string Reason)> Refused) Read(string json)
    {
        var warnings = new WarningList();
        var refused = new List<(string, string?, string)>();
        var element = JsonDocument.Parse(json).RootElement.Clone();
        return (new JsonRecord(element, "p/m", warnings, (path, value, reason) => refused.Add((path, value, reason))), warnings, refused);
    }

    [Fact]
    public void A_whole_number_reads_from_a_number_a_whole_decimal_and_a_numeric_string()
    {
        var (record, warnings, _) = Read("""{"a": 128000, "b": 128000.0, "c": "128000", "d": 1.5}""");

        Assert.Equal(new long?[] { 128_000, 128_000, 128_000 }, new[] { record.Long("a"), record.Long("b"), record.Long("c") });
        Assert.Null(record.Long("d"));
        Assert.Equal(["p/m: 'd' is a number, expected a whole number; left unknown"], warnings.ToArray());
    }

    [Fact]
    public void A_year_alone_is_the_first_of_that_year_not_a_unix_second()
    {
        var (record, _, _) = Read("""{"y": "2024", "m": "2024-05", "t": "2024-05-06T23:30:00-02:00", "u": 1714953600}""");

        Assert.Equal(new DateOnly(2024, 1, 1), record.Date("y"));
        Assert.Equal(new DateOnly(2024, 5, 1), record.Date("m"));
        Assert.Equal(new DateOnly(2024, 5, 7), record.Date("t"));
        Assert.Equal(new DateOnly(2024, 5, 6), record.Date("u"));
    }

    [Fact]
    public void A_value_that_cannot_be_read_is_left_unknown_with_a_warning_and_a_refusal_at_its_path_in_the_entry()
    {
        var (record, warnings, refused) = Read("""{"limit": {"context": "big"}, "release_date": "2025-25-11"}""");

        Assert.Null(record.Child("limit")!.Value.Long("context"));
        Assert.Null(record.Date("release_date"));
        Assert.Equal(
            [("limit.context", "\"big\"", "is a string, expected a whole number"), ("release_date", "2025-25-11", "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")],
            refused);
        Assert.Equal(
            ["p/m.limit: 'context' is a string, expected a whole number; left unknown", "p/m: 'release_date' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): 2025-25-11"],
            warnings.ToArray());
    }
}
