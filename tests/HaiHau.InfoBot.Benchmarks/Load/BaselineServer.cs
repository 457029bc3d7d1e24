using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Benchmarks.Load;

/// <summary>
/// The floor: a bare minimal-API app on the same Kestrel, reading the same JSON body and answering a small JSON
/// of the web chat's shape. Bot turns/s divided by this says how much the bot itself costs.
/// </summary>
public static class BaselineServer
{
    public const string Path = "/echo";

    public static async Task<WebApplication> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost(Path, (EchoRequest request) =>
        {
            var id = request.ConversationId ?? "b" + Guid.NewGuid().ToString("N");
            return Results.Ok(new EchoResponse(id, [new EchoReply(1, "ok", [])]));
        });
        await app.StartAsync(ct);
        return app;
    }

    public sealed record EchoRequest(string? ConversationId, string? ClientMessageId, string? Text, string? Choice);

    public sealed record EchoResponse(string ConversationId, IReadOnlyList<EchoReply> Replies);

    public sealed record EchoReply(long Id, string Text, IReadOnlyList<string> Choices);
}
