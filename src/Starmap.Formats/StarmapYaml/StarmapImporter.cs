using YamlDotNet.RepresentationModel;
using Starmap.Catalog.Validation;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Reads a Starmap catalog folder entirely into memory, validating every record, and returns it only
/// when all of it is sound: the first malformed file throws and nothing is returned. A model file whose
/// values break a rule (an output limit above the context window, a tab in a name) is not malformed: it
/// is kept with those fields unknown and a quarantine note each (<see cref="RecordSanitizer"/>), and only
/// one with no usable ID is left out; both are listed in the warnings. <see cref="CatalogLimits"/>
/// bound what it reads (a file's size is checked before it is read), and symbolic links are never followed
/// (<see cref="CatalogTree"/>).
/// </summary>
internal sealed class StarmapImporter
{
    private const string ProvidersFile = "providers.yaml";
    private const string AuthorsFile = "authors.yaml";

    private readonly string _root;
    private readonly WarningList _warnings = new();
    private readonly StarmapIds _ids;
    private readonly CatalogLimits _limits;
    private int _files;
    private int _items;

    private StarmapImporter(string root, CatalogLimits limits)
    {
        _root = root;
        _limits = limits;
        _ids = new StarmapIds(_warnings);
    }

    public static ImportedCatalog Import(string root, CatalogLimits? limits = null)
    {
        limits ??= CatalogLimits.Default;
        limits.Validate();
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new CatalogFileException(full, null, null, "the catalog folder does not exist");
        }
        // A mistyped path must not import as an empty catalog: a Starmap folder has at least one of its lists.
        if (!File.Exists(Path.Combine(full, ProvidersFile)) && !File.Exists(Path.Combine(full, AuthorsFile)))
        {
            throw new CatalogFileException(full, null, null, $"is not a Starmap catalog folder: it has neither {ProvidersFile} nor {AuthorsFile}");
        }
        return new StarmapImporter(full, limits).Run();
    }

    private ImportedCatalog Run()
    {
        var providers = ReadEntries<ProviderYaml, Provider>(ProvidersFile, "provider", ProviderMapping.ToRecord,
            (p, node, c) => Validate(() => CatalogValidator.Validate(p), node, c), y => y.Id, p => p.Id, StarmapTrees.Keep);
        var authors = ReadEntries<AuthorYaml, Author>(AuthorsFile, "author", AuthorEntryMapping.ToRecord,
            (a, node, c) => Validate(() => CatalogValidator.Validate(a), node, c), y => y.Id, a => a.Id, StarmapTrees.Keep);
        // Model files name their authors; the names authors.yaml gives are what an export writes there.
        var authorNames = authors.Values.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);

        var offerings = ReadModels("providers", providers, "offering files", (owner, id, node, c) =>
        {
            var offering = OfferingMapping.ToRecord(c.Reader.Read<OfferingYaml>(node), owner, id, c);
            offering = offering with { Quarantine = RecordSanitizer.Merge(offering.Quarantine, c.Refused) };
            return Keep(RecordSanitizer.Sanitize(offering, RecordSanitizer.ImportSource, null, owner), node, c) is { } kept
                ? StarmapTrees.Keep(kept, node, authorNames)
                : null;
        });
        var definitions = ReadModels("authors", authors, "definition files", (owner, slug, node, c) =>
        {
            var definition = DefinitionMapping.ToRecord(c.Reader.Read<DefinitionYaml>(node), owner, slug, c);
            definition = definition with { Quarantine = RecordSanitizer.Merge(definition.Quarantine, c.Refused) };
            return Keep(RecordSanitizer.Sanitize(definition, RecordSanitizer.ImportSource, null, owner), node, c) is { } kept
                ? StarmapTrees.Keep(kept, node, authorNames)
                : null;
        });
        var documents = ReadDocuments();

        return new ImportedCatalog
        {
            Providers = providers.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new ProviderDetails
            {
                Provider = p,
                Offerings = offerings.GetValueOrDefault(p.Id, []).OrderBy(o => o.ModelId, StringComparer.Ordinal).ToEquatableArray(),
            }).ToEquatableArray(),
            Authors = authors.Values.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new AuthorDetails
            {
                Author = a,
                Definitions = definitions.GetValueOrDefault(a.Id, []).OrderBy(d => d.Id, StringComparer.Ordinal).ToEquatableArray(),
            }).ToEquatableArray(),
            Documents = documents,
            Warnings = _warnings.ToArray(),
            Root = _root,
        };
    }

    /// <summary>Reads a list file; returns records by the raw ID the file (and folder names) use.</summary>
    private Dictionary<string, TRecord> ReadEntries<TYaml, TRecord>(
        string file, string what,
        Func<TYaml, MappingContext, TRecord> map,
        Action<TRecord, YamlNode, MappingContext> validate,
        Func<TYaml, string?> rawId,
        Func<TRecord, string> id,
        Func<TRecord, YamlNode, TRecord> keep)
        where TYaml : YamlDto, new()
    {
        var records = new Dictionary<string, TRecord>(StringComparer.Ordinal);
        var path = Path.Combine(_root, file);
        if (!CatalogTree.IsFile(_root, path))
        {
            return records;
        }
        var c = new MappingContext(file, file, _warnings, _ids);
        var root = YamlText.Load(ReadText(path, file), file);
        if (root is null)
        {
            return records;
        }
        if (root is not YamlSequenceNode entries)
        {
            throw new CatalogFileException(file, root.Start.Line, null, $"expected a list of {what}s");
        }
        CountItems(file, entries.Children.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Children.Count; i++)
        {
            var node = entries.Children[i];
            var dto = c.Reader.Read<TYaml>(node, $"[{i}]");
            var record = map(dto, c);
            validate(record, node, c);
            if (!seen.Add(id(record)))
            {
                throw new CatalogFileException(file, dto.LineOf("id"), $"[{i}].id", $"{what} '{id(record)}' appears twice");
            }
            // Folders are named by the ID as the file spells it (01.ai), so look-ups use that spelling.
            records[rawId(dto)!] = keep(record, node);
        }
        return records;
    }

    /// <summary>
    /// Reads every <c>&lt;folder&gt;/&lt;owner&gt;/models/**.yaml</c>; the path below <c>models/</c>
    /// without <c>.yaml</c> is the model ID (folders stand for <c>/</c>).
    /// </summary>
    private Dictionary<string, List<TRecord>> ReadModels<TOwner, TRecord>(
        string folder, Dictionary<string, TOwner> owners, string kind,
        Func<string, string, YamlNode, MappingContext, TRecord?> read)
        where TRecord : class
    {
        var result = new Dictionary<string, List<TRecord>>(StringComparer.Ordinal);
        var top = Path.Combine(_root, folder);
        if (!CatalogTree.IsFolder(_root, top))
        {
            return result;
        }
        foreach (var ownerDir in CatalogTree.Folders(_root, top))
        {
            var rawOwner = Path.GetFileName(ownerDir);
            var modelsDir = Path.Combine(ownerDir, "models");
            WarnAboutStrayFiles(ownerDir, modelsDir);
            if (!CatalogTree.IsFolder(_root, modelsDir))
            {
                continue;
            }
            var files = CatalogTree.Files(_root, modelsDir)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(modelsDir, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                continue;
            }
            var ownerFile = $"{folder}/{rawOwner}/models/{files[0]}";
            if (!owners.TryGetValue(rawOwner, out var owner))
            {
                var list = folder == "providers" ? ProvidersFile : AuthorsFile;
                throw new CatalogFileException(ownerFile, null, null, $"'{rawOwner}' is not defined in {list}");
            }
            var ownerId = owner switch { Provider p => p.Id, Author a => a.Id, _ => rawOwner };
            var records = result[ownerId] = [];
            foreach (var relative in files)
            {
                var file = $"{folder}/{rawOwner}/models/{relative}";
                CountItems(file, 1);
                var c = new MappingContext(file, kind, _warnings, _ids, quarantine: true);
                var node = YamlText.Load(ReadText(Path.Combine(modelsDir, relative), file), file)
                    ?? throw new CatalogFileException(file, null, null, "the file is empty");
                if (read(ownerId, relative[..^".yaml".Length], node, c) is { } record)
                {
                    records.Add(record);
                }
            }
        }
        return result;
    }

    /// <summary>Catalog-level files (endpoints.yaml...), kept as written; each must parse as what it claims to be.</summary>
    private EquatableArray<CatalogDocument> ReadDocuments()
    {
        var documents = new List<CatalogDocument>();
        foreach (var file in StarmapFiles.DocumentPaths)
        {
            var path = Path.Combine(_root, file.Replace('/', Path.DirectorySeparatorChar));
            if (!CatalogTree.IsFile(_root, path))
            {
                continue;
            }
            var text = ReadText(path, file);
            StarmapTrees.CheckDocument(file, text);
            documents.Add(new CatalogDocument { Path = file, Text = text });
        }
        return documents.ToEquatableArray();
    }

    // Starmap once kept denormalized copies beside models/ (authors/<id>/<model>.yaml) that it never
    // loaded; logos sit beside models/ too. Only .yaml files under models/ are model files.
    private void WarnAboutStrayFiles(string ownerDir, string modelsDir)
    {
        foreach (var file in CatalogTree.Files(_root, ownerDir))
        {
            var inModels = file.StartsWith(modelsDir + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            var yaml = file.EndsWith(".yaml", StringComparison.Ordinal);
            if (inModels != yaml)
            {
                _warnings.Add(inModels ? "files in a models/ folder that are not .yaml are not read" : "YAML files outside a models/ folder are not read",
                    Path.GetRelativePath(_root, file).Replace('\\', '/'), 1);
            }
        }
    }

    private void CountItems(string file, int count)
    {
        _items += count;
        if (_items > _limits.MaxItems)
        {
            throw new CatalogFileException(file, null, null,
                $"the catalog holds more than {_limits.MaxItems} records (providers, authors, offerings and definitions), the cap per catalog (CatalogLimits.MaxItems); nothing was imported");
        }
    }

    /// <summary>The sanitized record, with a warning per refused field (by path) or for a record left out.</summary>
    private T? Keep<T>(Sanitized<T> result, YamlNode node, MappingContext c) where T : class
    {
        if (result.Record is null)
        {
            _warnings.Add($"skipped, no usable ID: {result.Skipped}", c.File, node.Start.Line);
            return null;
        }
        foreach (var note in result.Added)
        {
            _warnings.Add($"quarantined '{note.Path}': the value broke a rule and was left unknown with a note", c.File,
                YamlLineLocator.Find(node, "record." + note.Path));
        }
        return result.Record;
    }

    private static void Validate(Action validate, YamlNode node, MappingContext c)
    {
        try
        {
            validate();
        }
        catch (StarmapValidationException ex)
        {
            throw new CatalogFileException(c.File, YamlLineLocator.Find(node, ex.Field), ex.Field, Reason(ex), ex);
        }
    }

    private static string Reason(StarmapValidationException ex) =>
        ex.Value is null ? ex.Reason : $"'{ex.Value}': {ex.Reason}";

    // Caps are checked before anything is read into memory: a 50 MB file is refused by its size alone.
    private string ReadText(string path, string file)
    {
        if (++_files > _limits.MaxFiles)
        {
            throw new CatalogFileException(file, null, null,
                $"the catalog has more than {_limits.MaxFiles} YAML files, the cap per catalog (CatalogLimits.MaxFiles); nothing was imported");
        }
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _limits.MaxFileBytes)
            {
                throw new CatalogFileException(file, null, null,
                    $"the file is {length} bytes, over the {_limits.MaxFileBytes}-byte cap per file (CatalogLimits.MaxFileBytes); nothing was imported");
            }
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CatalogFileException(file, null, null, "cannot be read: " + ex.Message, ex);
        }
    }
}
