namespace Starmap.PowerShell;

/// <summary>
/// Remove- of a model, a provider or an author as plans, like New- and Set-: each names exactly what the delete
/// takes with it, so -WhatIf and -Confirm tell the whole truth before anything is written.
/// </summary>
public static partial class CatalogWriter
{
    /// <summary>
    /// Plans removing one provider's model offering (its definition stays). ModelNotFound when it is not
    /// there; with a piped object and no <paramref name="force"/>, VersionConflict when that offering changed
    /// since it was read (its own values, not the provider's version: removing the models of a list one by
    /// one moves the provider's version each time and must not make the next one stale). The plan's result
    /// is the offering as it was removed, not as it was read.
    /// </summary>
    public static async Task<StarmapWritePlan> PlanModelRemoveAsync(string providerId, string modelId, StarmapModel? input, bool force)
    {
        var catalog = StarmapSession.Catalog;
        var key = $"{providerId}/{modelId}";
        var current = await Failures.Guard(() => catalog.Models.FindAsync(providerId, modelId), "InvalidModel", key)
            ?? throw await MissingModelAsync(providerId, modelId);
        if (input?.Source is { } read && !force && read != current.Offering)
        {
            throw new StarmapCommandException(FailureKind.Conflict, "VersionConflict",
                $"model '{modelId}' of provider '{providerId}' changed since it was read; read it again to see the change, or -Force removes it anyway", key);
        }
        var removed = StarmapModel.From(current);
        return new StarmapWritePlan("Remove", $"model '{modelId}' of provider '{providerId}'", [$"model '{key}' (its definition and other providers' offerings stay)"], async () =>
        {
            await Failures.Guard(() => catalog.Providers.DeleteModelAsync(providerId, modelId), "InvalidModel", key);
            return removed;
        });
    }

    /// <summary>
    /// Plans removing a provider with the offerings it owns (they cannot exist without it). The model
    /// definitions they link to and every other provider stay. ProviderNotFound when it does not exist;
    /// with a piped object and no <paramref name="force"/>, VersionConflict when it changed since it was read.
    /// </summary>
    public static async Task<StarmapWritePlan> PlanProviderRemoveAsync(string providerId, StarmapProvider? input, bool force)
    {
        var catalog = StarmapSession.Catalog;
        var details = await Failures.Guard(() => catalog.Providers.FindAsync(providerId), "InvalidProvider", providerId)
            ?? throw ProviderMissing(providerId);
        long? expected = input is not null && !force ? input.Version : null;
        CheckVersion("provider", providerId, expected, details.Version);
        var models = details.Offerings.Count;
        var removed = StarmapProvider.From(details.Provider, models, details.Version);
        return new StarmapWritePlan("Remove", $"provider '{providerId}'",
            [$"provider '{providerId}' and its {models} models (model definitions and other providers stay)"], async () =>
            {
                // The grain checks the version again in the turn that deletes.
                await Failures.Guard(() => catalog.Providers.DeleteAsync(providerId, expected), "InvalidProvider", providerId);
                return removed;
            });
    }

    /// <summary>
    /// Plans removing an author with the definitions it owns. Offerings credit authors and link their
    /// definitions, and provider records list the authors they host; a delete never rewrites them, so an
    /// author still referred to is AuthorInUse (naming how many refer to it) unless <paramref name="force"/>,
    /// which removes the author and its definitions and leaves those references as they are.
    /// </summary>
    public static async Task<StarmapWritePlan> PlanAuthorRemoveAsync(string authorId, StarmapAuthor? input, bool force)
    {
        var catalog = StarmapSession.Catalog;
        var details = await Failures.Guard(() => catalog.Authors.FindAsync(authorId), "InvalidAuthor", authorId)
            ?? throw new StarmapCommandException(FailureKind.NotFound, "AuthorNotFound", $"author '{authorId}' was not found", authorId);
        long? expected = input is not null && !force ? input.Version : null;
        CheckVersion("author", authorId, expected, details.Version);
        var (offerings, providers) = await ReferencesToAsync(authorId);
        if ((offerings > 0 || providers > 0) && !force)
        {
            throw new StarmapCommandException(FailureKind.Conflict, "AuthorInUse",
                $"author '{authorId}' is still referred to by {offerings} models (credited, or linked to its definitions) and {providers} provider records; " +
                $"removing it would leave those references naming nothing. See them with Get-StarmapModel -Author {authorId}; " +
                "use -Force to remove the author and its definitions anyway (the references are left as they are)", authorId);
        }
        var definitions = details.Definitions.Count;
        var models = await Failures.Guard(() => catalog.Authors.ListModelsAsync(authorId));
        var removed = StarmapAuthor.From(details.Author, definitions, models.Items.Count, details.Version);
        var kept = offerings + providers == 0 ? "" : $"; {offerings} models and {providers} providers that refer to it are kept as they are";
        return new StarmapWritePlan("Remove", $"author '{authorId}'",
            [$"author '{authorId}' and its {definitions} model definitions{kept}"], async () =>
            {
                await Failures.Guard(() => catalog.Authors.DeleteAsync(authorId, expected), "InvalidAuthor", authorId);
                return removed;
            });
    }

    // Offerings that credit the author or link one of its definitions, and provider records that list it.
    private static async Task<(int Offerings, int Providers)> ReferencesToAsync(string authorId)
    {
        var catalog = StarmapSession.Catalog;
        var prefix = authorId + "/";
        var models = await Failures.Guard(() => catalog.Models.ListAsync());
        var offerings = models.Items.Count(m =>
            m.Offering.AuthorIds.Contains(authorId) ||
            (m.Offering.DefinitionId?.StartsWith(prefix, StringComparison.Ordinal) ?? false));
        var providers = await Failures.Guard(() => catalog.Providers.ListAsync());
        var listing = providers.Items.Count(p => p.Catalog?.Authors.Contains(authorId) ?? false);
        return (offerings, listing);
    }
}
