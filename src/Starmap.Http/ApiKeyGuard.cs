using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Starmap.Http;

/// <summary>
/// Checks the API key of a request (<c>Authorization: Bearer</c>, <c>X-Api-Key</c>, or a Basic password). Both sides are
/// hashed first so the comparison takes the same time whatever the length or content of the guess.
/// </summary>
internal sealed class ApiKeyGuard
{
    private const string KeyHeader = "X-Api-Key";
    private readonly byte[]? _keyHash;
    private readonly bool _readsNeedKey;

    public ApiKeyGuard(StarmapHttpOptions options)
    {
        _keyHash = options.EffectiveApiKey is { } key ? Hash(key) : null;
        _readsNeedKey = options.RequireKeyForReads;
    }

    /// <summary>Null when the request may write; else the error to answer.</summary>
    public IResult? CheckWrite(HttpContext context) =>
        _keyHash is null
            ? HttpError.Result(StatusCodes.Status403Forbidden, "forbidden",
                $"writes are disabled: no API key is configured. Set {StarmapHttpOptions.Section}:ApiKey or the {StarmapHttpOptions.ApiKeyVariable} environment variable and restart the silo")
            : Check(context);

    /// <summary>Null when the request may read.</summary>
    public IResult? CheckRead(HttpContext context) => _readsNeedKey ? Check(context) : null;

    private IResult? Check(HttpContext context)
    {
        var presented = Presented(context.Request.Headers);
        if (presented is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return HttpError.Result(StatusCodes.Status401Unauthorized, "unauthorized",
                $"an API key is required: send 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'");
        }
        if (!CryptographicOperations.FixedTimeEquals(Hash(presented), _keyHash))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return HttpError.Result(StatusCodes.Status401Unauthorized, "unauthorized", "the API key is not valid");
        }
        return null;
    }

    private static string? Presented(IHeaderDictionary headers)
    {
        if (headers[KeyHeader] is { Count: > 0 } key && !StringValues.IsNullOrEmpty(key))
        {
            return key[0];
        }
        var authorization = headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length)
        {
            return authorization[bearer.Length..].Trim();
        }
        // Browsers (the dashboard) send the key as a Basic password; the user name is ignored.
        const string basic = "Basic ";
        return authorization.StartsWith(basic, StringComparison.OrdinalIgnoreCase) ? BasicPassword(authorization[basic.Length..].Trim()) : null;
    }

    private static string? BasicPassword(string encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return null;
        }
        var credentials = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < credentials.Length - 1 ? credentials[(colon + 1)..] : null;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>Starmap routes behind <see cref="ApiKeyGuard"/> (enforced by <see cref="KeyedEndpoints"/>' middleware).</summary>
internal static class ApiKeyFilters
{
    public static TBuilder RequireWriteKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.DocumentsApiKey(ApiKeyScope.Write);

    public static TBuilder RequireReadKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.DocumentsApiKey(ApiKeyScope.Read);
}
