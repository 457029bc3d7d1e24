using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The announcement routes beyond the 7-day consultation window (issue 18), bound from "InfoBot:Zalo:Routes". Each is
/// off until configured; with none on, announcements on Zalo behave as before (consultation messages only).
/// </summary>
public sealed class ZaloRouteOptions
{
    public const string Section = "InfoBot:Zalo:Routes";

    /// <summary>Send promotion messages ("Tin Truyền thông") to followers outside the window. Needs a verified OA on a package that includes them.</summary>
    public bool Promotion { get; set; }

    /// <summary>
    /// ZNS template messages by consented phone are on: the OA has a ZNS account (ZCA) with balance. The templates
    /// and what fills each parameter are set by officers on the console (/admin/zns), not here.
    /// </summary>
    public bool Zns { get; set; }

    /// <summary>Price of one delivered ZNS message, in đồng (Zalo's price list for the template's type).</summary>
    [Range(0, 100_000)]
    public decimal ZnsPrice { get; set; }

    /// <summary>The most ZNS may cost in one calendar month, in đồng; announcements are planned within what is left.</summary>
    [Range(0, 1_000_000_000)]
    public decimal ZnsMonthlyBudget { get; set; }

    /// <summary>The OA's ZNS daily quota, until Zalo's change_oa_daily_quota webhook says otherwise.</summary>
    [Range(0, 10_000_000)]
    public int ZnsDailyQuota { get; set; } = 1000;

    /// <summary>An announcement whose estimated ZNS cost is above this (đồng) needs a second officer's approval.</summary>
    [Range(0, 1_000_000_000)]
    public decimal ZnsApprovalThreshold { get; set; } = 500_000;

    /// <summary>Residents no Zalo route reaches get it on another verified channel of theirs (Telegram), if they have one.</summary>
    public bool OtherChannel { get; set; }

    /// <summary>The ZNS host (business.openapi.zalo.me); tests point it at the fake.</summary>
    public string BusinessBaseUrl { get; set; } = "https://business.openapi.zalo.me";

    public bool ZnsOn => Zns;

    public bool AnyOn => Promotion || ZnsOn || OtherChannel;

    /// <summary>How many ZNS messages the budget left this month pays for.</summary>
    public int AffordableZns(decimal spentThisMonth) =>
        !ZnsOn ? 0 : ZnsPrice <= 0 ? int.MaxValue : (int)Math.Max(0, Math.Floor((ZnsMonthlyBudget - spentThisMonth) / ZnsPrice));
}
