using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Telegram;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// The real host with the Telegram channel on, talking real HTTP to <see cref="FakeTelegramApi"/>, in webhook or
/// polling mode. A resident's update goes in the way the mode takes it (posted to /webhooks/telegram, or queued for
/// getUpdates), and the rig waits on the workers' events, never on a sleep, until the bot's answers have gone out.
/// </summary>
public sealed class TelegramRig : IAsyncDisposable
{
    public const string Secret = "test-secret_42";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _extra;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StoredMessage>> _processed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _settled = new(0);
    private int _nextUpdateId = 900000001;
    private HttpClient _client = null!;

    private TelegramRig(FakeTelegramApi fake, string connectionString, TelegramMode mode, FakeTimeProvider time, IReadOnlyDictionary<string, string?> extra)
    {
        Fake = fake;
        Mode = mode;
        Time = time;
        _connectionString = connectionString;
        _extra = extra;
    }

    public FakeTelegramApi Fake { get; }

    public TelegramMode Mode { get; }

    public FakeTimeProvider Time { get; }

    public InfoBotApp App { get; private set; } = null!;

    /// <summary>Pauses of the Telegram outbox loop (retry-after, waits for a due reply), in order.</summary>
    public ConcurrentQueue<TimeSpan> Pauses { get; } = new();

    public event Action<TimeSpan>? Paused;

    public static async Task<TelegramRig> StartAsync(
        string connectionString, TelegramMode mode, FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? extra = null,
        Action<FakeTelegramApi>? configureFake = null)
    {
        var fake = await FakeTelegramApi.StartAsync();
        configureFake?.Invoke(fake); // before the host's first call, so even its first poll sees the setting
        var rig = new TelegramRig(fake, connectionString, mode, time ?? InfoBotApp.NewClock(), extra ?? new Dictionary<string, string?>());
        rig.StartApp();
        return rig;
    }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(_extra)
    {
        ["InfoBot:Telegram:BotToken"] = FakeTelegramApi.Token,
        ["InfoBot:Telegram:ApiBaseUrl"] = Fake.BaseUrl,
        ["InfoBot:Telegram:Mode"] = Mode.ToString(),
        ["InfoBot:Telegram:WebhookSecret"] = Secret,
        ["InfoBot:Telegram:PollTimeoutSeconds"] = "10",
    };

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Stops the host (the poller's pending long poll is abandoned) and starts a new one on the same database.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        Start();
    }

    /// <summary>
    /// Stops the host; the database and the fake Bot API (with whatever is queued there) stay. Returns once the fake
    /// has recorded every call of the stopped host, its abandoned poll included.
    /// </summary>
    public async Task StopAsync()
    {
        await App.DisposeAsync();
        await Fake.WaitUntilIdleAsync();
    }

    /// <summary>Starts a new host on the same database.</summary>
    public void Start() => StartApp();

    /// <summary>Completes when the Telegram outbox loop next starts a wait that <paramref name="match"/> accepts.</summary>
    public Task<TimeSpan> WaitForPause(Func<TimeSpan, bool> match)
    {
        var pause = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(TimeSpan delay)
        {
            if (match(delay) && pause.TrySetResult(delay))
            {
                Paused -= Handler;
            }
        }

        Paused += Handler;
        return pause.Task.WaitAsync(Patience);
    }

    /// <summary>The messages delivered to one chat so far, in order.</summary>
    public IReadOnlyList<FakeTelegramRequest> DeliveredTo(long chatId) => Fake.Delivered.Where(m => m.ChatId == chatId).ToList();

    /// <summary>Posts an update to the webhook as Telegram would (secret header unless told otherwise).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject update, string? secret = Secret)
    {
        update["update_id"] ??= Interlocked.Increment(ref _nextUpdateId);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramAdapter.SecretHeader, secret);
        }

        return await _client.SendAsync(request);
    }

    /// <summary>Delivers an update the way this mode receives them and waits until its turn has run.</summary>
    public async Task<StoredMessage> DeliverAsync(JsonObject update)
    {
        var externalId = ExternalIdOf(update);
        var processed = _processed.GetOrAdd(externalId, _ => NewSource());
        if (Mode == TelegramMode.Webhook)
        {
            using var response = await PostAsync(update);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Fake.Enqueue(update);
        }

        return await processed.Task.WaitAsync(Patience);
    }

    /// <summary>Waits until an update already on its way (queued before a restart) has been stored and its turn run.</summary>
    public async Task<long> ProcessedAsync(JsonObject update)
    {
        var externalId = ExternalIdOf(update);
        var processed = _processed.GetOrAdd(externalId, _ => NewSource());
        await using (var db = await Db())
        {
            // Its turn may have run before this host's events were subscribed to.
            var done = await db.Inbox.AsNoTracking().Where(i => i.Channel == "telegram" && i.ExternalId == externalId && i.Status != InboxStatus.Pending)
                .Select(i => (long?)i.Id).FirstOrDefaultAsync();
            if (done is { } id)
            {
                return id;
            }
        }

        return (await processed.Task.WaitAsync(Patience)).InboxId;
    }

    /// <summary>Delivers an update, waits until every reply of its turn is settled, and returns the messages delivered.</summary>
    public async Task<IReadOnlyList<FakeTelegramRequest>> SayAsync(JsonObject update)
    {
        var before = Fake.Requests.Count;
        var stored = await DeliverAsync(update);
        await SettledAsync(stored.InboxId);
        return Fake.Requests.Skip(before).Where(r => r.Method == "sendMessage" && r.Succeeded).ToList();
    }

    /// <summary>Waits (on the outbox worker's events) until no reply of this inbox message is pending.</summary>
    public async Task SettledAsync(long inboxId)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (await PendingRepliesAsync(inboxId) > 0)
        {
            await _settled.WaitAsync(deadline.Token);
        }
    }

    public async Task<int> PendingRepliesAsync(long inboxId)
    {
        await using var db = await Db();
        return await db.Outbox.CountAsync(o => o.InboxId == inboxId && o.Status == OutboxStatus.Pending);
    }

    public async Task<InfoBotDbContext> Db() =>
        await App.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();

    public async Task<ConversationRecord?> ConversationAsync(long chatId)
    {
        await using var db = await Db();
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        return await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Channel == "telegram" && c.ChatId == chat);
    }

    public async Task<List<OutboxRecord>> OutboxAsync(long chatId)
    {
        await using var db = await Db();
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        return await db.Outbox.AsNoTracking().Where(o => o.Channel == "telegram" && o.ChatId == chat).OrderBy(o => o.Id).ToListAsync();
    }

    /// <summary>The inbox key the adapter gives an update: (chat, message id) for messages, the query id for presses.</summary>
    public static string ExternalIdOf(JsonObject update)
    {
        if (update["callback_query"] is JsonObject press)
        {
            var message = press["message"]!;
            return $"cb:{press["id"]}:{message["chat"]!["id"]}:{message["message_id"]}";
        }

        var m = update["message"]!;
        return $"{m["chat"]!["id"]}:{m["message_id"]}";
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        _settled.Dispose();
    }

    private void StartApp()
    {
        App = new InfoBotApp(_connectionString, Time, Settings);
        _client = App.CreateClient(); // builds and starts the host
        Service<InboxWorker>().Processed += stored =>
            _processed.GetOrAdd(stored.Message.ExternalId, _ => NewSource()).TrySetResult(stored);
        var outbox = Service<OutboxWorker>();
        outbox.Settled += (_, _) => _settled.Release();
        outbox.Asleep += (channel, until) =>
        {
            if (channel == "telegram")
            {
                var delay = until - Time.GetUtcNow(); // raised as the timer is set, so the clock has not moved yet
                Pauses.Enqueue(delay);
                Paused?.Invoke(delay);
            }
        };
    }

    private static TaskCompletionSource<StoredMessage> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
