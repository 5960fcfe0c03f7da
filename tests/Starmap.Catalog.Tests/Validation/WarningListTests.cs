using Starmap.Catalog.Validation;

namespace Starmap.Catalog.Tests.Validation;

/// <summary>The one warnings collector of the sources and the file formats.</summary>
public sealed class WarningListTests
{
    [Fact]
    public void A_warning_is_kept_once_in_the_order_first_seen_and_those_past_the_cap_are_counted()
    {
        var warnings = new WarningList();
        warnings.Add("b");
        warnings.Add("a");
        warnings.Add("b");
        for (var i = 0; i < 250; i++)
        {
            warnings.Add("w" + i);
        }

        var all = warnings.ToArray();
        Assert.Equal(201, all.Count);
        Assert.Equal(["b", "a", "w0"], all.Take(3));
        Assert.Equal("... and 52 more warnings", all[^1]);
    }

    [Fact]
    public void A_kind_is_kept_once_with_its_count_and_the_first_place_seen()
    {
        var warnings = new WarningList();
        warnings.Add("unknown key 'extensions'", "providers/a.yaml", 3);
        warnings.Add("unknown key 'extensions'", "providers/b.yaml", 9);
        warnings.Add("a comment", "authors.yaml", 1);

        Assert.Equal(
            ["a comment (1 time, first at authors.yaml:1)", "unknown key 'extensions' (2 times, first at providers/a.yaml:3)"],
            warnings.ToArray());
    }
}
