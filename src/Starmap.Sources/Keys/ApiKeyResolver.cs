using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Starmap.Sources.Keys;

/// <summary>
/// Finds a provider's API key at call time in the environment variables its auth metadata names
/// (first set wins) and checks it against the provider's pattern. Reports only names and presence.
/// </summary>
public sealed class ApiKeyResolver
{
    private readonly Func<string, string?> _read;

    /// <summary>Creates a resolver over <see cref="SourceOptions.ReadEnvironment"/>.</summary>
    public ApiKeyResolver(IOptions<SourceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _read = options.Value.ReadEnvironment;
    }

    /// <summary>Whether <paramref name="provider"/> needs a key and has one.</summary>
    public KeyStatus GetStatus(Provider provider)
    {
        Resolve(provider, out var status);
        return status;
    }

    internal ApiKey? Resolve(Provider provider, out KeyStatus status)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var auth = provider.Auth;
        var required = auth?.KeyRequired ?? false;
        var names = auth?.ApiKeyEnvVars ?? default;
        status = new KeyStatus { ProviderId = provider.Id, Required = required, EnvVars = names };
        if (auth is null)
        {
            return null;
        }
        if (names.IsEmpty)
        {
            status = status with { Problem = "no API key environment variable is configured" };
            return null;
        }
        foreach (var name in names)
        {
            if (!IsCredentialName(name) || _read(name) is not { Length: > 0 } raw)
            {
                continue;
            }
            var value = raw.Trim();
            if (PatternProblem(auth.ApiKeyPattern, value) is { } problem)
            {
                status = status with { EnvVar = name, Problem = $"{name} {problem}" };
                return null;
            }
            status = status with { Present = true, EnvVar = name };
            return new ApiKey(value, auth.Header, auth.Scheme, auth.QueryParameter);
        }
        var credentials = names.Where(IsCredentialName).ToList();
        status = status with
        {
            Problem = credentials.Count switch
            {
                0 => $"{string.Join(", ", names)} {(names.Count == 1 ? "does" : "do")} not name a credential (a variable named like *_API_KEY, *_TOKEN, *_SECRET, *_PAT); no key is sent",
                1 => $"{credentials[0]} is not set",
                _ => $"none of {string.Join(", ", credentials)} is set",
            },
        };
        return null;
    }

    // The parts of a variable name that say it holds a credential.
    private static readonly HashSet<string> CredentialWords = new(StringComparer.Ordinal)
    {
        "KEY", "APIKEY", "TOKEN", "SECRET", "PAT", "PASSWORD", "CREDENTIAL", "CREDENTIALS",
    };

    /// <summary>
    /// Whether a variable's name says it holds a credential (one of its '_'-separated parts is KEY, TOKEN,
    /// SECRET, PAT...). Only such a variable is ever read as a key and sent: a provider record naming PATH or
    /// DATABASE_URL (by mistake, or to have the silo send it to a host of the writer's choosing) sends nothing,
    /// and models.dev's non-key variables of a provider (AZURE_RESOURCE_NAME, AWS_REGION) are never sent as its key.
    /// </summary>
    public static bool IsCredentialName(string name) =>
        !string.IsNullOrEmpty(name) && name.ToUpperInvariant().Split('_').Any(CredentialWords.Contains);

    private static string? PatternProblem(string? pattern, string value)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))
                ? null
                : $"does not match the expected key pattern {pattern}";
        }
        catch (ArgumentException)
        {
            return $"cannot be checked: the key pattern {pattern} is not a valid regular expression";
        }
        catch (RegexMatchTimeoutException)
        {
            return $"cannot be checked: the key pattern {pattern} took too long";
        }
    }
}
