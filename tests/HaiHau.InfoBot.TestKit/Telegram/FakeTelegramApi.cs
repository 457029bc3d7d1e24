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
    private int _inFlight;
    private TaskCompletionSource _idle = Done();
    private int _nextUpdateId = 815000001;
    private int _nextMessageId = 5000;
    private WebhookSettings? _webhook;

    private FakeTelegramApi(string token) => _token = token;

    /// <summary>Where the client should point (InfoBot:Telegram:ApiBaseUrl), e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Longest a getUpdates call is held when nothing is queued (its own timeout may be longer).</summary>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Telegram's flood limit on sendMessage (null, the default: none). Above it the call is answered 429 with
    /// parameters.retry_after = 1, as the real API does; every sendMessage is recorded in it with its time.
    /// </summary>
    public SlidingWindowCap? SendCap { get; set; }

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

    /// <summary>
    /// Completes when no call is being handled. A stopped host's abandoned long poll is recorded only when the fake
    /// notices the client went away, which can be after the host's stop returned: a test that counts calls from a
    /// restart waits for this first, or that late record lands among the new host's calls (CI, 7 December).
    /// </summary>
    public Task WaitUntilIdleAsync(TimeSpan? timeout = null)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        }
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _idle = NewSignal();
            }
        }

        try
        {
            await HandleCallAsync(context, token, method);
        }
        finally
        {
            lock (_gate)
            {
                if (--_inFlight == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    private async Task HandleCallAsync(HttpContext context, string token, string method)
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

        if (name == "sendMessage" && SendCap is { } cap && !cap.TryAdmit())
        {
            await AnswerAsync(context, Record(name, body, 429), Error(429, "Too Many Requests: retry after 1", retryAfter: 1));
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Done()
    {
        var done = NewSignal();
        done.SetResult();
        return done;
    }

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
