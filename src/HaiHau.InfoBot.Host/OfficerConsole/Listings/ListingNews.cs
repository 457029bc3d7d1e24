using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Host.Broadcasts;
using HaiHau.InfoBot.Host.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Listings;

namespace HaiHau.InfoBot.Host.OfficerConsole.Listings;

/// <summary>
/// Tells the residents subscribed to job or course news that new listings are out: one announcement per commune
/// (district-wide listings to all communes), scheduled now, through the announcement path like any other, so quiet
/// hours, rate limits, once-per-person and the reach log apply unchanged.
/// </summary>
public sealed class ListingNews(BroadcastStore broadcasts, OutboxSignal signal, IContentStore content, TimeProvider time)
{
    /// <summary>Creates the announcements and wakes the scheduler; returns their ids.</summary>
    public async Task<IReadOnlyList<long>> PublishAsync(ListingKind kind, IReadOnlyList<Listing> fresh, string createdBy, CancellationToken ct)
    {
        var ids = new List<long>();
        foreach (var group in fresh.GroupBy(l => l.CommuneCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var text = ListingNewsText.For(kind, group.ToList(), code => content.FindCommune(code)?.Name);
            var segment = new Segment(group.Key is { } commune ? [commune] : [], [], [NewsSubscriberAudience.TopicOf(kind)], []);
            ids.Add(await broadcasts.CreateAsync(new BroadcastDraft(text, null, segment, time.GetUtcNow(), createdBy), ct));
        }

        if (ids.Count > 0)
        {
            signal.Wake(BroadcastScheduler.WakeKey);
        }

        return ids;
    }
}
