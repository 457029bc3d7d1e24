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

    /// <summary>The approved ZNS template announcements go by (empty: ZNS off). Needs a ZNS account (ZCA) with balance.</summary>
    public string ZnsTemplateId { get; set; } = string.Empty;

    /// <summary>
    /// The template's parameter names, each mapped once to what fills it: "text" (the announcement), "date" (the day it
    /// is sent, 2/12/2026), or "=words" (fixed words). The names must equal the approved template's exactly.
    /// </summary>
    public Dictionary<string, string> ZnsParameters { get; set; } = new(StringComparer.Ordinal);

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

    public bool ZnsOn => !string.IsNullOrWhiteSpace(ZnsTemplateId);

    public bool AnyOn => Promotion || ZnsOn || OtherChannel;

    /// <summary>How many ZNS messages the budget left this month pays for.</summary>
    public int AffordableZns(decimal spentThisMonth) =>
        !ZnsOn ? 0 : ZnsPrice <= 0 ? int.MaxValue : (int)Math.Max(0, Math.Floor((ZnsMonthlyBudget - spentThisMonth) / ZnsPrice));
}
