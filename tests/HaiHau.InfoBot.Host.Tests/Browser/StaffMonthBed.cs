using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Host.Tests.Zalo;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// The real host on a real loopback port (Kestrel, so a browser can open it) over a real SQLite file, with a fake
/// clock, the Telegram channel against <see cref="FakeTelegramApi"/> (webhook mode) and the Zalo channel against
/// <see cref="FakeZaloApi"/>: a month of residents on every channel, then staff in the browser. Every resident's
/// message goes through the channel's real entry (the web chat API the page uses, the Telegram and Zalo webhooks),
/// and the bed waits on the workers' events (a turn processed, a send settled), never on a sleep.
/// </summary>
public sealed class StaffMonthBed : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _folder = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _turns = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _settled = new(0);
    private readonly SemaphoreSlim _slept = new(0);
    private HttpClient _http = null!;
    private ZaloWebhookSender _zaloHooks = null!;
    private int _updateId = 700000001;
    private int _zaloSequence;

    private StaffMonthBed(FakeTimeProvider time, FakeTelegramApi telegram, FakeZaloApi zalo)
    {
        Time = time;
        Telegram = telegram;
        Zalo = zalo;
    }

    public FakeTimeProvider Time { get; }

    public FakeTelegramApi Telegram { get; }

    public FakeZaloApi Zalo { get; }

    public InfoBotApp App { get; private set; } = null!;

    /// <summary>Where the browser opens the host (with the trailing slash).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string ConnectionString => _folder.SqliteConnectionString();

    public string Folder => _folder.Path;

    public WebChatClient Web => new(_http);

    public static async Task<StaffMonthBed> StartAsync(DateTimeOffset start)
    {
        var bed = new StaffMonthBed(new FakeTimeProvider(start), await FakeTelegramApi.StartAsync(), await FakeZaloApi.StartAsync());
        try
        {
            var settings = bed.Zalo.Settings();
            settings["InfoBot:Telegram:BotToken"] = FakeTelegramApi.Token;
            settings["InfoBot:Telegram:ApiBaseUrl"] = bed.Telegram.BaseUrl;
            settings["InfoBot:Telegram:Mode"] = nameof(TelegramMode.Webhook);
            settings["InfoBot:Telegram:WebhookSecret"] = TelegramRig.Secret;
            bed.App = new InfoBotApp(bed.ConnectionString, bed.Time, settings);
            bed.App.StartOnLoopback();
            var address = bed.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            bed.BaseUrl = new Uri(address.TrimEnd('/') + "/");
            bed._http = new HttpClient { BaseAddress = bed.BaseUrl };
            bed._zaloHooks = new ZaloWebhookSender(bed._http);
            bed.App.Services.GetRequiredService<InboxWorker>().Processed += stored =>
                bed._turns.GetOrAdd(Key(stored.Message.From.Channel, stored.Message.From.ChatId), _ => NewTurn()).TrySetResult(stored.InboxId);
            var outbox = bed.App.Services.GetRequiredService<OutboxWorker>();
            outbox.Settled += (_, _) => bed._settled.Release();
            outbox.Asleep += (_, _) => bed._slept.Release();
            return bed;
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async Task<InfoBotDbContext> DbAsync() => await Service<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();

    /// <summary>A Telegram resident's update, posted to the webhook as Telegram would; returns what the bot sent back once every reply of the turn went out.</summary>
    public async Task<IReadOnlyList<FakeTelegramRequest>> TelegramAsync(FakeTelegramUser user, JsonObject update)
    {
        update["update_id"] = Interlocked.Increment(ref _updateId);
        var before = Telegram.Delivered.Count(m => m.ChatId == user.Id);
        var turn = ExpectTurn("telegram", user.Id.ToString(CultureInfo.InvariantCulture));
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/telegram") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramAdapter.SecretHeader, TelegramRig.Secret);
        using (var response = await _http.SendAsync(request))
        {
            response.EnsureSuccessStatusCode();
        }

        await SettledAsync(await turn);
        return Telegram.Delivered.Where(m => m.ChatId == user.Id).Skip(before).ToList();
    }

    /// <summary>
    /// The Telegram resident presses a button: on the bot's latest message that offers it, else (an FAQ entry's button
    /// as the topic lists show them) on the latest message with buttons.
    /// </summary>
    public Task<IReadOnlyList<FakeTelegramRequest>> PressAsync(FakeTelegramUser user, string data)
    {
        var mine = Telegram.Delivered.Where(m => m.ChatId == user.Id && m.Keyboard.Count > 0).ToList();
        var on = mine.LastOrDefault(m => m.ButtonData.Contains(data)) ?? mine[^1];
        return TelegramAsync(user, user.Press(data, on.MessageId));
    }

    /// <summary>A Zalo resident's webhook call (text, or a follow when <paramref name="text"/> is null); returns the texts the bot sent them.</summary>
    public async Task<IReadOnlyList<string>> ZaloAsync(string user, string? text)
    {
        var payload = text is null
            ? ZaloPayload.Load(ZaloBed.Testdata("follow.json")).With("follower.id", user)
            : ZaloPayload.Load(ZaloBed.Testdata("user_send_text.json")).With("message.text", text).With("sender.id", user)
                .With("message.msg_id", $"msg{Interlocked.Increment(ref _zaloSequence):D6}{Guid.NewGuid():N}"[..20]);
        var before = Zalo.Sent.Count(s => s.UserId == user);
        var turn = ExpectTurn("zalo", user);
        using (var response = await _zaloHooks.SendAsync(payload.At(Time.GetUtcNow())))
        {
            response.EnsureSuccessStatusCode();
        }

        await SettledAsync(await turn);
        return Zalo.Sent.Where(s => s.UserId == user).Skip(before).Select(s => s.Text).ToList();
    }

    /// <summary>
    /// Staff send an announcement now, as the compose page does (stored, then the scheduler woken); returns when the
    /// scheduler fanned it out and every Telegram and Zalo copy has gone out, moving the clock past the per-chat spacing.
    /// </summary>
    public async Task<long> AnnounceAsync(string text)
    {
        var fanned = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduler = Service<BroadcastScheduler>();
        void OnFanned(long id, int targeted) => fanned.TrySetResult(id);
        scheduler.FannedOut += OnFanned;
        long stored;
        try
        {
            stored = await Service<BroadcastStore>().CreateAsync(
                new BroadcastDraft(text, null, Core.Broadcasts.Segment.Everyone, Time.GetUtcNow(), "can-bo@haihau.test"), CancellationToken.None);
            Service<OutboxSignal>().Wake(BroadcastScheduler.WakeKey);
            var id = await fanned.Task.WaitAsync(Patience);
            Assert.Equal(stored, id);
        }
        finally
        {
            scheduler.FannedOut -= OnFanned;
        }

        using var deadline = new CancellationTokenSource(Patience);
        while (await PendingPushAsync() > 0)
        {
            // The outbox loops sleep on this clock between paced sends: move it, then wait for a loop to send or sleep again.
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(_settled.WaitAsync(deadline.Token), _slept.WaitAsync(deadline.Token));
            deadline.Token.ThrowIfCancellationRequested();
        }

        return stored;

        async Task<int> PendingPushAsync()
        {
            await using var db = await DbAsync();
            return await db.Outbox.CountAsync(o => o.BroadcastId == stored && o.Status == OutboxStatus.Pending && o.Channel != "web");
        }
    }

    private Task<long> ExpectTurn(string channel, string chat)
    {
        var source = NewTurn();
        _turns[Key(channel, chat)] = source;
        return source.Task.WaitAsync(Patience);
    }

    /// <summary>Waits (on the outbox worker's events) until no reply of this inbox message is pending.</summary>
    private async Task SettledAsync(long inboxId)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            await using (var db = await DbAsync())
            {
                if (!await db.Outbox.AnyAsync(o => o.InboxId == inboxId && o.Status == OutboxStatus.Pending))
                {
                    return;
                }
            }

            await _settled.WaitAsync(deadline.Token);
        }
    }

    private static string Key(string channel, string chat) => channel + ":" + chat;

    private static TaskCompletionSource<long> NewTurn() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Telegram.DisposeAsync();
        await Zalo.DisposeAsync();
        _settled.Dispose();
        _slept.Dispose();
        _folder.Dispose();
    }
}
