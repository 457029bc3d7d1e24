using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Host.Health;

namespace HaiHau.InfoBot.Host.Zalo;

/// <summary>"reauth_required" when the tokens need a person (sending is paused), else "ok".</summary>
public sealed class ZaloHealth(ZaloTokens tokens) : IChannelHealth
{
    public string Channel => ZaloWebhookReader.Channel;

    public string State => tokens.ReauthRequired ? "reauth_required" : "ok";
}
