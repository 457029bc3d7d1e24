using HaiHau.InfoBot.Core.Delivery;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;

namespace HaiHau.InfoBot.Host.Channels;

/// <summary>
/// One channel's pacing: the overall rate (a token bucket, never more than the rate in any one second), the per-chat
/// spacing of announcements, and quiet hours.
/// Owned by that channel's sender loop, so it needs no locks.
/// </summary>
public sealed class ChannelPacer(ChannelRateOptions rate, QuietHours quiet, DateTimeOffset now)
{
    private readonly TokenBucket _bucket = new(rate.MessagesPerSecond, now);
    private readonly SendWindow _window = SendWindow.PerSecond(rate.MessagesPerSecond);
    private readonly Dictionary<string, DateTimeOffset> _lastBulk = new(StringComparer.Ordinal);

    public int Parallelism => rate.Parallelism;

    public bool BulkAllowed(DateTimeOffset now) => !quiet.IsQuiet(now);

    public DateTimeOffset QuietEndsAt(DateTimeOffset now) => quiet.EndsAt(now);

    /// <summary>
    /// Picks what may go now from the due rows (replies come first in <paramref name="due"/>), taking a token for
    /// each; also says how long to wait when rows were due but pacing held them all back.
    /// </summary>
    public (IReadOnlyList<OutboxDelivery> Batch, TimeSpan HeldFor) Pick(IReadOnlyList<OutboxDelivery> due, DateTimeOffset now)
    {
        _window.AnsweredAll(now); // a round that failed half-way must not keep its sends counted for ever
        var batch = new List<OutboxDelivery>();
        var held = TimeSpan.MaxValue;
        foreach (var delivery in due)
        {
            if (batch.Count == rate.Parallelism)
            {
                break;
            }

            if (delivery.Kind == OutboxKind.Bulk && _lastBulk.TryGetValue(delivery.To.ChatId, out var last) && last + rate.BulkPerChatInterval > now)
            {
                held = Min(held, last + rate.BulkPerChatInterval - now);
                continue;
            }

            if (delivery.Kind == OutboxKind.Reply)
            {
                _bucket.Take(now); // a resident is waiting: never held, but counted
            }
            else if (_window.Wait(now) is var full && full > TimeSpan.Zero)
            {
                held = Min(held, full);
                break;
            }
            else if (!_bucket.TryTake(now))
            {
                held = Min(held, _bucket.Wait(now));
                break;
            }

            _window.Start();
            batch.Add(delivery);
            if (delivery.Kind == OutboxKind.Bulk)
            {
                _lastBulk[delivery.To.ChatId] = now;
            }
        }

        Forget(now);
        return (batch, held == TimeSpan.MaxValue ? TimeSpan.Zero : held);
    }

    /// <summary>A picked send's answer came back (or it was skipped) at <paramref name="now"/>.</summary>
    public void Answered(DateTimeOffset now) => _window.Answered(now);

    /// <summary>After a 429 the platform's count is full whatever ours says: start from an empty bucket.</summary>
    public void Throttled(DateTimeOffset now) => _bucket.Drain(now);

    private void Forget(DateTimeOffset now)
    {
        // Keeps the per-chat memory to the chats still inside their spacing (a 10,000-resident announcement would otherwise keep them all).
        if (_lastBulk.Count > 1024)
        {
            foreach (var chat in _lastBulk.Where(kv => kv.Value + rate.BulkPerChatInterval <= now).Select(kv => kv.Key).ToList())
            {
                _lastBulk.Remove(chat);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
