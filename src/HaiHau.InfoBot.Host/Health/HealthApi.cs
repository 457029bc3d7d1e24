using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Health;

/// <summary>A channel's state as /health reports it.</summary>
public interface IChannelHealth
{
    string Channel { get; }

    /// <summary>"ok", "failing" or "off"; Zalo also "reauth_required" (its tokens need a person; sending waits).</summary>
    string State { get; }
}

/// <summary>GET /health: 200 when the store answers, 503 when it does not, with each channel's state.</summary>
public static class HealthApi
{
    private static readonly string[] KnownChannels = ["web", "telegram", "zalo"];

    public static IEndpointRouteBuilder MapInfoBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IDbContextFactory<InfoBotDbContext> factory, IEnumerable<IChannelHealth> channels, CancellationToken ct) =>
        {
            bool storeOk;
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                // A real query, not just an open file: the schema must be there too.
                _ = await db.Inbox.AnyAsync(ct);
                storeOk = true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                storeOk = false;
            }

            var states = KnownChannels.ToDictionary(c => c, c => channels.FirstOrDefault(h => h.Channel == c)?.State ?? "off");
            var body = new { status = storeOk ? "ok" : "failing", store = storeOk ? "ok" : "failing", channels = states };
            return Results.Json(body, statusCode: storeOk ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}

/// <summary>The web chat is part of the host: it is up whenever the host is.</summary>
public sealed class WebChatHealth : IChannelHealth
{
    public string Channel => "web";

    public string State => "ok";
}
