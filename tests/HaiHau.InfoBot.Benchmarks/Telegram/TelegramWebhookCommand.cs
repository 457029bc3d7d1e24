using System.Diagnostics;
using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Benchmarks.Load;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Benchmarks.Telegram;

/// <summary>
/// "telegram": Telegram webhook turns end to end (issue 15, target ≥ 1,000 turns/s): the real host over HTTP on
/// 127.0.0.1 with its Telegram channel in webhook mode and the real Telegram.Bot client pointed at
/// <see cref="FakeTelegramApi"/>. <c>--users N</c> residents (default 64) each post <c>--turns K</c> messages (default
/// 20) one after another, as Telegram posts a chat's updates in order; a turn counts when it is stored (the webhook
/// answered 200), answered and its replies accepted by the fake. The channel's send pacing (25 messages/s by default,
/// Telegram's own limit) and its sends in flight (8) are raised to their maxima here, so the figure is the bot's, not Telegram's. Printed with the
/// same run's bare endpoint (the load verb's baseline) and the load average.
/// </summary>
public static class TelegramWebhookCommand
{
    private const string Secret = "bench-secret_1";

    public static async Task<int> RunAsync(string[] args)
    {
        var users = Option(args, "--users", 64);
        var turns = Option(args, "--turns", 20);
        var loadBefore = RunInfo.LoadAverage();
        using var temp = new TempDirectory();
        await using var fake = await FakeTelegramApi.StartAsync();
        var contentRoot = Path.Combine(RepoPaths.Root, "src", "HaiHau.InfoBot.Host");
        await using var bot = InfoBotWeb.Build(
        [
            "--urls", "http://127.0.0.1:0", "--contentRoot", contentRoot, .. LoadCommand.HostSettings(Path.Combine(temp.Path, "telegram.db")),
            "--InfoBot:Telegram:BotToken=" + FakeTelegramApi.Token, "--InfoBot:Telegram:ApiBaseUrl=" + fake.BaseUrl,
            "--InfoBot:Telegram:Mode=" + nameof(TelegramMode.Webhook), "--InfoBot:Telegram:WebhookSecret=" + Secret,
            "--InfoBot:Delivery:Rates:telegram:MessagesPerSecond=10000", "--InfoBot:Delivery:Rates:telegram:Parallelism=64",
        ]);
        await bot.StartAsync();
        using var progress = new Progress(bot.Services);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = users }) { BaseAddress = new Uri(bot.Urls.First()) };

        // Warm-up: one conversation start per resident (JIT, pools), not timed.
        var residents = Enumerable.Range(0, users).Select(i => new FakeTelegramUser(600_000_000L + i)).ToArray();
        var updateId = 0;
        await Task.WhenAll(residents.Select(async r =>
        {
            using var request = Request(r.Text("/start"), Interlocked.Increment(ref updateId));
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }));
        await progress.SettledAsync(users, TimeSpan.FromMinutes(3));
        var sentBefore = fake.Delivered.Count;

        // Where the time goes: when the last turn ran and when the last reply was sent, from the workers' own events.
        var (cpu, clock) = (Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.StartNew());
        var (lastTurn, lastSend) = (0L, 0L);
        bot.Services.GetRequiredService<InboxWorker>().Processed += _ => Interlocked.Exchange(ref lastTurn, clock.ElapsedTicks);
        bot.Services.GetRequiredService<OutboxWorker>().Settled += (_, _) => Interlocked.Exchange(ref lastSend, clock.ElapsedTicks);
        string[] questions = ["thẻ bảo hiểm y tế hết hạn thì làm sao", "vay vốn nuôi lợn", "học nghề có mất tiền không", "menu"];
        await Task.WhenAll(residents.Select(async (r, i) =>
        {
            for (var k = 0; k < turns; k++)
            {
                using var request = Request(r.Text(questions[(i + k) % questions.Length]), Interlocked.Increment(ref updateId));
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }
        }));
        var stored = clock.Elapsed;
        await progress.SettledAsync(users * (turns + 1), TimeSpan.FromMinutes(10));
        var elapsed = clock.Elapsed;
        var usedCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var sent = fake.Delivered.Count - sentBefore;
        await bot.StopAsync();

        var total = users * turns;
        Console.WriteLine($"{total:N0} Telegram webhook turns from {users} residents: stored in {stored.TotalSeconds:0.00} s, answered and sent ({sent:N0} sendMessage) in {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"last turn run at {Seconds(lastTurn):0.00} s, last reply sent at {Seconds(lastSend):0.00} s");
        Console.WriteLine($"CPU per turn (host, driver and fake together): {usedCpu.TotalMilliseconds / total:0.00} ms; load average {loadBefore} before, {RunInfo.LoadAverage()} after");
        Console.WriteLine($"turns/s={(total / elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} (target ≥ 1000)");
        return 0;
    }

    /// <summary>
    /// Waits until every stored update has had its turn and every reply has left the outbox, woken by the workers' own
    /// events: the database is asked only once the turns are all done, and then after each send (polling it every 5 ms
    /// cost the run a few per cent of its CPU, counted in the figure).
    /// </summary>
    private sealed class Progress : IDisposable
    {
        private readonly IDbContextFactory<InfoBotDbContext> _factory;
        private readonly SemaphoreSlim _changed = new(0);
        private int _processed;

        public Progress(IServiceProvider services)
        {
            _factory = services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>();
            services.GetRequiredService<InboxWorker>().Processed += _ =>
            {
                Interlocked.Increment(ref _processed);
                _changed.Release();
            };
            services.GetRequiredService<OutboxWorker>().Settled += (_, _) => _changed.Release();
        }

        public async Task SettledAsync(int updates, TimeSpan patience)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < patience)
            {
                if (Volatile.Read(ref _processed) >= updates)
                {
                    await using var db = await _factory.CreateDbContextAsync();
                    var done = await db.Inbox.CountAsync(m => m.Status != InboxStatus.Pending);
                    if (done >= updates && !await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending))
                    {
                        return;
                    }
                }

                await _changed.WaitAsync(TimeSpan.FromMilliseconds(50)); // a wake-up per event; the timeout only guards against a missed one
            }

            throw new TimeoutException($"the turns did not settle within {patience}");
        }

        public void Dispose() => _changed.Dispose();
    }

    private static HttpRequestMessage Request(System.Text.Json.Nodes.JsonObject update, int id)
    {
        update["update_id"] = id;
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramAdapter.SecretHeader, Secret);
        return request;
    }

    private static double Seconds(long stopwatchTicks) => (double)stopwatchTicks / Stopwatch.Frequency;

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
