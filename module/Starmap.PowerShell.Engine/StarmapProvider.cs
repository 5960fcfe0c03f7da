namespace Starmap.PowerShell;

/// <summary>
/// A provider (Get-StarmapProvider). <see cref="KeyConfigured"/> says whether one of its key variables
/// is set in this PowerShell process; the key itself is never read into the object.
/// </summary>
public sealed class StarmapProvider
{
    /// <summary>Provider ID.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Headquarters.</summary>
    public string? Headquarters { get; set; }

    /// <summary>Other IDs that name it.</summary>
    public string[] Aliases { get; set; } = [];

    /// <summary>Offerings it serves in the catalog.</summary>
    public int Models { get; set; }

    /// <summary>Its list-models URL.</summary>
    public string? ListUrl { get; set; }

    /// <summary>API family of the list (openai, anthropic, google, openrouter...).</summary>
    public string? ListType { get; set; }

    /// <summary>API documentation URL.</summary>
    public string? DocsUrl { get; set; }

    /// <summary>True when listing its models needs a key.</summary>
    public bool KeyRequired { get; set; }

    /// <summary>True when one of <see cref="KeyVariables"/> is set (non-empty) in this process's environment.</summary>
    public bool KeyConfigured { get; set; }

    /// <summary>Names of the environment variables that may hold its key (names only).</summary>
    public string[] KeyVariables { get; set; } = [];

    /// <summary>Authors whose models it hosts.</summary>
    public string[] Authors { get; set; } = [];

    /// <summary>Its API base URL (inference), when known.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The SDK package that talks to its API (an AI SDK npm package, as models.dev names it), when known.</summary>
    public string? SdkPackage { get; set; }

    /// <summary>The provider's version when this object was read; Set-StarmapProvider fails with VersionConflict when it moved since, unless -Force.</summary>
    public long Version { get; internal set; }

    /// <summary>The record this object was read from.</summary>
    internal Provider? Source { get; init; }

    /// <summary>This object's values as read (a private copy): a piped object writes only what differs from it.</summary>
    internal StarmapProvider? AsRead { get; private set; }

    /// <summary>The properties Set-StarmapProvider writes when they were edited on a piped object.</summary>
    internal static readonly string[] Editable =
    [
        nameof(Name), nameof(Description), nameof(Headquarters), nameof(Aliases), nameof(ListUrl), nameof(ListType),
        nameof(DocsUrl), nameof(KeyRequired), nameof(KeyVariables), nameof(Authors),
    ];

    /// <inheritdoc/>
    public override string ToString() => ProviderId;

    internal static StarmapProvider From(Provider provider, int models, long version)
    {
        var read = Read(provider, models);
        read.Version = version;
        var copy = (StarmapProvider)read.MemberwiseClone();
        copy.Aliases = [.. read.Aliases];
        copy.KeyVariables = [.. read.KeyVariables];
        copy.Authors = [.. read.Authors];
        read.AsRead = copy;
        return read;
    }

    private static StarmapProvider Read(Provider provider, int models)
    {
        var variables = provider.Auth?.ApiKeyEnvVars ?? default;
        return new StarmapProvider
        {
            ProviderId = provider.Id,
            Name = provider.Name,
            Description = provider.Description,
            Headquarters = provider.Headquarters,
            Aliases = [.. provider.Aliases],
            Models = models,
            ListUrl = provider.Catalog?.Endpoint?.Url,
            ListType = provider.Catalog?.Endpoint is { } endpoint ? EndpointTypeName(endpoint.Type) : null,
            DocsUrl = provider.DocsUrl,
            KeyRequired = provider.Auth?.KeyRequired ?? false,
            // Presence only: the value is never copied anywhere.
            KeyConfigured = variables.Any(name => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name))),
            KeyVariables = [.. variables],
            Authors = [.. provider.Catalog?.Authors ?? default],
            BaseUrl = provider.Inference?.BaseUrl,
            SdkPackage = provider.Inference?.SdkPackage,
            Source = provider,
        };
    }

    internal static string EndpointTypeName(CatalogEndpointType type) => type switch
    {
        CatalogEndpointType.OpenAI => "openai",
        CatalogEndpointType.GoogleCloud => "google-cloud",
        CatalogEndpointType.OpenRouter => "openrouter",
        _ => Names.Of(type),
    };
}
