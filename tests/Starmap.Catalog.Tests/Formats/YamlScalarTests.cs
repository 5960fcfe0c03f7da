using CsCheck;
using Starmap.Catalog.Validation;
using Starmap.Formats.StarmapYaml;
using Starmap.Formats.Yaml;

namespace Starmap.Catalog.Tests.Formats;

/// <summary>Text survives a YAML write and read whatever it looks like; Go durations round-trip.</summary>
public sealed class YamlScalarTests
{
    private static readonly Gen<string> Texts = Gen.OneOfConst(
        "a", "Z", "1", "0.5", "-", ":", " ", "#", "'", "\"", "\n", "\t", "n", "y", "true", "null", "~", "é", "服", "{", "}", "[", "@", "*", "&", "!", "|", ">", "%", ".", "e5", "\\")
        .Array[1, 6].Select(string.Concat);

    [Fact]
    public void Any_text_reads_back_as_written() =>
        Texts.Sample(text =>
        {
            var yaml = YamlText.Write(YamlDtoWriter.Write(new AuthorYaml { Id = text, Name = text, Aliases = [text] }));
            var read = new YamlDtoReader("t.yaml", "test", new WarningList()).Read<AuthorYaml>(YamlText.Load(yaml, "t.yaml")!);
            Assert.Equal((text, text, text), (read.Id, read.Name, read.Aliases![0]));
        }, iter: 5000);

    [Theory]
    [InlineData("720h0m0s", 30 * 24 * 3600.0)]
    [InlineData("48h0m0s", 48 * 3600.0)]
    [InlineData("0s", 0.0)]
    [InlineData("0", 0.0)]
    [InlineData("1.5s", 1.5)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("500ms", 0.5)]
    public void Go_durations_are_read(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("30 days")]
    [InlineData("h")]
    [InlineData("")]
    [InlineData("5")]
    public void Other_text_is_not_a_duration(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Fact]
    public void Written_durations_read_back_exactly() =>
        Gen.Long[0, TimeSpan.TicksPerDay * 3650].Sample(ticks =>
        {
            var duration = TimeSpan.FromTicks(ticks);
            Assert.True(GoDuration.TryParse(GoDuration.Format(duration), out var read));
            Assert.Equal(duration, read);
        }, iter: 5000);

    [Fact]
    public void Durations_are_written_like_Go()
    {
        Assert.Equal("720h0m0s", GoDuration.Format(TimeSpan.FromDays(30)));
        Assert.Equal("0s", GoDuration.Format(TimeSpan.Zero));
        Assert.Equal("1m30s", GoDuration.Format(TimeSpan.FromSeconds(90)));
        Assert.Equal("1.5s", GoDuration.Format(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal("250ms", GoDuration.Format(TimeSpan.FromMilliseconds(250)));
    }
}
