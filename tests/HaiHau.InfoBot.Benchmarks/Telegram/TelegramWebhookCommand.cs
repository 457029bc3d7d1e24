using System.Diagnostics;
using System.Globalization;
using System.Runtime;
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

    /// <summary>A warm-up round (with the JIT's work it set off) compiling fewer methods than this leaves the JIT idle enough to start the clock.</summary>
    private const int QuietJit = 50;

    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<int> RunAsync(string[] args)
    {
        var users = Option(args, "--users", 64);
        var turns = Option(args, "--turns", 20);
        var maxWarmUpRounds = Option(args, "--warmup", 30);
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

        // Warm-up, not timed: a conversation start per resident, then rounds of the timed mix (each resident four turns)
        // until a round leaves the JIT nearly idle. With only the starts, the timed phase ran on the JIT's first code:
        // the turn path was still in tier 0 or the instrumented tier and tiering up took 15-20 % of the samples for the
        // whole run (10,000 methods compiled again within it), so the figure measured the start-up, not the bot.
        // Each round is followed by the tier-1 compiles it set off (JitSettle): counted straight after a round,
        // a quiet round (47 methods) was often followed by 685-2,095 methods compiled inside the timed phase
        // (0.25-0.52 ms of JIT per turn in the figure), and other runs hit the round limit still compiling.
        var residents = Enumerable.Range(0, users).Select(i => new FakeTelegramUser(600_000_000L + i)).ToArray();
        string[] questions = ["thẻ bảo hiểm y tế hết hạn thì làm sao", "vay vốn nuôi lợn", "học nghề có mất tiền không", "menu"];
        var updateId = 0;
        byte[][] Bodies(FakeTelegramUser r, int i, int count) =>
            [.. Enumerable.Range(0, count).Select(k => Body(r.Text(questions[(i + k) % questions.Length]), Interlocked.Increment(ref updateId)))];
        await PostAllAsync(client, residents.Select(r => new[] { Body(r.Text("/start"), Interlocked.Increment(ref updateId)) }).ToArray());
        var settled = users;
        await progress.SettledAsync(settled, TimeSpan.FromMinutes(3));
        var (rounds, compiled, lastRound) = (0, JitInfo.GetCompiledMethodCount(), 0L);
        while (rounds < maxWarmUpRounds)
        {
            rounds++;
            await PostAllAsync(client, residents.Select((r, i) => Bodies(r, i + 1, questions.Length)).ToArray());
            settled += users * questions.Length;
            await progress.SettledAsync(settled, TimeSpan.FromMinutes(5));
            await JitSettle.WaitAsync();
            lastRound = JitInfo.GetCompiledMethodCount() - compiled;
            compiled += lastRound;
            if (lastRound < QuietJit)
            {
                break;
            }
        }

        // One more round, counted: EF Core's commands and transactions per turn (outside the timed phase, which the
        // counter's events would slow).
        using var counter = new DbCommandCounter { Enabled = true };
        await PostAllAsync(client, residents.Select((r, i) => Bodies(r, i + 1, questions.Length)).ToArray());
        settled += users * questions.Length;
        await progress.SettledAsync(settled, TimeSpan.FromMinutes(5));
        counter.Enabled = false;
        var counts = counter.Take();
        await JitSettle.WaitAsync(); // the counted round's own tier-1 compiles, before the clock starts
        var counted = (double)(users * questions.Length);
        var sentBefore = fake.Delivered.Count;

        // The updates are serialised before the clock starts: the driver's JSON is not the bot's cost.
        var timed = residents.Select((r, i) => Bodies(r, i, turns)).ToArray();
        Console.WriteLine($"warmed up: {settled:N0} turns in {rounds} round(s), the last compiled {lastRound:N0} methods; timed phase starts");
        var (jitBefore, jitMethodsBefore) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());

        // Where the time goes: when the last turn ran and when the last reply was sent, from the workers' own events.
        var (cpu, clock) = (Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.StartNew());
        var (lastTurn, lastSend) = (0L, 0L);
        bot.Services.GetRequiredService<InboxWorker>().Processed += _ => Interlocked.Exchange(ref lastTurn, clock.ElapsedTicks);
        bot.Services.GetRequiredService<OutboxWorker>().Settled += (_, _) => Interlocked.Exchange(ref lastSend, clock.ElapsedTicks);
        await PostAllAsync(client, timed);
        var stored = clock.Elapsed;
        await progress.SettledAsync(settled + (users * turns), TimeSpan.FromMinutes(10));
        var elapsed = clock.Elapsed;
        var usedCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var (jit, jitMethods) = (JitInfo.GetCompilationTime() - jitBefore, JitInfo.GetCompiledMethodCount() - jitMethodsBefore);
        var sent = fake.Delivered.Count - sentBefore;
        await bot.StopAsync();

        var total = users * turns;
        Console.WriteLine($"{total:N0} Telegram webhook turns from {users} residents: stored in {stored.TotalSeconds:0.00} s, answered and sent ({sent:N0} sendMessage) in {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"last turn run at {Seconds(lastTurn):0.00} s, last reply sent at {Seconds(lastSend):0.00} s");
        Console.WriteLine($"CPU per turn (host, driver and fake together): {usedCpu.TotalMilliseconds / total:0.00} ms; load average {loadBefore} before, {RunInfo.LoadAverage()} after");
        Console.WriteLine($"per turn, webhook call to reply sent (a counted round of {counted:0} turns): {counts.Commands / counted:0.0} EF Core commands, {counts.Transactions / counted:0.00} transactions, {counts.SaveChanges / counted:0.00} SaveChanges, {counts.ConnectionOpens / counted:0.0} connection opens (TurnWrite's ADO.NET commands not counted)");
        Console.WriteLine($"JIT within the timed phase: {jitMethods:N0} methods, {jit.TotalMilliseconds / total:0.00} ms per turn of the figure above");
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

    /// <summary>Each resident posts its updates one after another (as Telegram posts a chat's), the residents side by side.</summary>
    private static Task PostAllAsync(HttpClient client, byte[][][] byResident) => Task.WhenAll(byResident.Select(async bodies =>
    {
        foreach (var body in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.Add(TelegramAdapter.SecretHeader, Secret);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
    }));

    private static byte[] Body(System.Text.Json.Nodes.JsonObject update, int id)
    {
        update["update_id"] = id;
        return Encoding.UTF8.GetBytes(update.ToJsonString());
    }

    private static double Seconds(long stopwatchTicks) => (double)stopwatchTicks / Stopwatch.Frequency;

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
