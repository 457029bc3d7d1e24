using System.Diagnostics;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;

namespace HaiHau.InfoBot.Host.Telemetry;

/// <summary>
/// One push send as a trace sees it: a "send" activity around the platform call, tagged with the channel, whether it
/// is a reply or an announcement, and the outcome the outbox records. No chat id, no text: a trace leaves the server.
/// </summary>
internal static class SendTrace
{
    public static Activity? Start(OutboxDelivery delivery)
    {
        var activity = InfoBotMetrics.Activities.StartActivity("send", ActivityKind.Client);
        activity?.SetTag("infobot.channel", delivery.To.Channel);
        activity?.SetTag("infobot.kind", delivery.Kind == OutboxKind.Bulk ? "announcement" : "reply");
        return activity;
    }

    public static void End(Activity? activity, SendResult result)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("infobot.outcome", InfoBotMetrics.Outcome(result));
        if (result is SendResult.Failed or SendResult.Transient)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Dispose();
    }
}
