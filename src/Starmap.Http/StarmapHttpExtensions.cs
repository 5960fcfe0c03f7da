using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Starmap.Http;

/// <summary>Adds the Starmap HTTP API to an ASP.NET Core host that also runs (or connects to) Orleans.</summary>
public static class StarmapHttpExtensions
{
    private const string CorsPolicy = "starmap";

    /// <summary>Services of the API: options from <c>Starmap:Http</c>, the facade, rate limiter, CORS, OpenAPI.</summary>
    public static IServiceCollection AddStarmapHttp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Read now as well, validated by the same rules: the rate limiter, CORS and compression are set up from it here.
        var options = StarmapHttpOptionsValidator.Read(configuration);
        services.AddOptions<StarmapHttpOptions>().BindConfiguration(StarmapHttpOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StarmapHttpOptions>, StarmapHttpOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StarmapHttpOptions>>().Value);
        services.AddSingleton<ApiKeyGuard>();
        services.AddSingleton<StarmapReadiness>();
        services.AddStarmapHealthChecks();
        // One facade for all requests: reads on this host never go back in time and see HTTP writes.
        services.TryAddSingleton(CatalogReaders.NewCatalog);
        services.TryAddSingleton<GenerationResponseCache>();

        services.AddRateLimiter(limiter =>
        {
            // Per client address: the peer's, or the one a trusted proxy forwarded (UseForwardedHeaders runs first).
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsProbe(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("probes")
                    : RateLimitPartition.Get(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new ClientWindowLimiter(options.RateLimitPermits, options.RateLimitWindow, TimeProvider.System)));
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                // The time left in this client's window, rounded up: retrying then succeeds.
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)Math.Ceiling(options.RateLimitWindow.TotalSeconds);
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(HttpError.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited",
                    $"too many requests from this client; retry after {seconds} s"));
            };
        });

        if (options.CorsOrigins.Length > 0)
        {
            services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(options.CorsOrigins)
                .WithMethods("GET", "POST", "PUT", "DELETE")
                .WithHeaders("Authorization", "X-Api-Key", "Content-Type", "If-None-Match")
                .WithExposedHeaders("ETag", "Retry-After")));
        }

        var (proxies, networks) = options.TrustedProxyAddresses();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Only the configured proxies: ASP.NET trusts loopback by default, which would let any local
            // process (or a same-host proxy's other clients) pick its own rate-limit bucket.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = null;
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });

        if (options.Compression)
        {
            // JSON and text only (the defaults): never text/event-stream, whose events must not wait in a buffer.
            services.AddResponseCompression(compression =>
            {
                compression.Providers.Add<BrotliCompressionProvider>();
                compression.Providers.Add<GzipCompressionProvider>();
            });
            services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
            services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        }

        // The OpenAPI document describes the JSON the routes write (StarmapJson's snake_case shape).
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        });
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<OpenApiDocumentation>();
            openApi.AddOperationTransformer<OpenApiOperationDocumentation>();
            // The document describes the Starmap API, not the Orleans Dashboard hosted beside it.
            openApi.ShouldInclude = description =>
                description.RelativePath is not { } path || !path.StartsWith("dashboard", StringComparison.OrdinalIgnoreCase);
        });
        return services;
    }

    /// <summary>
    /// Middleware of the API: forwarded client addresses (trusted proxies only), compression, error shape,
    /// body size limit, CORS, rate limiter, keyed endpoints. Call before mapping routes.
    /// </summary>
    public static IApplicationBuilder UseStarmapHttp(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<StarmapHttpOptions>();
        if (options.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        if (options.Compression)
        {
            app.UseResponseCompression();
        }
        app.UseStatusCodePages(context => context.HttpContext.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => HttpError.WriteAsync(context.HttpContext, 404, "not_found", "no such route; /openapi/v1.json lists them"),
            StatusCodes.Status415UnsupportedMediaType => HttpError.WriteAsync(context.HttpContext, 415, "unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'"),
            StatusCodes.Status405MethodNotAllowed => HttpError.WriteAsync(context.HttpContext, 405, "method_not_allowed", "this route does not take that method"),
            StatusCodes.Status400BadRequest => HttpError.WriteAsync(context.HttpContext, 400, "bad_request", "the request is malformed: a route value or parameter is missing or cannot be read"),
            var status => HttpError.WriteAsync(context.HttpContext, status, "error", "the request failed"),
        });
        app.UseMiddleware<ErrorHandling>();
        app.UseMiddleware<RequestBodyLimit>();
        if (options.CorsOrigins.Length > 0)
        {
            app.UseCors(CorsPolicy);
        }
        app.UseRateLimiter();
        app.UseStarmapKeyedEndpoints();
        return app;
    }

    /// <summary>Maps every route: <c>/api/v1/...</c>, the exports, health, and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapStarmapApi(this IEndpointRouteBuilder endpoints)
    {
        // Every API route reads its query strictly (400), is rate limited (429) and asks the cluster (503, 504).
        var api = endpoints.MapGroup("/api/v1").WithTags("catalog")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests,
                StatusCodes.Status503ServiceUnavailable, StatusCodes.Status504GatewayTimeout);
        var reads = api.MapGroup("").RequireReadKey().ValidateRouteIds();
        CatalogEndpoints.Map(reads);
        ModelEndpointsRoute.Map(reads);
        QuarantineEndpoints.Map(reads);
        CostEndpoints.Map(reads);
        SyncEndpoints.Map(reads);
        CatalogSyncEndpoints.Map(reads);
        UpdateStreamEndpoint.Map(reads);
        ChangeEndpoints.Map(reads);
        ProviderOverviewEndpoint.Map(reads);
        HistoryEndpoints.Map(reads);
        OpenAIEndpoints.Map(endpoints);
        ExportEndpoints.Map(endpoints);
        HealthEndpoints.Map(endpoints);
        endpoints.MapStarmapOpenApi().RequireStarmapReadKey();
        return endpoints;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/ready");
}
