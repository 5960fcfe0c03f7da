namespace Starmap.PowerShell;

/// <summary>An inference endpoint: one operation of one provider (Get-StarmapEndpoint).</summary>
public sealed class StarmapEndpoint
{
    /// <summary><c>provider/operation</c>.</summary>
    public string EndpointId { get; set; } = "";

    /// <summary>Provider ID.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>Operation: chat-completions, messages, responses, embeddings...</summary>
    public string Operation { get; set; } = "";

    /// <summary>Wire protocol family.</summary>
    public string? Type { get; set; }

    /// <summary>Absolute URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; set; } = "";

    /// <inheritdoc/>
    public override string ToString() => EndpointId;

    internal static StarmapEndpoint From(Endpoint endpoint) => new()
    {
        EndpointId = endpoint.Id,
        ProviderId = endpoint.ProviderId,
        Operation = endpoint.Operation,
        Type = endpoint.Type,
        Url = endpoint.Url,
        Name = endpoint.Name,
    };
}
