using HaiHau.InfoBot.Core.Channels;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// POST /webhooks/{channel}: the adapter verifies and translates; accepted messages are stored before the 200
/// (STYLE.md §2.2 step 1), and their turns run after it. Telegram and Zalo both retry on anything but 200.
/// </summary>
public static class WebhookApi
{
    /// <summary>Real updates are a few kilobytes; anything near this is not the platform.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapInfoBotWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/{channel}", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string channel, HttpRequest request, IEnumerable<IChannelAdapter> adapters, InboundAcceptor acceptor, ILoggerFactory logs, CancellationToken ct)
    {
        var adapter = adapters.FirstOrDefault(a => a.Channel == channel);
        if (adapter is null)
        {
            return Results.NotFound(); // the channel is off (not configured) or does not exist
        }

        var logger = logs.CreateLogger("HaiHau.InfoBot.Webhooks");
        var body = await ReadBodyAsync(request, ct);
        if (body is null)
        {
            logger.LogWarning("{Channel} webhook body over {Max} bytes refused", channel, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        switch (await adapter.ReadAsync(new WebhookRequest(headers, body), ct))
        {
            case WebhookResult.Rejected rejected:
                logger.LogWarning("{Channel} webhook rejected: {Reason}", channel, rejected.Reason);
                return Results.StatusCode(rejected.StatusCode);
            case WebhookResult.Ignored ignored:
                logger.LogInformation("{Channel} webhook ignored: {Reason}", channel, ignored.Reason);
                return Results.Ok();
            case WebhookResult.Accepted accepted:
                await acceptor.AcceptAsync(accepted, ct);
                return Results.Ok();
            default:
                throw new InvalidOperationException("unknown webhook result");
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        int read;
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            // The platforms send a length: read into an array of that size, not through a 16 KB chunk and a stream
            // copied again at the end (issue 15: the chunk alone was zeroed on every webhook call). A body cut short is
            // handed on as it came, as before, and the adapter refuses it.
            var body = new byte[length];
            var filled = 0;
            while (filled < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(filled), ct)) > 0)
            {
                filled += read;
            }

            return filled == body.Length ? body : body[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
