using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Zalo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// The real host with the Zalo channel pointed at a <see cref="FakeZaloApi"/>, a watched fake clock, and a sender
/// playing Zalo's webhook calls. Tests wait on the workers' events (a turn processed, a send settled), never sleep.
/// </summary>
public sealed class ZaloBed : IAsyncDisposable
{
    public const string Resident = "246845883529197922";

    /// <summary>A generous bound on waiting for events that should come within milliseconds; never reached when green.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly bool _ownsZalo;
    private int _sequence;

    private ZaloBed(FakeZaloApi zalo, bool ownsZalo, InfoBotApp app, WatchedClock time, IReadOnlyDictionary<string, string?> configured)
    {
        _ownsZalo = ownsZalo;
        Configured = configured;
        Zalo = zalo;
        App = app;
        Time = time;
        Webhooks = new ZaloWebhookSender(app.CreateClient());
    }

    public FakeZaloApi Zalo { get; }

    /// <summary>The settings this host started with (a restart with these keeps the stored tokens).</summary>
    public IReadOnlyDictionary<string, string?> Configured { get; }

    public InfoBotApp App { get; }

    public WatchedClock Time { get; }

    public ZaloWebhookSender Webhooks { get; }

    public static string Testdata(string name) => Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Host.Tests", "Zalo", "testdata", name);

    public static WatchedClock NewClock() => new(InfoBotApp.NewClock().GetUtcNow());

    /// <summary>A bed over <paramref name="folder"/>'s database; several in turn play restarts (pass the same fake and clock).</summary>
    public static async Task<ZaloBed> StartAsync(
        TempDirectory folder, FakeZaloApi? zalo = null, WatchedClock? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var owns = zalo is null;
        zalo ??= await FakeZaloApi.StartAsync();
        time ??= NewClock();
        var all = zalo.Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new InfoBotApp(folder.SqliteConnectionString(), time, all);
        return new ZaloBed(zalo, owns, app, time, all);
    }

    public ZaloPayload Payload(string file) => ZaloPayload.Load(Testdata(file)).At(Time.GetUtcNow());

    /// <summary>Following the OA, as <paramref name="user"/>.</summary>
    public ZaloPayload Follow(string user = Resident) => Payload("follow.json").With("follower.id", user);

    /// <summary>The resident types <paramref name="text"/> (a new msg_id each time).</summary>
    public ZaloPayload Text(string text, string user = Resident) =>
        Payload("user_send_text.json").With("message.text", text).With("message.msg_id", $"msg{++_sequence:D4}{Guid.NewGuid():N}"[..20]).With("sender.id", user);

    /// <summary>Starts waiting for the next <paramref name="count"/> settled sends; await it after acting.</summary>
    public Task<IReadOnlyList<(OutboxDelivery Delivery, SendResult Result)>> ExpectSends(int count)
    {
        var worker = App.Services.GetRequiredService<OutboxWorker>();
        var seen = new List<(OutboxDelivery, SendResult)>();
        var done = new TaskCompletionSource<IReadOnlyList<(OutboxDelivery, SendResult)>>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSettled(OutboxDelivery delivery, SendResult result)
        {
            lock (seen)
            {
                seen.Add((delivery, result));
                if (seen.Count == count)
                {
                    worker.Settled -= OnSettled;
                    done.TrySetResult(seen.ToList());
                }
            }
        }

        worker.Settled += OnSettled;
        return done.Task.WaitAsync(Patience);
    }

    /// <summary>Starts waiting for the turn of this message (turns of earlier tests may still be running); await it after acting.</summary>
    public Task ExpectTurn(ZaloPayload message)
    {
        var worker = App.Services.GetRequiredService<InboxWorker>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnProcessed(StoredMessage stored)
        {
            if (stored.Message.ExternalId == message.MessageId)
            {
                worker.Processed -= OnProcessed;
                done.TrySetResult();
            }
        }

        worker.Processed += OnProcessed;
        return done.Task.WaitAsync(Patience);
    }

    /// <summary>Sends a webhook call and waits for the replies it causes to settle.</summary>
    public async Task<IReadOnlyList<(OutboxDelivery Delivery, SendResult Result)>> ConverseAsync(ZaloPayload payload, int replies)
    {
        var sends = ExpectSends(replies);
        var response = await Webhooks.SendAsync(payload);
        response.EnsureSuccessStatusCode();
        return await sends;
    }

    public async Task<InfoBotDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsZalo)
        {
            await Zalo.DisposeAsync();
        }
    }
}
