using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Channels;

/// <summary>What an adapter made of a webhook call.</summary>
public abstract record WebhookResult
{
    private WebhookResult()
    {
    }

    /// <summary>Messages to store and answer, and facts about conversations (unfollowed, an officer took over).</summary>
    public sealed record Accepted(IReadOnlyList<InboundMessage> Messages, IReadOnlyList<ChannelSignal> Signals) : WebhookResult
    {
        public Accepted(params InboundMessage[] messages)
            : this(messages, [])
        {
        }
    }

    /// <summary>Answered 200 so the platform does not retry, and dropped (updates we do not use). The reason is logged.</summary>
    public sealed record Ignored(string Reason) : WebhookResult;

    /// <summary>Refused: a bad secret token (Telegram: 403) or signature (Zalo: 401), or a body that is not the platform's.</summary>
    public sealed record Rejected(int StatusCode, string Reason) : WebhookResult;
}
