using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.Channels;

/// <summary>The real host with the <see cref="ScriptedChannel"/> registered, and ways to wait for its workers without sleeping.</summary>
public sealed class ScriptedChannelApp(
    string connectionString, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : InfoBotApp(connectionString, time, settings)
{
    public ScriptedChannel Channel => Services.GetServices<IChannelAdapter>().OfType<ScriptedChannel>().Single();

    /// <summary>Waits until <paramref name="count"/> sends have settled (whatever their outcome), after <paramref name="act"/>.</summary>
    public async Task<IReadOnlyList<SendResult>> SettledAsync(int count, Func<Task> act)
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        var results = new List<SendResult>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSettled(Storage.OutboxDelivery delivery, SendResult result)
        {
            lock (results)
            {
                results.Add(result);
                if (results.Count >= count)
                {
                    done.TrySetResult();
                }
            }
        }

        worker.Settled += OnSettled;
        try
        {
            await act();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
            return results;
        }
        finally
        {
            worker.Settled -= OnSettled;
        }
    }

    /// <summary>
    /// Waits until the platform has received <paramref name="count"/> messages in all, counting those sent before this
    /// call too (a restarted host starts sending before a test can subscribe to its events), after <paramref name="act"/>.
    /// </summary>
    public async Task SentAtLeastAsync(int count, Func<Task> act)
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(Storage.OutboxDelivery delivery, SendResult result)
        {
            if (Channel.Sent.Count >= count)
            {
                done.TrySetResult();
            }
        }

        worker.Settled += Check;
        try
        {
            Check(null!, null!);
            await act();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            worker.Settled -= Check;
        }
    }

    /// <summary>Waits until the inbox worker has settled the turn of <paramref name="externalId"/>, after <paramref name="act"/>.</summary>
    public async Task ProcessedAsync(string externalId, Func<Task> act)
    {
        var worker = Services.GetRequiredService<InboxWorker>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnProcessed(StoredMessage stored)
        {
            if (stored.Message.ExternalId == externalId)
            {
                done.TrySetResult();
            }
        }

        worker.Processed += OnProcessed;
        try
        {
            await act();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            worker.Processed -= OnProcessed;
        }
    }

    /// <summary>
    /// Moves the fake clock forward by <paramref name="by"/> once the channel's sender sleeps until then or earlier,
    /// so the move cannot slip in while the sender is choosing its next wake-up time.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        var target = Time.GetUtcNow() + by;
        var asleep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAsleep(string channel, DateTimeOffset until)
        {
            if (channel == ScriptedChannel.Name && until <= target)
            {
                asleep.TrySetResult();
            }
        }

        worker.Asleep += OnAsleep;
        try
        {
            if (worker.AsleepUntil(ScriptedChannel.Name) <= target)
            {
                asleep.TrySetResult();
            }

            await asleep.Task.WaitAsync(TimeSpan.FromSeconds(20));
            Time.SetUtcNow(target);
        }
        finally
        {
            worker.Asleep -= OnAsleep;
        }
    }

    /// <summary>
    /// Lets <paramref name="by"/> pass (longer than the sender's idle poll, so it surely wakes) and waits until the
    /// sender has looked at the outbox and gone back to sleep: whatever it would send by then, it has sent.
    /// </summary>
    public async Task PassTimeAsync(TimeSpan by)
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        var target = Time.GetUtcNow() + by;
        var asleep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAsleep(string channel, DateTimeOffset until)
        {
            if (channel == ScriptedChannel.Name && until > target)
            {
                asleep.TrySetResult();
            }
        }

        worker.Asleep += OnAsleep;
        try
        {
            Time.SetUtcNow(target);
            await asleep.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            worker.Asleep -= OnAsleep;
        }
    }

    /// <summary>
    /// Plays the clock for the sender: each time it sleeps, moves the fake clock to its wake-up time, until
    /// <paramref name="done"/> holds. Sends spaced 40 ms apart then take as many steps, and no real time passes.
    /// </summary>
    public async Task RunClockUntilAsync(Func<bool> done)
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        var sleeps = System.Threading.Channels.Channel.CreateUnbounded<DateTimeOffset>();
        void OnAsleep(string channel, DateTimeOffset until)
        {
            if (channel == ScriptedChannel.Name)
            {
                sleeps.Writer.TryWrite(until);
            }
        }

        worker.Asleep += OnAsleep;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!done())
            {
                DateTimeOffset until;
                try
                {
                    until = worker.AsleepUntil(ScriptedChannel.Name) is { } current && current > Time.GetUtcNow()
                        ? current
                        : await sleeps.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    await using var db = await Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
                    var rows = await db.Outbox.GroupBy(o => o.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
                    throw new TimeoutException($"clock stuck at {Time.GetUtcNow():O}; sent {Channel.Sent.Count}; asleep until {worker.AsleepUntil(ScriptedChannel.Name):O}; outbox {string.Join(", ", rows.Select(r => $"{r.Key}={r.N}"))}; next due {await db.Outbox.Where(o => o.Status == OutboxStatus.Pending).MinAsync(o => (DateTimeOffset?)o.NextAttemptAt):O}");
                }

                if (until > Time.GetUtcNow())
                {
                    Time.SetUtcNow(until);
                }
            }

            // «done» may hold as soon as the channel got the last message, before the sender stored its outcome (a
            // broadcast's progress read then said 3 of 4 sent, one CI run): wait until the sender sleeps again, so
            // what the caller reads next is what was sent. While it works its sleep is cleared; it sleeps once stored.
            while (worker.AsleepUntil(ScriptedChannel.Name) is null)
            {
                await sleeps.Reader.ReadAsync(timeout.Token);
            }
        }
        finally
        {
            worker.Asleep -= OnAsleep;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(collection =>
        {
            collection.AddSingleton<IChannelAdapter>(_ => new ScriptedChannel(Time));
            services?.Invoke(collection);
        });
    }
}
