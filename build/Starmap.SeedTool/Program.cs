using System.Globalization;
using Starmap;
using Starmap.Catalog.Seed;
using Starmap.SeedTool;
using Starmap.Sources.ModelsDev;

// Generates the built-in catalog: build/seed.sh runs this. Exit code 1 with one line saying what was wrong
// when an input cannot be read; nothing is written then (the output is replaced whole, or not at all).
const string Usage = "usage: Starmap.SeedTool --models-dev FILE|URL --curated FILE --out FILE [--recorded YYYY-MM-DD]";

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i += 2)
{
    if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
    {
        return Fail($"unexpected argument '{args[i]}'; {Usage}");
    }
    options[args[i][2..]] = args[i + 1];
}
if (!options.TryGetValue("models-dev", out var source) || !options.TryGetValue("curated", out var curatedPath) || !options.TryGetValue("out", out var output))
{
    return Fail(Usage);
}
DateOnly? recorded = null;
if (options.TryGetValue("recorded", out var recordedText))
{
    if (!DateOnly.TryParseExact(recordedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
    {
        return Fail($"--recorded '{recordedText}' is not a date (YYYY-MM-DD)");
    }
    recorded = day;
}

ModelsDevSnapshot snapshot;
try
{
    snapshot = ModelsDevParser.Parse(await ReadSourceAsync(source));
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException or FormatException)
{
    var hint = IsUrl(source) ? " (no network here? download api.json elsewhere and pass the file: build/seed.sh path/to/api.json)" : "";
    return Fail($"could not read the models.dev snapshot {source}: {ex.Message}{hint}");
}
if (snapshot.Providers.Count == 0)
{
    return Fail($"{source} lists no providers; not a models.dev api.json");
}

BuiltInCatalog curated;
try
{
    curated = BuiltInCatalog.Parse(await File.ReadAllTextAsync(curatedPath));
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StarmapValidationException)
{
    return Fail($"could not read the curated catalog {curatedPath}: {ex.Message}");
}

var (catalog, report) = SeedGenerator.Generate(curated, snapshot, recorded);
// Checks what the silo will check on load, before anything is written.
BuiltInCatalog.FromGenerated(catalog);

var temporary = output + ".tmp";
await using (var file = File.Create(temporary))
{
    catalog.Write(file);
}
File.Move(temporary, output, overwrite: true);

Console.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes), version {catalog.Version}");
foreach (var line in report.Describe())
{
    Console.WriteLine(line);
}
return 0;

static bool IsUrl(string text) => text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

static async Task<byte[]> ReadSourceAsync(string source)
{
    if (!IsUrl(source))
    {
        return await File.ReadAllBytesAsync(source);
    }
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    http.DefaultRequestHeaders.UserAgent.ParseAdd("starmap-seed/1.0");
    using var response = await http.GetAsync(new Uri(source));
    if (!response.IsSuccessStatusCode)
    {
        throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
    }
    return await response.Content.ReadAsByteArrayAsync();
}

static int Fail(string message)
{
    Console.Error.WriteLine("seed: " + message);
    return 1;
}
