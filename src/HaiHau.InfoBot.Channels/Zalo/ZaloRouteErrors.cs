using HaiHau.InfoBot.Core.Channels;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// Zalo's answers to promotion and ZNS sends as outcomes (channels.md §C.1, §C.6, §C.7), decided on the code. What the
/// consultation mapping already says (-32, -213, -227, -244, transport faults) is reused; the routes add their own.
/// </summary>
public static class ZaloRouteErrors
{
    /// <summary>Zalo's time zone: promotion's night (22:00–6:00) and the ZNS daily quota's day are Vietnam's.</summary>
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static SendResult Promotion(ZaloApiReply reply, DateTimeOffset now) => reply.Error switch
    {
        -234 => new SendResult.RetryAfter(UntilMorning(now), "-234: no promotion messages between 22:00 and 6:00"),
        -211 => new SendResult.Failed("promotion -211: the OA's promotion quota is used up"),
        -224 => new SendResult.Failed("promotion -224: the OA's package does not include promotion messages"),
        -221 => new SendResult.Failed("promotion -221: the OA is not verified"),
        _ => ZaloErrors.ToSendResult(reply),
    };

    public static SendResult Zns(ZaloApiReply reply, DateTimeOffset now) => reply.Error switch
    {
        0 => new SendResult.Sent("zns:" + reply.MessageId),
        -211 => new SendResult.RetryAfter(UntilTomorrow(now), "zns -211: the daily ZNS quota is used up"),
        -320 => new SendResult.Failed("zns -320: ZNS needs a Zalo Cloud Account"),
        -321 => new SendResult.Failed("zns -321: the Zalo Cloud Account is out of money"),
        -201 => new SendResult.Failed($"zns -201: {reply.Message ?? "template or parameters refused"}"),
        // The phone has no Zalo account, or it blocks ZNS: nothing else on this route will reach them.
        -213 or -244 => new SendResult.Failed($"zns {reply.Error}: the phone cannot receive ZNS"),
        _ => ZaloErrors.ToSendResult(reply),
    };

    /// <summary>How long until 6:00 in Vietnam (promotion messages may go again).</summary>
    public static TimeSpan UntilMorning(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Vietnam);
        var six = new DateTimeOffset(local.Date.AddHours(6), local.Offset);
        if (six <= local)
        {
            six = six.AddDays(1);
        }

        return six - local;
    }

    /// <summary>How long until the next day starts in Vietnam (the daily ZNS quota renews).</summary>
    public static TimeSpan UntilTomorrow(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Vietnam);
        return new DateTimeOffset(local.Date.AddDays(1), local.Offset) - local;
    }

    /// <summary>True between 22:00 and 6:00 in Vietnam, when Zalo refuses promotion messages (-234).</summary>
    public static bool IsNight(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, Vietnam).Hour is >= 22 or < 6;
}
