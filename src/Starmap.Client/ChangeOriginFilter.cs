namespace Starmap.Client;

/// <summary>
/// Puts the client's <see cref="StarmapClientOptions.Origin"/> in the request context of every call it
/// makes (unless the caller set one), so the registry records the writes with it. Removed again after the
/// call: the caller's context is left as it was.
/// </summary>
internal sealed class ChangeOriginFilter(string origin) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (RequestContext.Get(ChangeOrigins.RequestContextKey) is not null)
        {
            await context.Invoke();
            return;
        }
        RequestContext.Set(ChangeOrigins.RequestContextKey, origin);
        try
        {
            await context.Invoke();
        }
        finally
        {
            RequestContext.Remove(ChangeOrigins.RequestContextKey);
        }
    }
}
