using HaiHau.InfoBot.Core.Broadcasts;

namespace HaiHau.InfoBot.Benchmarks.Broadcast;

/// <summary>
/// Who received the announcement, as the fake Zalo saw it: consultation messages by user id, ZNS messages by phone
/// (mapped back to the resident). A resident reached twice, by one route or two, counts as a duplicate.
/// </summary>
public sealed record RouteReach(int Consultation, int Zns, int Delivered, int Duplicates, int ZnsRefusedForQuota, double DeliveredShare)
{
    public static RouteReach From(FakePlatform platform, BroadcastOptions options)
    {
        var zalo = platform.Zalo ?? throw new InvalidOperationException("a Zalo run");
        var residentOfPhone = Enumerable.Range(0, options.Residents).ToDictionary(i => ZnsAddress.Phone(FakePlatform.Phone(i))!, platform.ChatId, StringComparer.Ordinal);
        var received = zalo.Sent.Select(s => s.UserId).Concat(zalo.ZnsSent.Select(z => residentOfPhone[z.Phone])).ToList();
        var delivered = received.Distinct(StringComparer.Ordinal).Count();
        return new RouteReach(zalo.Sent.Count, zalo.ZnsSent.Count, delivered, received.Count - delivered, zalo.ZnsQuotaRefusals, (double)delivered / options.Residents);
    }
}
