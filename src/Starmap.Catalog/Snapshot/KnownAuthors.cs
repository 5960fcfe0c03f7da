namespace Starmap.Catalog.Snapshot;

/// <summary>
/// A small table of model makers and the spellings sources use for them: ID namespaces
/// (<c>meta-llama/...</c>, <c>deepseek-ai/...</c>, <c>Qwen/...</c>), <c>owned_by</c> names
/// (<c>Alibaba Cloud</c>) and models.dev families (<c>claude-sonnet</c>, <c>qwen3.6</c>). A source's
/// author is derived from it only when the spelling is in the table, so a guess always names one of
/// these authors and never an invented one.
/// </summary>
/// <remarks>
/// Spellings are compared after lower-casing and dropping everything but letters and digits, so
/// <c>meta-llama</c>, <c>Meta Llama</c> and <c>meta_llama</c> are one alias. A family matches a prefix
/// when the family is the prefix or continues with a non-letter (<c>qwen3.6</c>, <c>gpt-mini</c>), so
/// <c>o</c> matches <c>o-mini</c> but not <c>olmo</c>.
/// </remarks>
public static class KnownAuthors
{
    private sealed record Maker(string Id, string[] Aliases, string[] Families);

    private static readonly Maker[] Makers =
    [
        new("openai", ["openai", "openaiinternal"], ["gpt", "o", "text-embedding", "whisper", "dall-e", "codex", "chatgpt", "sora", "tts"]),
        new("anthropic", ["anthropic"], ["claude"]),
        new("google", ["google", "gemini", "googledeepmind"], ["gemini", "gemma", "imagen", "veo", "palm"]),
        new("meta", ["meta", "metallama", "facebook"], ["llama"]),
        new("mistral", ["mistral", "mistralai"], ["mistral", "ministral", "devstral", "codestral", "pixtral", "magistral", "voxtral", "mixtral"]),
        new("deepseek", ["deepseek", "deepseekai"], ["deepseek"]),
        new("moonshot-ai", ["moonshotai", "moonshot"], ["kimi", "moonshot"]),
        new("qwen", ["qwen", "alibaba", "alibabacloud", "alibabaqwen"], ["qwen", "qwq", "qvq"]),
        new("xai", ["xai"], ["grok"]),
        new("zhipu-ai", ["zhipuai", "zhipu", "zai", "zaiorg", "thudm"], ["glm", "chatglm"]),
        new("microsoft", ["microsoft"], ["phi"]),
        new("nvidia", ["nvidia"], ["nemotron"]),
        new("cohere", ["cohere", "cohereforai", "coherelabs"], ["command", "cohere", "aya"]),
        new("amazon", ["amazon", "aws"], ["nova", "titan"]),
        new("minimax", ["minimax", "minimaxai"], ["minimax"]),
        new("xiaomi", ["xiaomi", "xiaomimimo"], ["mimo"]),
        new("bytedance", ["bytedance", "bytedanceseed"], ["seed"]),
        new("baidu", ["baidu"], ["ernie"]),
        new("tencent", ["tencent"], ["hunyuan", "hy"]),
        new("ibm", ["ibm", "ibmgranite"], ["granite"]),
        new("perplexity", ["perplexity", "perplexityai"], ["sonar"]),
    ];

    private static readonly Dictionary<string, string> ByAlias = Makers
        .SelectMany(m => m.Aliases.Select(a => (Alias: Fold(a), m.Id)))
        .ToDictionary(p => p.Alias, p => p.Id, StringComparer.Ordinal);

    // Longest prefix first, so "gpt-image" could never be taken by a shorter family of another maker.
    private static readonly (string Prefix, string Id)[] ByFamily = [.. Makers
        .SelectMany(m => m.Families.Select(f => (Prefix: f, m.Id)))
        .OrderByDescending(p => p.Prefix.Length).ThenBy(p => p.Prefix, StringComparer.Ordinal)];

    /// <summary>Every author ID in the table, sorted.</summary>
    public static EquatableArray<string> Ids { get; } = Makers.Select(m => m.Id).Order(StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The author a namespace or maker name stands for (<c>meta-llama</c> → <c>meta</c>), or null when not in the table.</summary>
    public static string? FromAlias(string? raw) =>
        raw is { Length: > 0 } && ByAlias.TryGetValue(Fold(raw.TrimStart('~', '@')), out var id) ? id : null;

    /// <summary>The author a models.dev family belongs to (<c>claude-sonnet</c> → <c>anthropic</c>), or null.</summary>
    public static string? FromFamily(string? family)
    {
        if (family is not { Length: > 0 })
        {
            return null;
        }
        foreach (var (prefix, id) in ByFamily)
        {
            if (family.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) &&
                (family.Length == prefix.Length || !char.IsLetter(family[prefix.Length])))
            {
                return id;
            }
        }
        return null;
    }

    /// <summary>
    /// The author of <paramref name="modelId"/> as its own spelling says: the ID's namespace when it is a
    /// known alias, else the family's maker; null when neither names a known author.
    /// </summary>
    public static string? Derive(string modelId, string? family)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return FromAlias(AuthorCredits.Namespace(modelId)) ?? FromFamily(family);
    }

    private static string Fold(string value)
    {
        Span<char> buffer = stackalloc char[Math.Min(value.Length, 128)];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return new string(buffer[..length]);
    }
}
