using System.Collections;
using Starmap.Catalog.Validation;
using Starmap.Sync;

namespace Starmap.PowerShell;

/// <summary>
/// New- and Set- as plans: each reads the stored entity, works out the exact field changes, and
/// returns them with the write to run, so -WhatIf shows what the real run does. Creating and updating
/// are apart: a New- never overwrites, a Set- never creates (a typo is an error, not a new entity).
/// </summary>
public static partial class CatalogWriter
{
    // Parameter and property names (case-insensitive) to the patch field each one changes.
    private static readonly Dictionary<string, string> ModelFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = "name",
        ["DefinitionId"] = "definition_id",
        ["ContextWindow"] = "limits.context_window",
        ["MaxInputTokens"] = "limits.input_tokens",
        ["MaxOutputTokens"] = "limits.output_tokens",
        ["InputPrice"] = "pricing.tokens.input",
        ["OutputPrice"] = "pricing.tokens.output",
        ["ReasoningPrice"] = "pricing.tokens.reasoning",
        ["CacheReadPrice"] = "pricing.tokens.cache_read",
        ["CacheWritePrice"] = "pricing.tokens.cache_write",
        ["Status"] = "lifecycle.status",
        ["Availability"] = "availability",
        ["Authors"] = "author_ids",
    };

    private static readonly Dictionary<string, string> ProviderFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = "name",
        ["Description"] = "description",
        ["Headquarters"] = "headquarters",
        ["Aliases"] = "aliases",
        ["DocsUrl"] = "docs_url",
        ["ListUrl"] = "catalog.endpoint.url",
        ["ListType"] = "catalog.endpoint.type",
        ["KeyRequired"] = "auth.key_required",
        ["KeyVariables"] = "auth.api_key_env_vars",
        ["Authors"] = "catalog.authors",
    };

    private static readonly Dictionary<string, string> AuthorFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = "name",
        ["Description"] = "description",
        ["Headquarters"] = "headquarters",
        ["Aliases"] = "aliases",
        ["Website"] = "links.website",
        ["HuggingFace"] = "links.hugging_face",
        ["GitHub"] = "links.git_hub",
    };

    // Singular parameter names (-Author, -Alias, -KeyVariable) name the same field as the plural properties.
    private static readonly Dictionary<string, string> Plurals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Author"] = "Authors",
        ["Alias"] = "Aliases",
        ["KeyVariable"] = "KeyVariables",
    };

    /// <summary>Runs a plan's write; returns the entity as stored.</summary>
    public static Task<object> CommitAsync(StarmapWritePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Commit();
    }

    /// <summary>
    /// Plans an update of an existing model: ModelNotFound (or ProviderNotFound) when it does not exist;
    /// with a piped object and no <paramref name="force"/>, VersionConflict when its provider changed
    /// since the object was read.
    /// </summary>
    public static async Task<StarmapWritePlan> PlanModelUpdateAsync(string providerId, string modelId, StarmapModel? input, IDictionary changes, bool force)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        var key = $"{providerId}/{modelId}";
        CheckIdentity(input?.AsRead is { } read && (read.ProviderId != providerId || read.ModelId != modelId), "InvalidModel",
            $"ProviderId and ModelId of a model read from the catalog cannot change ({input?.AsRead}); add a model with New-StarmapModel", key);
        var current = await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId), "InvalidModel", key)
            ?? throw await MissingModelAsync(providerId, modelId);
        long? expected = input is not null && !force ? input.Version : null;
        CheckVersion("model", key, expected, current.ProviderVersion);
        var patch = PatchFor(current.Offering, input, changes);
        var after = Preview(() => Checked(patch.ApplyTo(current.Offering), providerId), "InvalidModel", key);
        return new StarmapWritePlan("Update", $"model '{modelId}' of provider '{providerId}'", Lines(Differ.Compare(current.Offering, after)), async () =>
        {
            await Failures.Guard(() => catalog.Providers.PatchModelAsync(providerId, modelId, patch, expected), "InvalidModel", key);
            // The write publishes to the catalog in the same grain turn, so this read sees it.
            return StarmapModel.From(await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId)) ?? current);
        }, Ignored(input?.AsRead, input, StarmapModel.Editable, nameof(StarmapModel.ProviderId), nameof(StarmapModel.ModelId)));
    }

    /// <summary>Plans adding a model: ModelAlreadyExists when it exists, ProviderNotFound when its provider does not.</summary>
    public static async Task<StarmapWritePlan> PlanModelCreateAsync(string providerId, string modelId, IDictionary changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        var key = $"{providerId}/{modelId}";
        if (await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId), "InvalidModel", key) is not null)
        {
            throw new StarmapCommandException(FailureKind.Conflict, "ModelAlreadyExists",
                $"model '{modelId}' already exists at provider '{providerId}'; change it with Set-StarmapModel", key);
        }
        if (await Failures.Guard(() => catalog.Providers.FindAsync(providerId), "InvalidProvider", providerId) is null)
        {
            throw ProviderMissing(providerId);
        }
        var offering = Preview(() => Checked(Apply(new Offering { ProviderId = providerId, ModelId = modelId }, Merge(null, changes)), providerId), "InvalidModel", key);
        return new StarmapWritePlan("Create", $"model '{modelId}' of provider '{providerId}'", Lines(Differ.Compare(null, offering)), async () =>
        {
            await Failures.Guard(() => catalog.Providers.CreateModelAsync(providerId, offering), "InvalidModel", key);
            var saved = await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId));
            return StarmapModel.From(saved ?? new CatalogModel { Offering = offering });
        });
    }

    /// <summary>Plans an update of an existing provider record (its models are never touched).</summary>
    public static async Task<StarmapWritePlan> PlanProviderUpdateAsync(string providerId, StarmapProvider? input, IDictionary changes, bool force)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        CheckIdentity(input?.AsRead is { } read && read.ProviderId != providerId, "InvalidProvider",
            $"ProviderId of a provider read from the catalog cannot change ({input?.AsRead}); add a provider with New-StarmapProvider", providerId);
        var details = await Failures.Guard(() => catalog.Providers.FindAsync(providerId), "InvalidProvider", providerId)
            ?? throw ProviderMissing(providerId);
        long? expected = input is not null && !force ? input.Version : null;
        CheckVersion("provider", providerId, expected, details.Version);
        var patch = PatchFor(details.Provider, input, changes);
        var after = Preview(() => Checked(patch.ApplyTo(details.Provider)), "InvalidProvider", providerId);
        return new StarmapWritePlan("Update", $"provider '{providerId}'", Lines(Differ.Compare(details.Provider, after)), async () =>
        {
            await Failures.Guard(() => catalog.Providers.PatchAsync(providerId, patch, expected), "InvalidProvider", providerId);
            return await ReadProviderAsync(providerId);
        }, Ignored(input?.AsRead, input, StarmapProvider.Editable, nameof(StarmapProvider.ProviderId)));
    }

    /// <summary>Plans creating a provider: ProviderAlreadyExists when it exists.</summary>
    public static async Task<StarmapWritePlan> PlanProviderCreateAsync(string providerId, IDictionary changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        if (await Failures.Guard(() => catalog.Providers.FindAsync(providerId), "InvalidProvider", providerId) is not null)
        {
            throw new StarmapCommandException(FailureKind.Conflict, "ProviderAlreadyExists",
                $"provider '{providerId}' already exists; change it with Set-StarmapProvider", providerId);
        }
        var provider = Preview(() => Checked(Apply(new Provider { Id = providerId, Name = providerId }, Merge(null, changes))), "InvalidProvider", providerId);
        return new StarmapWritePlan("Create", $"provider '{providerId}'", Lines(Differ.Compare(null, provider)), async () =>
        {
            await Failures.Guard(() => catalog.Providers.CreateAsync(provider), "InvalidProvider", providerId);
            return await ReadProviderAsync(providerId);
        });
    }

    /// <summary>Plans an update of an existing author record (its definitions are never touched).</summary>
    public static async Task<StarmapWritePlan> PlanAuthorUpdateAsync(string authorId, StarmapAuthor? input, IDictionary changes, bool force)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        CheckIdentity(input?.AsRead is { } read && read.AuthorId != authorId, "InvalidAuthor",
            $"AuthorId of an author read from the catalog cannot change ({input?.AsRead}); add an author with New-StarmapAuthor", authorId);
        var details = await Failures.Guard(() => catalog.Authors.FindAsync(authorId), "InvalidAuthor", authorId)
            ?? throw new StarmapCommandException(FailureKind.NotFound, "AuthorNotFound",
                $"author '{authorId}' was not found; add it with New-StarmapAuthor", authorId);
        long? expected = input is not null && !force ? input.Version : null;
        CheckVersion("author", authorId, expected, details.Version);
        var patch = PatchFor(details.Author, input, changes);
        var after = Preview(() => Checked(patch.ApplyTo(details.Author)), "InvalidAuthor", authorId);
        return new StarmapWritePlan("Update", $"author '{authorId}'", Lines(Differ.Compare(details.Author, after)), async () =>
        {
            await Failures.Guard(() => catalog.Authors.PatchAsync(authorId, patch, expected), "InvalidAuthor", authorId);
            return await ReadAuthorAsync(authorId);
        }, Ignored(input?.AsRead, input, StarmapAuthor.Editable, nameof(StarmapAuthor.AuthorId)));
    }

    /// <summary>Plans creating an author: AuthorAlreadyExists when it exists.</summary>
    public static async Task<StarmapWritePlan> PlanAuthorCreateAsync(string authorId, IDictionary changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var catalog = StarmapSession.Catalog;
        if (await Failures.Guard(() => catalog.Authors.FindAsync(authorId), "InvalidAuthor", authorId) is not null)
        {
            throw new StarmapCommandException(FailureKind.Conflict, "AuthorAlreadyExists",
                $"author '{authorId}' already exists; change it with Set-StarmapAuthor", authorId);
        }
        var author = Preview(() => Checked(Apply(new Author { Id = authorId, Name = authorId }, Merge(null, changes))), "InvalidAuthor", authorId);
        return new StarmapWritePlan("Create", $"author '{authorId}'", Lines(Differ.Compare(null, author)), async () =>
        {
            await Failures.Guard(() => catalog.Authors.CreateAsync(author), "InvalidAuthor", authorId);
            return await ReadAuthorAsync(authorId);
        });
    }

    /// <summary>The patch for the edits on <paramref name="input"/> (against the object as read) and the given parameters.</summary>
    internal static OfferingPatch PatchFor(Offering current, StarmapModel? input, IDictionary changes)
    {
        var edits = Merge(input is null ? null : Edits(input.AsRead, input, StarmapModel.Editable), changes);
        return new OfferingPatch { Fields = Fields(edits, ModelFields), Values = Apply(current, edits) };
    }

    /// <summary>The patch for a provider record; see <see cref="PatchFor(Offering, StarmapModel?, IDictionary)"/>.</summary>
    internal static ProviderPatch PatchFor(Provider current, StarmapProvider? input, IDictionary changes)
    {
        var edits = Merge(input is null ? null : Edits(input.AsRead, input, StarmapProvider.Editable), changes);
        return new ProviderPatch { Fields = Fields(edits, ProviderFields), Values = Apply(current, edits) };
    }

    /// <summary>The patch for an author record; see <see cref="PatchFor(Offering, StarmapModel?, IDictionary)"/>.</summary>
    internal static AuthorPatch PatchFor(Author current, StarmapAuthor? input, IDictionary changes)
    {
        var edits = Merge(input is null ? null : Edits(input.AsRead, input, StarmapAuthor.Editable), changes);
        return new AuthorPatch { Fields = Fields(edits, AuthorFields), Values = Apply(current, edits) };
    }

    private static async Task<object> ReadProviderAsync(string providerId)
    {
        var details = await Failures.Guard(() => StarmapSession.Catalog.Providers.GetAsync(providerId), "InvalidProvider", providerId);
        return StarmapProvider.From(details.Provider, details.Offerings.Count, details.Version);
    }

    private static async Task<object> ReadAuthorAsync(string authorId)
    {
        var catalog = StarmapSession.Catalog;
        var details = await Failures.Guard(() => catalog.Authors.GetAsync(authorId), "InvalidAuthor", authorId);
        var models = await Failures.Guard(() => catalog.Authors.ListModelsAsync(authorId));
        return StarmapAuthor.From(details.Author, details.Definitions.Count, models.Items.Count, details.Version);
    }

    private static async Task<StarmapCommandException> MissingModelAsync(string providerId, string modelId) =>
        await Failures.Guard(() => StarmapSession.Catalog.Providers.FindAsync(providerId), "InvalidProvider", providerId) is null
            ? ProviderMissing(providerId)
            : new StarmapCommandException(FailureKind.NotFound, "ModelNotFound",
                $"model '{modelId}' was not found at provider '{providerId}'; add it with New-StarmapModel", $"{providerId}/{modelId}");

    private static StarmapCommandException ProviderMissing(string providerId) =>
        new(FailureKind.NotFound, "ProviderNotFound", $"provider '{providerId}' was not found; add it with New-StarmapProvider", providerId);

    private static void CheckIdentity(bool changed, string errorId, string message, string target)
    {
        if (changed)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, errorId, message, target);
        }
    }

    // The grain checks again in the turn that writes; this early check only makes -WhatIf and -Confirm
    // tell the truth about a write that would fail.
    private static void CheckVersion(string kind, string id, long? expected, long current)
    {
        if (expected is { } version && version != current)
        {
            throw Failures.VersionConflict(new StarmapConflictException(kind, id, version, current), id);
        }
    }

    // The checks the grain makes on the same record before it writes: -WhatIf and -Confirm never show a
    // write the real run would refuse (a model ID with a zero-width space, a negative price).
    private static Offering Checked(Offering offering, string providerId)
    {
        CatalogValidator.Validate(offering, providerId, $"offerings[{offering.ModelId}]");
        return offering;
    }

    private static Provider Checked(Provider provider)
    {
        CatalogValidator.Validate(provider);
        return provider;
    }

    private static Author Checked(Author author)
    {
        CatalogValidator.Validate(author);
        return author;
    }

    private static T Preview<T>(Func<T> apply, string invalidId, string target)
    {
        try
        {
            return apply();
        }
        catch (StarmapValidationException ex)
        {
            throw Failures.Translate(ex, invalidId, target)!;
        }
    }

    /// <summary>
    /// Edits on a piped object to properties Set- does not write (a description, a release date, computed
    /// counts): each named in a warning, so an edit is never dropped without a word. Identity properties are
    /// refused elsewhere.
    /// </summary>
    private static string[] Ignored<T>(T? read, T? edited, string[] editable, params string[] identity) where T : class
    {
        if (read is null || edited is null)
        {
            return [];
        }
        var ignored = typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !editable.Contains(p.Name) && !identity.Contains(p.Name))
            .Where(p => !Same(p.GetValue(read), p.GetValue(edited)))
            .Select(p => p.Name)
            .ToList();
        return ignored.Count == 0
            ? []
            : [$"{string.Join(", ", ignored)} {(ignored.Count == 1 ? "was" : "were")} edited but {(ignored.Count == 1 ? "is" : "are")} not written by this cmdlet (it writes {string.Join(", ", editable)}); that edit is left out"];
    }

    // Arrays by their items (a copy edited in place must show), everything else by Equals.
    private static bool Same(object? before, object? after) =>
        before is System.Collections.IEnumerable a && after is System.Collections.IEnumerable b && before is not string
            ? a.Cast<object?>().SequenceEqual(b.Cast<object?>())
            : Equals(before, after);

    /// <summary>Properties of <paramref name="edited"/> that differ from the object as read, as changes.</summary>
    private static Hashtable Edits<T>(T? read, T edited, string[] names) where T : class, new()
    {
        read ??= new T();
        var changes = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var property = typeof(T).GetProperty(name)!;
            var before = property.GetValue(read);
            var after = property.GetValue(edited);
            if (!Same(before, after))
            {
                changes[name] = after;
            }
        }
        return changes;
    }

    /// <summary>Edits on a piped object, then the parameters given (which win), under one name per field.</summary>
    private static Hashtable Merge(Hashtable? edits, IDictionary parameters)
    {
        var merged = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry edit in edits ?? [])
        {
            merged[edit.Key] = edit.Value;
        }
        foreach (DictionaryEntry parameter in parameters)
        {
            var name = (string)parameter.Key;
            merged[Plurals.GetValueOrDefault(name, name)] = parameter.Value;
        }
        return merged;
    }

    private static EquatableArray<string> Fields(Hashtable changes, Dictionary<string, string> fields) =>
        changes.Keys.Cast<string>().Select(k => fields[k]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToEquatableArray();

    private static string[] Lines(EquatableArray<FieldChange> changes) =>
        [.. changes.Select(c => $"{c.Path}: {c.Old ?? "(unknown)"} -> {c.New ?? "(unknown)"}")];
}
