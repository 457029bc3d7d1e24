using System.Text.Json;
using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Host.WebChat;

/// <summary>
/// A web chat message as the page posts it, read by hand so every malformed body gets a clear 400 in
/// Vietnamese (model binding would answer with an English problem document or a 415).
/// </summary>
public sealed partial record WebChatRequest(string ConversationId, string ClientMessageId, string? Text, string? Choice)
{
    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    public static (WebChatRequest? Request, string? Error) Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return (null, "Dữ liệu gửi lên không đúng định dạng JSON.");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // Well-formed JSON holding a string that is not valid UTF-16 (a lone surrogate such as "\ud800").
                return (null, "Tin nhắn có ký tự không đọc được. Bác gõ lại giúp nhé.");
            }
        }
    }

    private static (WebChatRequest? Request, string? Error) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "Dữ liệu gửi lên phải là một đối tượng JSON.");
        }

        var conversationId = ReadString(root, "conversationId");
        if (conversationId is null || !IdPattern().IsMatch(conversationId))
        {
            return (null, "Thiếu mã cuộc trò chuyện (conversationId) hoặc mã không hợp lệ.");
        }

        var clientMessageId = ReadString(root, "clientMessageId");
        if (clientMessageId is not null && (clientMessageId.Length > 100 || clientMessageId.Length == 0))
        {
            return (null, "Mã tin nhắn (clientMessageId) không hợp lệ.");
        }

        var text = ReadString(root, "text");
        var choice = ReadString(root, "choice");
        if (choice is not null && (choice.Length > 64 || choice.Length == 0))
        {
            return (null, "Lựa chọn (choice) không hợp lệ.");
        }

        if (string.IsNullOrWhiteSpace(text) && choice is null)
        {
            return (null, "Tin nhắn trống. Bác gõ câu hỏi hoặc bấm một nút nhé.");
        }

        return (new WebChatRequest(conversationId, clientMessageId ?? Guid.NewGuid().ToString("N"), text, choice), null);
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
