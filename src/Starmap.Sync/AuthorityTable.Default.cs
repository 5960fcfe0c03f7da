namespace Starmap.Sync;

public sealed partial class AuthorityTable
{
    private const string Api = SourceIds.ProviderApi;
    private const string Dev = SourceIds.ModelsDev;
    private const string Local = SourceIds.Local;

    /// <summary>
    /// Starmap's current precedence: a provider's own claims win for what it serves (price, limits,
    /// lifecycle, availability, capabilities), models.dev fills gaps and leads for facts about the
    /// model itself, the local on-disk catalog leads for curated text and links. Definitions are shared
    /// by every provider that serves them, so a provider sync only fills what they lack.
    /// </summary>
    public static AuthorityTable Default { get; } = new(
    [
        // Offerings: what one provider serves.
        Offering("name", [Local, Api, Dev],
            "A name curated in the on-disk catalog beats the API's; a provider's own display name (Anthropic's display_name) beats models.dev's community name."),
        Offering("definition_id", [Local, Dev, Api], MergeMode.FillMissing,
            "A link is identity: sources may propose one while it is unset, but re-linking an offering is a curation edit, not a sync side effect. An observed definition's ID counts as its source's proposal."),
        Offering("pricing", [Api, Dev, Local],
            "A price the provider publishes is the one it bills; models.dev fills what the provider API does not price; the local files are an older copy. Merged price by price (each token price, each tier keyed by its context threshold as tiers[200000], each operation price): a source that does not state a component leaves the known one, so a cache-read price or a long-context tier is never lost to a source that omits it. A price list outside its effective_from/effective_until window lends none of its prices."),
        Offering("limits", [Api, Dev, Local],
            "The serving provider enforces its own limits (Groq's context_window, Anthropic's max_input_tokens); models.dev fills what the API omits. Each limit is a separate fact, so they merge field by field."),
        Offering("lifecycle", [Api, Dev, Local],
            "The provider decides when it deprecates a model; models.dev's status fills. An offering missing from a complete list becomes retired once retires_at has passed. The status never moves back to an earlier stage in a sync (see above)."),
        Offering("lifecycle.retires_at", [Api, Local],
            "A shutdown date is the provider's commitment (OpenAI's shutdown_date); a date from its deprecation page curated locally is next; models.dev does not carry one."),
        Offering("availability", [Api],
            "Only the provider's own list says whether it serves a model now: a model in a complete list is available, one missing from it becomes unavailable. Other sources describe models, not the provider's service."),
        Offering("regions", [Api, Local],
            "Regions come from the provider or from curation; models.dev has none."),
        Offering("author_ids", [Local, Api, Dev], MergeMode.Union,
            "Credits accumulate: the provider's owned_by mapping, curated credits and models.dev may each name a co-author. A credit is removed only by an edit."),
        Offering("features.input_modalities", [Api, Dev, Local],
            "The serving provider knows what its endpoint accepts, which may be less than the model can; models.dev fills. Replace, not union: a union would re-add what the provider dropped."),
        Offering("features.output_modalities", [Api, Dev, Local],
            "As for input modalities: the provider's endpoint decides, models.dev fills."),
        Offering("features.flags.*", [Api, Dev, Local],
            "Flag by flag: the provider's capability claims (supported_features, feature rules) first, models.dev's tool_call, reasoning, attachment and temperature next. A listed source's false is a claim and replaces true."),
        Offering("description", [Local, Api, Dev],
            "The model's description as this provider's side states it: curated text first, the provider's own API text next, models.dev's last. A linked definition's description takes precedence when reading."),
        Offering("metadata", [Dev, Api, Local],
            "Release date, knowledge cutoff and open weights as the sources serving this offering state them, kept on the offering so a model with no known author still answers filters on them. models.dev records them per model; a provider's created date is a weaker proxy. A linked definition's values take precedence when reading."),
        Offering("metadata.tags", [Dev, Local, Api], MergeMode.Union,
            "Tags describe uses; each source may add one, none removes one."),
        Offering("lineage", [Api, Dev, Local],
            "Root and parent come from the provider's own fields."),
        Offering("lineage.family", [Dev, Api, Local],
            "models.dev groups models into families consistently across providers."),
        Offering("reasoning", [Api, Dev, Local],
            "The effort levels this provider accepts (Anthropic's capabilities) first; models.dev's reasoning_options fill."),
        Offering("reasoning_tokens", [Api, Dev, Local],
            "The reasoning budget range this provider accepts first; models.dev's reasoning_options fill."),
        Offering("quarantine", [Api, Dev, Local],
            "Notes of values a source gave that were refused; the newest statement from the highest-ranked source that has any replaces the list."),
        Offering("generation", [Api, Dev, Local],
            "The sampling ranges this provider's endpoint accepts (supported_sampling_parameters) are the provider's to state; models.dev and the curated files fill."),
        Offering("modes", [Local, Api],
            "Other price lists (a fast mode) and the headers or body that select them are curated from the provider's pricing pages; no models list states them yet."),
        Offering("unmodelled", [Local],
            "What a Starmap file held beyond the record (extensions, other spellings) only serves to write that file back; only the file catalog states it."),

        // Definitions: what a model is, shared by every provider that serves it.
        Definition("name", [Local, Dev, Api],
            "Curated names first, then models.dev's, then the first provider's display name. Filled only: the author's definition is shared by every provider's sync."),
        Definition("description", [Local, Dev, Api],
            "Curated text first; models.dev's description next; a provider's description last. Filled only."),
        Definition("author_ids", [Local, Dev, Api], MergeMode.Union,
            "Co-authors accumulate from every source; removing one is an edit."),
        Definition("metadata", [Dev, Api, Local],
            "Release date, knowledge cutoff, open weights and architecture are facts about the model that models.dev records per model; a provider's created date is a weaker proxy. Filled only."),
        Definition("metadata.tags", [Dev, Local, Api], MergeMode.Union,
            "Tags describe uses; each source may add one, none removes one."),
        Definition("features.input_modalities", [Dev, Api, Local],
            "What the model can take in is a model fact (models.dev); a provider may serve a subset, which belongs on its offering. Filled only."),
        Definition("features.output_modalities", [Dev, Api, Local],
            "As for input modalities."),
        Definition("features.flags.*", [Dev, Api, Local],
            "Model capabilities from models.dev first; a provider's claims describe its offering and only fill here."),
        Definition("attachments", [Dev, Api, Local],
            "Attachment support is per model; models.dev states it, providers rarely do. Filled only."),
        Definition("generation", [Api, Dev, Local],
            "Accepted sampling ranges come from the provider's API (supported_sampling_parameters); models.dev knows few. Filled only."),
        Definition("reasoning", [Dev, Api, Local],
            "Reasoning effort levels from models.dev's reasoning_options, else the provider. Filled only."),
        Definition("reasoning_tokens", [Dev, Api, Local],
            "Reasoning budget range from models.dev's reasoning_options, else the provider. Filled only."),
        Definition("verbosity", [Dev, Api, Local],
            "Verbosity levels as for reasoning. Filled only."),
        Definition("tools", [Api, Dev, Local],
            "Tool choice modes and web search settings are what the API accepts. Filled only."),
        Definition("delivery", [Api, Dev, Local],
            "Protocols, streaming and response formats are properties of the API. Filled only."),
        Definition("lineage", [Api, Dev, Local],
            "Root and parent come from the provider's root/parent fields. Filled only."),
        Definition("lineage.family", [Dev, Api, Local],
            "models.dev groups models into families consistently across providers. Filled only."),
        Definition("quarantine", [Dev, Api, Local],
            "Notes of values a source gave about the model that were refused. Filled only."),
        Definition("unmodelled", [Local],
            "What a Starmap file held beyond the record only serves to write that file back; only the file catalog states it. Filled only."),
    ]);

    private static AuthorityRule Offering(string path, string[] sources, string rationale) =>
        Offering(path, sources, MergeMode.Replace, rationale);

    private static AuthorityRule Offering(string path, string[] sources, MergeMode mode, string rationale, bool atomic = false) =>
        new() { Entity = AuthorityEntity.Offering, Path = path, Sources = [.. sources], Mode = mode, Atomic = atomic, Rationale = rationale };

    private static AuthorityRule Offering(string path, string[] sources, bool atomic, string rationale) =>
        Offering(path, sources, MergeMode.Replace, rationale, atomic);

    // Definitions fill by default: they are the author's, shared by every provider's sync.
    private static AuthorityRule Definition(string path, string[] sources, string rationale) =>
        Definition(path, sources, MergeMode.FillMissing, rationale);

    private static AuthorityRule Definition(string path, string[] sources, MergeMode mode, string rationale) =>
        new() { Entity = AuthorityEntity.Definition, Path = path, Sources = [.. sources], Mode = mode, Rationale = rationale };
}
