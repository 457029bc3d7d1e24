namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>
/// How an announcement reaches one resident (issue 18), in the order they are tried: the resident's own channel
/// (Zalo: a consultation message inside the 7-day window), a Zalo promotion message, a Zalo ZNS template by the
/// phone they consented to, another verified channel of the same person, else not reachable, which is stated and counted.
/// </summary>
public enum BroadcastRoute
{
    Direct = 0,
    ZaloPromotion = 1,
    ZaloZns = 2,
    OtherChannel = 3,
    NotReachable = 4,
}

/// <summary>The outbox channel names of the routes that are not a resident's own channel: one sender loop (and pacing) each.</summary>
public static class BroadcastRouteChannels
{
    public const string ZaloPromotion = "zalo-promotion";
    public const string ZaloZns = "zalo-zns";

    /// <summary>The reason stored on the delivery of a resident no route reaches (counted by it on the progress page).</summary>
    public const string NotReachableReason = "not reachable";

    /// <summary>The route a delivery row went by, from its channel (a resident's own channel is <see cref="BroadcastRoute.Direct"/>).</summary>
    public static BroadcastRoute Of(string channel) => channel switch
    {
        ZaloPromotion => BroadcastRoute.ZaloPromotion,
        ZaloZns => BroadcastRoute.ZaloZns,
        _ => BroadcastRoute.Direct,
    };

    /// <summary>The outbox channel a planned delivery goes on: the route's own, or the chosen conversation's.</summary>
    public static string ChannelOf(BroadcastRoute route, string ownChannel) => route switch
    {
        BroadcastRoute.ZaloPromotion => ZaloPromotion,
        BroadcastRoute.ZaloZns => ZaloZns,
        _ => ownChannel,
    };

    /// <summary>The Vietnamese label officers see.</summary>
    public static string Label(BroadcastRoute route) => route switch
    {
        BroadcastRoute.Direct => "Tin nhắn trực tiếp (Zalo trong 7 ngày, Telegram, web)",
        BroadcastRoute.ZaloPromotion => "Zalo – tin truyền thông",
        BroadcastRoute.ZaloZns => "Zalo – tin ZNS qua số điện thoại",
        BroadcastRoute.OtherChannel => "Kênh khác của cùng người (Telegram)",
        _ => "Không liên lạc được",
    };
}
