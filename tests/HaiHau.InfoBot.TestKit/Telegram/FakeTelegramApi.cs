using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.TestKit.Telegram;

/// <summary>
/// A Telegram Bot API on 127.0.0.1 with a random port (shared/channels.md §A, §B.7): POST or GET
/// /bot{token}/{method}, the ok/result/error_code/description envelope, update queue with getUpdates offsets and
/// long polling (answered the moment an update is queued, never held long), webhook settings, and sent messages.
/// Every call is recorded; calls can be told to fail (429, 403, 400, a dropped connection).
/// </summary>
public sealed partial class FakeTelegramApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token";

    public const long BotId = 7000000001;

    public const string BotUsername = "haihau_infobot_test";

    private readonly object _gate = new();
    private readonly List<JsonObject> _updates = [];
    private readonly List<FakeTelegramRequest> _requests = [];
    private readonly List<Rule> _rules = [];
    private readonly HashSet<long> _blocked = [];
    private readonly HashSet<(long Chat, int Message)> _messages = [];
    private readonly List<(Func<FakeTelegramRequest, bool> Match, int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly string _token;
    private WebApplication _app = null!;
    private TaskCompletionSource _queued = NewSignal();
    private TaskCompletionSource _held = NewSignal();
    private int _holding;
    private int _nextUpdateId = 815000001;
    private int _nextMessageId = 5000;
    private WebhookSettings? _webhook;

    private FakeTelegramApi(string token) => _token = token;

    /// <summary>Where the client should point (InfoBot:Telegram:ApiBaseUrl), e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Longest a getUpdates call is held when nothing is queued (its own timeout may be longer).</summary>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The webhook as last set (null: none), with the secret token Telegram would send.</summary>
    public WebhookSettings? Webhook
    {
        get
        {
            lock (_gate)
            {
                return _webhook;
            }
        }
    }

    public IReadOnlyList<FakeTelegramRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Messages actually delivered (sendMessage answered 200), in order.</summary>
    public IReadOnlyList<FakeTelegramRequest> Delivered => Requests.Where(r => r.Method == "sendMessage" && r.Succeeded).ToList();

    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _updates.Count;
            }
        }
    }

    public static async Task<FakeTelegramApi> StartAsync(string token = Token)
    {
        var fake = new FakeTelegramApi(token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Map("/bot{token}/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake._app = app;
        fake.BaseUrl = app.Urls.Single().TrimEnd('/');
        return fake;
    }

    /// <summary>Queues an update for getUpdates with the next update_id (returned); a held poll answers at once.</summary>
    public int Enqueue(JsonObject update)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _updates.Add(update);
            _queued.TrySetResult();
            _queued = NewSignal();
            return id;
        }
    }

    /// <summary>Queues an update again with its own update_id, as Telegram re-sends an unconfirmed one.</summary>
    public void Redeliver(JsonObject update)
    {
        lock (_gate)
        {
            _updates.Add(update);
            _updates.Sort((a, b) => a["update_id"]!.GetValue<int>().CompareTo(b["update_id"]!.GetValue<int>()));
            _queued.TrySetResult();
            _queued = NewSignal();
        }
    }

    /// <summary>Answers a held getUpdates now with what is queued (maybe nothing), so the next call meets a new rule.</summary>
    public void ReleaseHeldPolls()
    {
        lock (_gate)
        {
            _queued.TrySetResult();
            _queued = NewSignal();
        }
    }

    /// <summary>Completes once a getUpdates call is being held (a poller waits for news).</summary>
    public Task WaitForHeldPollAsync()
    {
        lock (_gate)
        {
            return _holding > 0 ? Task.CompletedTask : _held.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>Forgets every failure rule not used up yet (the storm is over).</summary>
    public void ClearFailures()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> (optionally only those matching) fail.</summary>
    public void FailNext(string method, FakeTelegramFailure failure, int times = 1, Func<JsonObject, bool>? when = null)
    {
        lock (_gate)
        {
            _rules.Add(new Rule(method, when ?? (_ => true), failure, times));
        }
    }

    /// <summary>The resident blocked the bot: every sendMessage to the chat gets 403 until <see cref="Unblock"/>.</summary>
    public void Block(long chatId)
    {
        lock (_gate)
        {
            _blocked.Add(chatId);
        }
    }

    public void Unblock(long chatId)
    {
        lock (_gate)
        {
            _blocked.Remove(chatId);
        }
    }

    /// <summary>Waits (without sleeping) until <paramref name="count"/> recorded calls match; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<FakeTelegramRequest>> WaitForAsync(Func<FakeTelegramRequest, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_requests.Count(match) >= count)
            {
                return _requests.Where(match).ToList();
            }

            done = NewSignal();
            _waiters.Add((match, count, done));
        }

        await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        return Requests.Where(match).ToList();
    }

    public Task<IReadOnlyList<FakeTelegramRequest>> WaitForAsync(string method, int count = 1) =>
        WaitForAsync(r => r.Method == method, count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var body = await ReadParametersAsync(context.Request);
        // Method names are case-insensitive on the real API; recorded in their documented camelCase.
        var name = Methods.FirstOrDefault(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase)) ?? method;
        if (!string.Equals(token, _token, StringComparison.Ordinal))
        {
            await AnswerAsync(context, Record(name, body, 401), Error(401, "Unauthorized"));
            return;
        }

        var failure = TakeFailure(name, body);
        switch (failure)
        {
            case FakeTelegramFailure.Drop:
                Record(name, body, 0);
                context.Abort();
                return;
            case FakeTelegramFailure.ApiError error:
                await AnswerAsync(context, Record(name, body, error.Code), Error(error.Code, error.Description, error.RetryAfter));
                return;
        }

        var (status, answer) = name switch
        {
            "getMe" => (200, Ok(BotUser())),
            "getUpdates" => await GetUpdatesAsync(body, context.RequestAborted),
            "sendMessage" => SendMessage(body),
            "answerCallbackQuery" => body["callback_query_id"] is null ? Bad("Bad Request: query is too old and response timeout expired or query ID is invalid") : (200, Ok(true)),
            "editMessageReplyMarkup" => EditReplyMarkup(body),
            "setWebhook" => SetWebhook(body),
            "deleteWebhook" => DeleteWebhook(body),
            "getWebhookInfo" => (200, Ok(WebhookInfo())),
            _ => (404, Error(404, "Not Found")),
        };
        if (context.RequestAborted.IsCancellationRequested)
        {
            Record(name, body, 0); // the client gave up on a held poll (the host stopped)
            return;
        }

        await AnswerAsync(context, Record(name, body, status, status == 200 ? answer["result"] : null), answer);
    }

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

    private FakeTelegramFailure? TakeFailure(string method, JsonObject body)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Remaining > 0 && r.Method == method && r.When(body));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.Failure;
        }
    }

    private FakeTelegramRequest Record(string method, JsonObject body, int status, JsonNode? result = null)
    {
        var request = new FakeTelegramRequest(method, body, status, result?.DeepClone());
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => _requests.Count(w.Match) >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return request;
    }

    private static async Task AnswerAsync(HttpContext context, FakeTelegramRequest request, JsonObject answer)
    {
        context.Response.StatusCode = request.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    /// <summary>JSON body, form body or query string, as the real API accepts all three.</summary>
    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }

        var parameters = new JsonObject();
        var pairs = request.HasFormContentType ? (await request.ReadFormAsync()).Select(p => (p.Key, p.Value.ToString())) : [];
        foreach (var (key, value) in request.Query.Select(q => (q.Key, q.Value.ToString())).Concat(pairs))
        {
            parameters[key] = value.StartsWith('[') || value.StartsWith('{') ? JsonNode.Parse(value) : JsonValue.Create(value);
        }

        return parameters;
    }

    private static int? IntParameter(JsonObject body, string name) => LongParameter(body, name) is { } value ? (int)value : null;

    private static long? LongParameter(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool Flag(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s == "true",
        _ => false,
    };

    private static JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "HaiHau InfoBot",
        ["username"] = BotUsername,
    };

    private static JsonObject Ok(JsonNode result, string? description = null)
    {
        var answer = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
        {
            answer["description"] = description;
        }

        return answer;
    }

    private static JsonObject Ok(bool result, string? description = null) => Ok(JsonValue.Create(result), description);

    private static (int, JsonObject) Bad(string description) => (400, Error(400, description));

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var answer = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            answer["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return answer;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Rule(string method, Func<JsonObject, bool> when, FakeTelegramFailure failure, int remaining)
    {
        public string Method { get; } = method;

        public Func<JsonObject, bool> When { get; } = when;

        public FakeTelegramFailure Failure { get; } = failure;

        public int Remaining { get; set; } = remaining;
    }
}

/// <summary>A webhook as setWebhook left it.</summary>
public sealed record WebhookSettings(string Url, string? SecretToken, IReadOnlyList<string> AllowedUpdates, int MaxConnections);
