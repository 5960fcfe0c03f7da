using Starmap.Catalog.Json;
using Starmap.Formats;
using Starmap.Formats.Interop;
using Starmap.Sources.ModelsDev;

namespace Starmap.PowerShell;

/// <summary>Export, import and live tests over files and the providers' APIs.</summary>
public static class CatalogFiles
{
    /// <summary>Formats Export-StarmapCatalog writes.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["StarmapYaml", "Json", "OpenAI", "OpenRouter", "ModelsDev"];

    /// <summary>
    /// Writes the catalog to <paramref name="path"/>: a Starmap folder (StarmapYaml), the whole catalog as
    /// JSON (Json, re-importable), the OpenAI / OpenRouter list-models shapes, or a models.dev api.json
    /// (ModelsDev: every provider and its models, unknown members left out). Returns counts written.
    /// Never creates the parent folder; without <paramref name="force"/> never replaces an existing file or
    /// writes into a non-empty folder, and with it replaces only catalog files (see <see cref="StarmapFiles.Export(string, IEnumerable{ProviderDetails}, IEnumerable{AuthorDetails}, bool, IEnumerable{CatalogDocument})"/>).
    /// </summary>
    public static async Task<(int Providers, int Authors, int Models)> ExportAsync(string format, string path, bool force = false)
    {
        var catalog = StarmapSession.Catalog;
        switch (format.ToUpperInvariant())
        {
            case "STARMAPYAML":
            {
                var content = await Failures.Guard(() => catalog.ExportAsync());
                Run(() => StarmapFiles.Export(path, content.Providers, content.Authors, force, content.Documents), path);
                return (content.Providers.Count, content.Authors.Count, content.Providers.Sum(p => p.Offerings.Count));
            }
            case "JSON":
            {
                var content = await Failures.Guard(() => catalog.ExportAsync());
                await WriteAsync(path, StarmapJson.Serialize(content, indented: true), force);
                return (content.Providers.Count, content.Authors.Count, content.Providers.Sum(p => p.Offerings.Count));
            }
            case "OPENAI":
            {
                var models = await Failures.Guard(() => catalog.Models.ListAsync());
                await WriteAsync(path, OpenAIModelList.From(models.Items).ToJson(indented: true), force);
                return (models.Items.Select(m => m.ProviderId).Distinct().Count(), 0, models.Items.Count);
            }
            case "OPENROUTER":
            {
                var models = await Failures.Guard(() => catalog.Models.ListAsync());
                var providers = await Failures.Guard(() => catalog.Providers.ListAsync());
                await WriteAsync(path, OpenRouterModelList.From(models.Items, providers.Items).ToJson(indented: true), force);
                return (providers.Items.Count, 0, models.Items.Count);
            }
            case "MODELSDEV":
            {
                var models = await Failures.Guard(() => catalog.Models.ListAsync());
                var providers = await Failures.Guard(() => catalog.Providers.ListAsync());
                await WriteAsync(path, Starmap.Sources.ModelsDev.ModelsDevExport.ToJson(providers.Items, models.Items, indented: true), force);
                return (providers.Items.Count, 0, models.Items.Count);
            }
            default:
                throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidFormat", $"format '{format}' is not one of: {string.Join(", ", Formats)}", format);
        }
    }

    /// <summary>
    /// Reads and checks a Starmap folder or a JSON export, before anything is asked or written: a file that is
    /// not a catalog fails here naming the file, the line and field, and what was expected.
    /// </summary>
    public static CatalogFileContent Read(string path)
    {
        if (Directory.Exists(path))
        {
            var imported = Run(() => StarmapFiles.Import(path), path);
            return new CatalogFileContent(path, new CatalogContent { Providers = imported.Providers, Authors = imported.Authors, Documents = imported.Documents }, [.. imported.Warnings]);
        }
        if (File.Exists(path))
        {
            RequireBytes(path);
            return new CatalogFileContent(path, Run(() => CatalogJsonFile.Read(path), path), []); // within CatalogLimits: size before reading, records after
        }
        throw new StarmapCommandException(FailureKind.NotFound, "PathNotFound", $"'{path}' does not exist", path);
    }

    /// <summary>
    /// The providers the catalog holds at a newer version than the file records (a JSON export names each
    /// provider's version; a Starmap folder does not): importing puts the file's records back, so whatever
    /// changed them since the export is undone. Said before the prompt, not found out after.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NewerInCatalogAsync(CatalogFileContent file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var warnings = new List<string>();
        foreach (var provider in file.Content.Providers.Where(p => p.Version > 0))
        {
            var id = provider.Provider.Id;
            if (await Failures.Guard(() => StarmapSession.Catalog.Providers.FindAsync(id), "InvalidProvider", id) is { } stored && stored.Version > provider.Version)
            {
                warnings.Add($"provider '{id}' is at version {stored.Version} in the catalog and {provider.Version} in this file: " +
                    "if the file was exported from this catalog, importing it undoes every change made to that provider since");
            }
        }
        return warnings;
    }

    /// <summary>
    /// Replaces the providers and authors a read catalog holds; a dry run only reports what would change.
    /// Nothing is written unless the whole catalog is valid.
    /// </summary>
    public static async Task<StarmapImportResult> ImportAsync(CatalogFileContent file, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (path, content) = (file.Path, file.Content);
        var result = await Failures.Guard(() => StarmapSession.Catalog.ImportAsync(content, dryRun), "InvalidCatalog", path);
        return new StarmapImportResult
        {
            DryRun = result.DryRun,
            Path = path,
            ProvidersRead = content.Providers.Count,
            AuthorsRead = content.Authors.Count,
            Providers = [.. result.Providers.Select(p => p.ProviderId)],
            Authors = [.. result.Authors.Select(a => a.Id)],
            Changes = [.. result.Providers.SelectMany(p => StarmapChange.From(p.ProviderId, p.Changes))
                .Concat(result.Authors.SelectMany(a => StarmapChange.Of(null, "author", "updated", a)))],
            Warnings = [.. file.Warnings, .. result.Warnings],
            Generation = result.Generation,
        };
    }

    /// <summary>
    /// Calls a provider's list-models API from the cluster (a dry-run sync of that source alone, so it
    /// uses the silo's key and network) and reports status, latency and model count. Writes nothing.
    /// </summary>
    public static async Task<StarmapProviderTest> TestProviderAsync(string providerId, CancellationToken cancellationToken = default)
    {
        var result = await SyncRunner.SyncAsync(providerId, [SourceIds.ProviderApi], dryRun: true, force: false, trigger: "Test-StarmapProvider", cancellationToken);
        var report = result.Sources.FirstOrDefault(s => s.Source == SourceIds.ProviderApi);
        return new StarmapProviderTest
        {
            ProviderId = providerId,
            Status = report?.Status ?? "Skipped",
            Models = report?.Status == "Ok" ? report.Models : null,
            LatencyMs = report is { Status: not "Skipped" } ? report.DurationMs : null,
            Url = report?.Location,
            Error = report?.Error ?? (report is null ? result.Reason : null),
        };
    }

    // Written to a temporary file beside the target and renamed over it: a failure never leaves a
    // half-written export, and without force an existing file is never replaced (the rename refuses).
    private static async Task WriteAsync(string path, string text, bool force)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? "";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text + "\n");
            File.Move(temporary, full, overwrite: force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
            throw new StarmapCommandException(FailureKind.Failed, "WriteFailed", $"could not write '{path}': {ex.Message}", path, ex);
        }
    }

    /// <summary>
    /// The text of a models.dev <c>api.json</c> to import: refused naming the path when it does not exist, has
    /// no bytes, or is past <see cref="CatalogLimits.MaxJsonFileBytes"/> (checked before reading). Whether it
    /// is a models.dev file at all is checked in the cluster, before anything is written.
    /// </summary>
    public static async Task<string> ReadModelsDevAsync(string path)
    {
        if (!File.Exists(path))
        {
            throw new StarmapCommandException(FailureKind.NotFound, "PathNotFound",
                Directory.Exists(path) ? $"'{path}' is a folder; -Format ModelsDev reads a models.dev api.json file" : $"'{path}' does not exist", path);
        }
        RequireBytes(path);
        var limits = CatalogLimits.Default;
        var length = new FileInfo(path).Length;
        if (length > limits.MaxJsonFileBytes)
        {
            throw new StarmapCommandException(FailureKind.InvalidData, "InvalidCatalog",
                $"'{path}' is {length} bytes, over the {limits.MaxJsonFileBytes}-byte cap for a JSON file (CatalogLimits.MaxJsonFileBytes); nothing was imported", path);
        }
        string document;
        try
        {
            document = await File.ReadAllTextAsync(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StarmapCommandException(FailureKind.InvalidData, "ReadFailed", $"could not read '{path}': {ex.Message}", path, ex);
        }
        // Parsed here too (the cluster parses it again, with its caps), so a file that is no models.dev api.json
        // fails before any "What if:" or prompt, naming the file.
        try
        {
            ModelsDevImportDocument.Parse(document);
        }
        catch (FormatException ex)
        {
            throw new StarmapCommandException(FailureKind.InvalidData, "InvalidCatalog", $"'{path}' {ex.Message}", path, ex);
        }
        return document;
    }

    // On Unix, stat gives character and block devices, FIFOs and sockets a size of 0, so a file with no
    // bytes is refused without being opened: opening a FIFO blocks until a writer comes, /dev/zero never
    // ends. An empty regular file holds no catalog either.
    private static void RequireBytes(string path)
    {
        if (new FileInfo(path).Length == 0)
        {
            throw new StarmapCommandException(FailureKind.InvalidData, "NotACatalogFile",
                $"'{path}' has no bytes to read: it is empty, or not a regular file (a device, pipe or socket); give a catalog JSON file or a catalog folder", path);
        }
    }

    private static T Run<T>(Func<T> read, string path)
    {
        try
        {
            return read();
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new StarmapCommandException(FailureKind.InvalidData, "InvalidCatalog", JsonErrors.Describe(path, ex), path, ex);
        }
        catch (Exception ex) when (ex is CatalogFileException or StarmapValidationException)
        {
            throw new StarmapCommandException(FailureKind.InvalidData, "InvalidCatalog", $"'{path}' is not a catalog Starmap can import: {ex.Message}", path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file or folder failed while being read (/proc/self/mem, a vanished disk): named, never a crash.
            throw new StarmapCommandException(FailureKind.InvalidData, "ReadFailed", $"could not read '{path}': {ex.Message}", path, ex);
        }
    }

    private static void Run(Action write, string path)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is CatalogFileException or StarmapValidationException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new StarmapCommandException(FailureKind.Failed, "WriteFailed", $"could not write '{path}': {ex.Message}", path, ex);
        }
    }
}

/// <summary>A catalog read from a file or folder and checked, ready for <see cref="CatalogFiles.ImportAsync(CatalogFileContent, bool)"/>.</summary>
public sealed class CatalogFileContent
{
    internal CatalogFileContent(string path, CatalogContent content, string[] warnings) => (Path, Content, Warnings) = (path, content, warnings);

    /// <summary>Where it was read from.</summary>
    public string Path { get; }

    /// <summary>Providers it holds.</summary>
    public int Providers => Content.Providers.Count;

    /// <summary>Authors it holds.</summary>
    public int Authors => Content.Authors.Count;

    internal CatalogContent Content { get; }

    internal string[] Warnings { get; }
}
