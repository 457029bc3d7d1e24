namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>What is known about one Zalo resident at fan-out: inside the 7-day window, a follower, a consented ZNS phone.</summary>
public sealed record ZaloReach(bool InWindow, bool Follower, bool HasZnsPhone);

/// <summary>
/// Which routes are on and how much of each is left now. Off routes are simply skipped; with all of them off the plan
/// is today's behaviour (everyone on their own channel).
/// </summary>
/// <param name="PromotionLeft">Promotion messages the OA may still send today (the quota endpoint's answer); 0 when off.</param>
/// <param name="ZnsLeft">ZNS messages still affordable: within the monthly budget and the daily quota; 0 when off.</param>
/// <param name="OtherChannel">Fall back to another verified channel of the same person.</param>
public sealed record RouteLimits(int PromotionLeft, int ZnsLeft, bool OtherChannel)
{
    public static RouteLimits Off { get; } = new(0, 0, false);

    public bool AnyOn => PromotionLeft > 0 || ZnsLeft > 0 || OtherChannel;
}

/// <summary>One resident's delivery: through which of their conversations, by which route.</summary>
public sealed record RoutedMember(AudienceMember Member, BroadcastRoute Route);

/// <summary>
/// Pure: for each picked resident, the first route that can reach them (issue 18 order), spending each route's
/// quota as it goes, so the plan never promises more than the quota and budget allow. Residents on another channel
/// than Zalo, and Zalo residents inside the window, go directly.
/// </summary>
public static class RoutePlanner
{
    public const string ZaloChannel = "zalo";

    public static IReadOnlyList<RoutedMember> Plan(
        IReadOnlyList<AudienceMember> picked,
        IReadOnlyList<AudienceMember> candidates,
        Func<AudienceMember, ZaloReach> reachOf,
        RouteLimits limits)
    {
        if (!limits.AnyOn)
        {
            return picked.Select(m => new RoutedMember(m, BroadcastRoute.Direct)).ToList();
        }

        var others = candidates.Where(c => c.Who.Channel != ZaloChannel)
            .GroupBy(c => c.PersonKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ConversationId).First(), StringComparer.Ordinal);
        var (promotion, zns) = (limits.PromotionLeft, limits.ZnsLeft);
        var plan = new List<RoutedMember>(picked.Count);
        foreach (var member in picked)
        {
            if (member.Who.Channel != ZaloChannel)
            {
                plan.Add(new RoutedMember(member, BroadcastRoute.Direct));
                continue;
            }

            var reach = reachOf(member);
            if (reach.InWindow)
            {
                plan.Add(new RoutedMember(member, BroadcastRoute.Direct));
            }
            else if (reach.Follower && promotion > 0)
            {
                promotion--;
                plan.Add(new RoutedMember(member, BroadcastRoute.ZaloPromotion));
            }
            else if (reach.HasZnsPhone && zns > 0)
            {
                zns--;
                plan.Add(new RoutedMember(member, BroadcastRoute.ZaloZns));
            }
            else if (limits.OtherChannel && others.TryGetValue(member.PersonKey, out var other))
            {
                plan.Add(new RoutedMember(other, BroadcastRoute.OtherChannel));
            }
            else
            {
                plan.Add(new RoutedMember(member, BroadcastRoute.NotReachable));
            }
        }

        return plan;
    }

    /// <summary>How many go by each route (every route listed, zeros included), for the compose page and progress.</summary>
    public static IReadOnlyDictionary<BroadcastRoute, int> Count(IEnumerable<RoutedMember> plan)
    {
        var counts = Enum.GetValues<BroadcastRoute>().ToDictionary(r => r, _ => 0);
        foreach (var routed in plan)
        {
            counts[routed.Route]++;
        }

        return counts;
    }
}
