namespace Starmap;

/// <summary>
/// An inference endpoint: one operation of one provider. Projected from provider records, so it
/// cannot drift from them.
/// </summary>
[GenerateSerializer, Immutable, Alias("starmap.endpoint")]
public sealed record Endpoint
{
    /// <summary><c>provider/operation</c>, e.g. <c>openai/chat-completions</c>.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Display name.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Description.</summary>
    [Id(2)] public string? Description { get; init; }

    /// <summary>The provider that serves it.</summary>
    [Id(3)] public required string ProviderId { get; init; }

    /// <summary>Operation: chat-completions, messages, responses, embeddings...</summary>
    [Id(4)] public required string Operation { get; init; }

    /// <summary>Wire protocol family.</summary>
    [Id(5)] public string? Type { get; init; }

    /// <summary>Absolute URL.</summary>
    [Id(6)] public required string Url { get; init; }
}
