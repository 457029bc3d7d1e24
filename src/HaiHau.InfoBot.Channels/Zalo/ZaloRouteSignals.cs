using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// What Zalo's webhooks say about the announcement routes (channels.md §C.7): a ZNS message received on the phone
/// (user_received_message), a new daily quota (change_oa_daily_quota) and a template's quality
/// (change_template_quality). The payloads were not captured (❌): the field names read here are the likeliest and
/// are logged when absent. In memory: a quota change paces the ZNS route at once; a low-quality template is shown to
/// officers on the compose page.
/// </summary>
public sealed class ZaloRouteSignals(ILogger<ZaloRouteSignals> logger, ZnsDailyQuota? quota = null)
{
    public const string ReceivedEvent = "user_received_message";
    public const string QuotaEvent = "change_oa_daily_quota";
    public const string QualityEvent = "change_template_quality";

    private readonly ConcurrentDictionary<string, byte> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _quality = new(StringComparer.Ordinal);

    public static bool Handles(string eventName) => eventName is ReceivedEvent or QuotaEvent or QualityEvent;

    /// <summary>ZNS messages Zalo confirmed as received on the phone since the start (each message once).</summary>
    public int Received => _received.Count;

    /// <summary>Templates Zalo marked low quality (the route still sends; officers should ask Zalo or change it).</summary>
    public IReadOnlyList<string> LowQualityTemplates => _quality.Where(q => q.Value == "LOW").Select(q => q.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Handles one event; returns what the log should say about it.</summary>
    public string Handle(string eventName, JsonElement root)
    {
        switch (eventName)
        {
            case ReceivedEvent:
                var message = ZaloJson.Child(root, "message");
                var id = message is { } m ? ZaloJson.Text(m, "tracking_id") ?? ZaloJson.Text(m, "msg_id") : ZaloJson.Text(root, "tracking_id");
                if (id is null)
                {
                    return "user_received_message without message.tracking_id or msg_id";
                }

                _received.TryAdd(id, 0);
                return "a message was received on the resident's phone";
            case QuotaEvent:
                var raw = ZaloJson.Child(root, "quota") is { } q ? ZaloJson.Text(q, "dailyQuota") ?? ZaloJson.Text(q, "daily_quota") : ZaloJson.Text(root, "daily_quota");
                if (raw is null || !int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var daily))
                {
                    return "change_oa_daily_quota without a readable quota";
                }

                quota?.Change(daily);
                logger.LogWarning("Zalo changed the OA's ZNS daily quota to {Quota}; the ZNS route is paced by it from now", daily);
                return "ZNS daily quota changed";
            default:
                var template = ZaloJson.Text(root, "template_id");
                var quality = ZaloJson.Text(root, "quality")?.ToUpperInvariant();
                if (template is null || quality is null)
                {
                    return "change_template_quality without template_id or quality";
                }

                _quality[template] = quality;
                if (quality == "LOW")
                {
                    logger.LogWarning("Zalo marked ZNS template {TemplateId} low quality; officers see it on the compose page", template);
                }

                return "template quality changed";
        }
    }
}
