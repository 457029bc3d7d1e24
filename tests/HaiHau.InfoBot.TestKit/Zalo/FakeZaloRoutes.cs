using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HaiHau.InfoBot.TestKit.Zalo;

/// <summary>A promotion message the fake accepted.</summary>
public sealed record ZaloSentPromotion(string UserId, string Text, DateTimeOffset At);

/// <summary>A ZNS template message the fake delivered (and billed), once per tracking_id.</summary>
public sealed record ZaloSentZns(string Phone, string TemplateId, IReadOnlyDictionary<string, string> Data, string TrackingId, string MessageId);

/// <summary>
/// The fake's announcement routes (issue 18, channels.md §C.6–C.7): the 7-day consultation window per follower, promotion
/// messages within the OA's daily quota and outside 22:00–6:00, the promotion quota endpoint, and ZNS with registered
/// templates (ids and parameter names checked), a daily quota (-211), a Zalo Cloud Account and its balance
/// (-320/-321), and a repeated tracking_id answered with the first message id and no second delivery or charge.
/// All off (permissive) until a test turns them on, so the consultation tests see the fake they always saw.
/// </summary>
public sealed partial class FakeZaloApi
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private readonly Dictionary<string, DateTimeOffset> _lastInteraction = new(StringComparer.Ordinal);
    private readonly HashSet<string> _followers = new(StringComparer.Ordinal);
    private readonly List<ZaloSentPromotion> _promotions = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tracked = new(StringComparer.Ordinal);
    private readonly List<ZaloSentZns> _zns = [];
    private readonly Dictionary<DateTime, int> _promotionsByDay = [];
    private readonly Dictionary<DateTime, int> _znsByDay = [];

    /// <summary>The fake's clock: the window, the night and the quotas' days are read on it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>On: a consultation message to a follower who did not interact in the last 7 days gets -230 (never: -232), a non-follower -213.</summary>
    public bool EnforceWindow { get; set; }

    /// <summary>Promotion messages the OA may send per Vietnamese day (the quota endpoint reports what is left).</summary>
    public int PromotionDailyQuota { get; set; } = int.MaxValue;

    /// <summary>ZNS messages the OA may send per Vietnamese day; above it -211.</summary>
    public int ZnsDailyQuota { get; set; } = int.MaxValue;

    /// <summary>False: ZNS answers -320 (no Zalo Cloud Account).</summary>
    public bool ZnsAccount { get; set; } = true;

    /// <summary>The Zalo Cloud Account's balance in đồng; each delivered ZNS costs <see cref="ZnsPrice"/>; too little: -321.</summary>
    public decimal Balance { get; set; } = decimal.MaxValue;

    public decimal ZnsPrice { get; set; } = 300;

    public IReadOnlyList<ZaloSentPromotion> Promotions => Locked(() => _promotions.ToList());

    public IReadOnlyList<ZaloSentZns> ZnsSent => Locked(() => _zns.ToList());

    public int ZnsCalls => Requests.Count(r => r.Path == "/message/template");

    /// <summary>ZNS calls refused because the daily quota was used up (-211): a bot that plans within the quota sees none.</summary>
    public int ZnsQuotaRefusals { get; private set; }

    /// <summary>A follower who interacted with the OA at <paramref name="at"/> (wrote, tapped a button).</summary>
    public void Interacted(string userId, DateTimeOffset at) => Locked(() =>
    {
        _followers.Add(userId);
        _lastInteraction[userId] = at;
        return 0;
    });

    /// <summary>A follower who never interacted.</summary>
    public void Follows(string userId) => Locked(() => _followers.Add(userId));

    /// <summary>An approved ZNS template with exactly these parameter names.</summary>
    public void AddTemplate(string templateId, params string[] parameters) => Locked(() => _templates[templateId] = parameters);

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    private DateTime Today => TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Vietnam).Date;

    /// <summary>Under the lock: the consultation window's refusal for this user, if any.</summary>
    private IResult? WindowError(string? userId)
    {
        if (!EnforceWindow || userId is null)
        {
            return null;
        }

        if (!_followers.Contains(userId))
        {
            return Error(-213, "User has not followed OA");
        }

        if (!_lastInteraction.TryGetValue(userId, out var last))
        {
            return Error(-232, "User has not interacted with the OA");
        }

        return Clock.GetUtcNow() - last > TimeSpan.FromDays(7) ? Error(-230, "User has not interacted with the OA in the past 7 days") : null;
    }

    private async Task<IResult> PromotionAsync(HttpContext context)
    {
        var body = await RecordAsync(context);
        lock (_lock)
        {
            if (_sendScript.TryDequeue(out var scripted))
            {
                return Error(scripted.Error, scripted.Message);
            }

            if (TokenError(context) is { } refused)
            {
                return refused;
            }

            var json = JsonNode.Parse(body);
            var userId = json?["recipient"]?["user_id"]?.ToString();
            var payload = json?["message"]?["attachment"]?["payload"];
            var elements = payload?["elements"] as JsonArray;
            if (userId is null || payload?["template_type"]?.ToString() != "promotion" || elements is null || elements.Count == 0)
            {
                return Error(-201, "template is invalid!");
            }

            if (EnforceWindow && !_followers.Contains(userId))
            {
                return Error(-213, "User has not followed OA");
            }

            var hour = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Vietnam).Hour;
            if (hour is >= 22 or < 6)
            {
                return Error(-234, "Cannot send promotion message between 22h and 6h");
            }

            var today = Today;
            var used = _promotionsByDay.GetValueOrDefault(today);
            if (used >= PromotionDailyQuota)
            {
                return Error(-211, "Out of quota");
            }

            _promotionsByDay[today] = used + 1;
            var text = string.Join("\n", elements.Where(e => e?["type"]?.ToString() == "text").Select(e => e?["content"]?.ToString()));
            _promotions.Add(new ZaloSentPromotion(userId, text, Clock.GetUtcNow()));
            return Success(new JsonObject { ["message_id"] = Guid.NewGuid().ToString("N")[..20], ["user_id"] = userId });
        }
    }

    private async Task<IResult> QuotaAsync(HttpContext context)
    {
        await RecordAsync(context);
        lock (_lock)
        {
            if (TokenError(context) is { } refused)
            {
                return refused;
            }

            var left = PromotionDailyQuota == int.MaxValue ? 1_000_000 : Math.Max(0, PromotionDailyQuota - _promotionsByDay.GetValueOrDefault(Today));
            return Success(new JsonObject { ["remain"] = left, ["total"] = PromotionDailyQuota == int.MaxValue ? 1_000_000 : PromotionDailyQuota });
        }
    }

    private async Task<IResult> ZnsAsync(HttpContext context)
    {
        var body = await RecordAsync(context);
        lock (_lock)
        {
            if (_sendScript.TryDequeue(out var scripted))
            {
                return Error(scripted.Error, scripted.Message);
            }

            if (TokenError(context) is not null)
            {
                return Error(-124, "Access token is invalid"); // the business host's own code for it
            }

            var json = JsonNode.Parse(body);
            var trackingId = json?["tracking_id"]?.ToString();
            if (trackingId is not null && _tracked.TryGetValue(trackingId, out var first))
            {
                // Zalo dedupes on tracking_id: the first answer again, no second delivery, no second charge.
                return Success(new JsonObject { ["msg_id"] = first, ["sent_time"] = Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) });
            }

            if (!ZnsAccount)
            {
                return Error(-320, "Paid feature needs a Zalo Cloud Account");
            }

            var templateId = json?["template_id"]?.ToString() ?? "";
            if (!_templates.TryGetValue(templateId, out var parameters))
            {
                return Error(-201, "template_id is invalid!");
            }

            var data = (json?["template_data"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : "", StringComparer.Ordinal);
            if (data is null || !data.Keys.Order(StringComparer.Ordinal).SequenceEqual(parameters.Order(StringComparer.Ordinal)) || data.Values.Any(string.IsNullOrEmpty))
            {
                return Error(-201, "template_data is invalid!");
            }

            var phone = json?["phone"]?.ToString() ?? "";
            if (!phone.StartsWith("84", StringComparison.Ordinal) || phone.Length is < 11 or > 12 || !phone.All(char.IsAsciiDigit))
            {
                return Error(-201, "phone is invalid!");
            }

            var today = Today;
            var used = _znsByDay.GetValueOrDefault(today);
            if (used >= ZnsDailyQuota)
            {
                ZnsQuotaRefusals++;
                return Error(-211, "Out of quota");
            }

            if (Balance < ZnsPrice)
            {
                return Error(-321, "Zalo Cloud Account is out of money");
            }

            Balance -= ZnsPrice;
            _znsByDay[today] = used + 1;
            var messageId = Guid.NewGuid().ToString("N")[..20];
            if (trackingId is not null)
            {
                _tracked[trackingId] = messageId;
            }

            _zns.Add(new ZaloSentZns(phone, templateId, data, trackingId ?? "", messageId));
            return Success(new JsonObject
            {
                ["msg_id"] = messageId,
                ["sent_time"] = Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["quota"] = new JsonObject { ["dailyQuota"] = ZnsDailyQuota.ToString(CultureInfo.InvariantCulture), ["remainingQuota"] = (ZnsDailyQuota - used - 1).ToString(CultureInfo.InvariantCulture) },
            });
        }
    }

    /// <summary>
    /// GET /template/info/v2?template_id=…: an approved template's status ("ENABLE") and its parameters (listParams with
    /// name, require, type, maxLength); an unknown id is -201, as a send with it would be.
    /// </summary>
    private async Task<IResult> TemplateInfoAsync(HttpContext context)
    {
        await RecordAsync(context);
        lock (_lock)
        {
            if (TokenError(context) is not null)
            {
                return Error(-124, "Access token is invalid");
            }

            var templateId = context.Request.Query["template_id"].ToString();
            if (!_templates.TryGetValue(templateId, out var parameters))
            {
                return Error(-201, "template_id is invalid!");
            }

            var list = new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["name"] = p, ["require"] = true, ["type"] = "STRING", ["maxLength"] = 400, ["minLength"] = 1, ["acceptNull"] = false }).ToArray());
            return Success(new JsonObject { ["templateId"] = templateId, ["templateName"] = "Thông báo " + templateId, ["status"] = "ENABLE", ["listParams"] = list });
        }
    }

    /// <summary>Under the lock: the refusal of a missing or stale access token, if any.</summary>
    private IResult? TokenError(HttpContext context)
    {
        if (context.Request.Headers["access_token"].ToString() != AccessToken)
        {
            return Error(-216, "Access token is invalid");
        }

        return _accessExpired ? Error(-220, "access_token is expired or removed") : null;
    }

    private static IResult Success(JsonObject data) => Results.Json(new JsonObject { ["data"] = data, ["error"] = 0, ["message"] = "Success" });
}
