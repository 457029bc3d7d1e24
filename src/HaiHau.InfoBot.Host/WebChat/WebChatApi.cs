using System.Buffers;
using System.Security.Cryptography;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Host.Turns;
using HaiHau.InfoBot.Storage;
using Microsoft.Extensions.Options;

namespace HaiHau.InfoBot.Host.WebChat;

/// <summary>
/// The web chat's JSON API (documented in README.md, "Web chat API"):
/// POST /api/webchat/conversations, POST /api/webchat/messages, GET /api/webchat/conversations/{id}/messages.
/// </summary>
public static class WebChatApi
{
    public const string Channel = "web";
    public const string CorsPolicy = "webchat";

    public static IEndpointRouteBuilder MapInfoBotWebChat(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webchat").RequireCors(CorsPolicy);
        group.MapPost("/conversations", StartAsync);
        group.MapPost("/messages", PostAsync);
        group.MapGet("/conversations/{conversationId}/messages", ListAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(TurnRunner runner, TimeProvider time, CancellationToken ct)
    {
        // 128 random bits from the cryptographic generator: the id is the only key to a conversation's transcript, so it
        // must not be guessable. Guid.NewGuid would spare OpenSSL (3-5 MB, loaded on the first chat, not at idle), but its
        // randomness is an implementation detail, not a documented guarantee: personal data comes first.
        var conversationId = "w" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var from = new ConversationRef(Channel, conversationId, conversationId);
        var replies = await runner.RunAsync(new InboundMessage(from, $"start-{conversationId}", time.GetUtcNow(), null, IsStart: true), ct);
        return Results.Ok(new WebChatResponse(conversationId, replies!.Select(WebChatReply.From).ToList()));
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request, TurnRunner runner, IOptions<WebChatOptions> options, TimeProvider time, CancellationToken ct)
    {
        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "Tin nhắn quá dài.");
        }

        var body = await ReadBodyAsync(request, limit, ct);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "Tin nhắn quá dài.");
        }

        var (parsed, error) = WebChatRequest.Parse(body);
        if (parsed is null)
        {
            return Error(StatusCodes.Status400BadRequest, error!);
        }

        var from = new ConversationRef(Channel, parsed.ConversationId, parsed.ConversationId);
        // The client's id is scoped to its conversation, so the same id in another conversation is another message.
        var externalId = $"{parsed.ConversationId}:{parsed.ClientMessageId}";
        var message = new InboundMessage(from, externalId, time.GetUtcNow(), parsed.Text, parsed.Choice);
        // The conversation must exist (it is created by POST /conversations); checked in the turn's own read.
        var replies = await runner.RunAsync(message, ct, requireConversation: true);
        return replies is null
            ? Error(StatusCodes.Status404NotFound, "Không tìm thấy cuộc trò chuyện này. Trang sẽ bắt đầu cuộc trò chuyện mới.")
            : Results.Ok(new WebChatResponse(parsed.ConversationId, replies.Select(WebChatReply.From).ToList()));
    }

    private static async Task<IResult> ListAsync(string conversationId, string? after, OutboxReader outbox, CancellationToken ct)
    {
        if (!WebChatRequest.IdPattern().IsMatch(conversationId))
        {
            return Error(StatusCodes.Status400BadRequest, "Mã cuộc trò chuyện không hợp lệ.");
        }

        // Read by hand: a bound long? would answer "after=abc" with an empty 400.
        long cursor = 0;
        if (!string.IsNullOrEmpty(after) && !long.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out cursor))
        {
            return Error(StatusCodes.Status400BadRequest, "Tham số after phải là một số.");
        }

        if (!await outbox.ConversationExistsAsync(Channel, conversationId, ct))
        {
            return Error(StatusCodes.Status404NotFound, "Không tìm thấy cuộc trò chuyện này.");
        }

        var replies = await outbox.TakeAfterAsync(Channel, conversationId, cursor, ct);
        return Results.Ok(new WebChatResponse(conversationId, replies.Select(WebChatReply.From).ToList()));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        // The chunk is rented and the buffer sized from Content-Length: a new 8 KB chunk and a growing buffer per
        // message were a sizeable share of what a web turn allocates over HTTP (issue 15), for bodies of ~200 bytes.
        using var buffer = new MemoryStream(request.ContentLength is { } length && length <= limit ? (int)length : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}

public sealed record WebChatResponse(string ConversationId, IReadOnlyList<WebChatReply> Replies);

/// <param name="Said">History only: on the first reply of a turn, what the resident wrote or pressed.</param>
public sealed record WebChatReply(
    long Id,
    string Text,
    IReadOnlyList<WebChatChoice> Choices,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Said = null)
{
    public static WebChatReply From(DeliveredReply reply) =>
        new(reply.Id, reply.Text, reply.Choices.Select(c => new WebChatChoice(c.Id, c.Label)).ToList(), reply.Said);
}

public sealed record WebChatChoice(string Id, string Label);
