namespace Starmap.Catalog.Snapshot;

/// <summary>Projects a provider's inference config onto <see cref="Endpoint"/> records.</summary>
internal static class EndpointProjection
{
    public const string ChatCompletions = "chat-completions";

    /// <summary>The provider's endpoints in the order its config lists them; the first per operation wins.</summary>
    public static Endpoint[] Of(Provider provider)
    {
        if (provider.Inference is not { } inference)
        {
            return [];
        }
        var endpoints = new List<Endpoint>();
        var operations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in inference.Endpoints)
        {
            if (operations.Add(endpoint.Operation))
            {
                endpoints.Add(Create(provider, endpoint.Operation, endpoint.Type, endpoint.Url));
            }
        }
        // The older single chat_completions_url stands in for a missing chat-completions endpoint.
        if (inference.ChatCompletionsUrl is { } url && !operations.Contains(ChatCompletions))
        {
            endpoints.Add(Create(provider, ChatCompletions, type: null, url));
        }
        return [.. endpoints];
    }

    private static Endpoint Create(Provider provider, string operation, string? type, string url) => new()
    {
        Id = provider.Id + "/" + operation,
        Name = provider.Name + " " + operation,
        ProviderId = provider.Id,
        Operation = operation,
        Type = type,
        Url = url,
    };
}
