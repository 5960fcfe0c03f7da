namespace Starmap.Sources.Keys;

/// <summary>Whether a provider's API key is needed and set. Carries variable names, never the value.</summary>
public sealed record KeyStatus
{
    /// <summary>The provider.</summary>
    public required string ProviderId { get; init; }

    /// <summary>True when listing models needs a key.</summary>
    public bool Required { get; init; }

    /// <summary>True when one of the variables is set (to a value that fits the pattern, if any).</summary>
    public bool Present { get; init; }

    /// <summary>The variable the key was read from.</summary>
    public string? EnvVar { get; init; }

    /// <summary>The variables looked at, in order.</summary>
    public EquatableArray<string> EnvVars { get; init; }

    /// <summary>What is wrong (not set, does not match the pattern), or null.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the source cannot run: a key is required and none usable is set.</summary>
    public bool Blocks => Required && !Present;
}
