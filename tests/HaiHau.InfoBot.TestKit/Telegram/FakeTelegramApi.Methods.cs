using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HaiHau.InfoBot.TestKit.Telegram;

/// <summary>The Bot API methods the fake implements, each as the real API answers it (shared/channels.md §A.4–A.9).</summary>
public sealed partial class FakeTelegramApi
{
    private static readonly string[] Methods =
        ["getMe", "getUpdates", "sendMessage", "answerCallbackQuery", "editMessageReplyMarkup", "setWebhook", "deleteWebhook", "getWebhookInfo"];

    private async Task<(int, JsonObject)> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = IntParameter(body, "offset");
        var limit = Math.Clamp(IntParameter(body, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(IntParameter(body, "timeout") ?? 0);
        Task queued;
        lock (_gate)
        {
            if (_webhook is not null)
            {
                return (409, Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
            }

            Confirm(offset);
            if (_updates.Count > 0 || timeout == TimeSpan.Zero)
            {
                return (200, Ok(new JsonArray([.. _updates.Take(limit).Select(u => u.DeepClone())])));
            }

            queued = _queued.Task;
            _holding++;
            _held.TrySetResult();
            _held = NewSignal();
        }

        // Long poll: answer as soon as something is queued, the hold ends, or the client goes away.
        await Task.WhenAny(queued, Task.Delay(timeout < MaxHold ? timeout : MaxHold, aborted));
        lock (_gate)
        {
            _holding--;
            Confirm(offset);
            return (200, Ok(new JsonArray([.. _updates.Take(limit).Select(u => u.DeepClone())])));
        }
    }

    // Updates below the offset are confirmed and forgotten; a negative offset keeps only the last -offset ones.
    private void Confirm(int? offset)
    {
        if (offset is > 0)
        {
            _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < offset);
        }
        else if (offset is < 0)
        {
            _updates.RemoveRange(0, Math.Max(0, _updates.Count + offset.Value));
        }
    }

    private (int, JsonObject) SendMessage(JsonObject body)
    {
        if (LongParameter(body, "chat_id") is not { } chat)
        {
            return Bad("Bad Request: chat_id is empty");
        }

        var text = body["text"]?.GetValue<string>() ?? string.Empty;
        var html = string.Equals(body["parse_mode"]?.GetValue<string>(), "html", StringComparison.OrdinalIgnoreCase);
        var visible = html ? FakeTelegramHtml.Parse(text) : text;
        if (visible is null)
        {
            return Bad("Bad Request: can't parse entities: unsupported start tag or unmatched end tag");
        }

        if (visible.Trim().Length == 0)
        {
            return Bad("Bad Request: message text is empty");
        }

        if (visible.Length > 4096)
        {
            return Bad("Bad Request: message is too long");
        }

        if (body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            && rows.SelectMany(r => r!.AsArray()).Any(b => b!["callback_data"] is { } data
                && System.Text.Encoding.UTF8.GetByteCount(data.GetValue<string>()) is 0 or > 64))
        {
            return Bad("Bad Request: BUTTON_DATA_INVALID");
        }

        lock (_gate)
        {
            if (_blocked.Contains(chat))
            {
                return (403, Error(403, "Forbidden: bot was blocked by the user"));
            }

            var id = _nextMessageId++;
            _messages.Add((chat, id));
            var message = new JsonObject
            {
                ["message_id"] = id,
                ["from"] = BotUser(),
                ["chat"] = new JsonObject { ["id"] = chat, ["first_name"] = "Lan", ["type"] = "private" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = visible,
            };
            if (body["reply_markup"] is { } markup)
            {
                message["reply_markup"] = markup.DeepClone();
            }

            return (200, Ok(message));
        }
    }

    private (int, JsonObject) EditReplyMarkup(JsonObject body)
    {
        var chat = LongParameter(body, "chat_id");
        var id = IntParameter(body, "message_id");
        lock (_gate)
        {
            if (chat is null || id is null || !_messages.Contains((chat.Value, id.Value)))
            {
                return Bad("Bad Request: message to edit not found");
            }
        }

        return (200, Ok(new JsonObject
        {
            ["message_id"] = id,
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        }));
    }

    private (int, JsonObject) SetWebhook(JsonObject body)
    {
        var url = body["url"]?.GetValue<string>();
        if (url is null)
        {
            return Bad("Bad Request: bad webhook: URL is required");
        }

        lock (_gate)
        {
            if (Flag(body, "drop_pending_updates"))
            {
                _updates.Clear();
            }

            var allowed = body["allowed_updates"] is JsonArray list ? list.Select(u => u!.GetValue<string>()).ToList() : [];
            _webhook = url.Length == 0 ? null : new WebhookSettings(url, body["secret_token"]?.GetValue<string>(), allowed, IntParameter(body, "max_connections") ?? 40);
        }

        return (200, Ok(true, url.Length == 0 ? "Webhook was deleted" : "Webhook was set"));
    }

    private (int, JsonObject) DeleteWebhook(JsonObject body)
    {
        lock (_gate)
        {
            if (Flag(body, "drop_pending_updates"))
            {
                _updates.Clear();
            }

            var had = _webhook is not null;
            _webhook = null;
            return (200, Ok(true, had ? "Webhook was deleted" : "Webhook is already deleted"));
        }
    }

    private JsonObject WebhookInfo()
    {
        lock (_gate)
        {
            var info = new JsonObject
            {
                ["url"] = _webhook?.Url ?? string.Empty,
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _updates.Count,
            };
            if (_webhook is { } hook)
            {
                info["max_connections"] = hook.MaxConnections;
                info["allowed_updates"] = new JsonArray([.. hook.AllowedUpdates.Select(u => (JsonNode)JsonValue.Create(u))]);
            }

            return info;
        }
    }
}
