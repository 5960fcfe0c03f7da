namespace Starmap.Sources.Http;

/// <summary>
/// Sits inside the resilience handler and reads the whole body within the attempt, so that a body cut
/// off half-way or slower than the attempt's timeout is retried like a failed request, and the size cap
/// holds before anything is parsed.
/// </summary>
internal sealed class SourceAttemptHandler : DelegatingHandler
{
    // An error answer is only quoted (a few hundred characters): no need to read a huge error page.
    private const int MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(SourceAttempt.Key, out var attempt))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        attempt.Start();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            byte[] body;
            if (response.IsSuccessStatusCode)
            {
                attempt.ReadingBody = true;
                try
                {
                    body = await ReadCappedAsync(response.Content, attempt.Call.MaxBytes, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsDecoderFailure(ex))
                {
                    throw new UnreadableResponseException($"the body is not in the compression its Content-Encoding names ({ex.Message})", ex);
                }
            }
            else
            {
                body = await ReadErrorBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            }
            Replace(response, body);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The handler decompresses what Content-Encoding names (and drops the header); a body that is not in it
    /// (plain JSON labelled gzip, corrupt bytes) throws from the decoder: gzip an InvalidDataException,
    /// Brotli an InvalidOperationException, both from System.IO.Compression.
    /// </summary>
    private static bool IsDecoderFailure(Exception ex) =>
        ex is InvalidDataException
        || (ex is InvalidOperationException && ex.TargetSite?.DeclaringType?.Namespace == typeof(System.IO.Compression.BrotliStream).Namespace);

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long max, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > max)
        {
            throw new UnreadableResponseException($"response of {declared} bytes exceeds the {max}-byte limit");
        }
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    // Chunked or compressed bodies have no honest length up front: count as they come.
                    throw new UnreadableResponseException($"response exceeds the {max}-byte limit");
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    private static async Task<byte[]> ReadErrorBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxErrorBodyBytes];
                var filled = 0;
                int read;
                while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }
                return buffer[..filled];
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // The status says what went wrong; a cut-off error body only loses the quote.
            return [];
        }
    }

    private static void Replace(HttpResponseMessage response, byte[] body)
    {
        var buffered = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        response.Content.Dispose();
        response.Content = buffered;
    }
}
