using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Channels;

/// <summary>
/// One adapter per platform (Bot Framework's adapter, courier's handler). It verifies and translates what the
/// platform sends and sends what the bot says. It never touches storage or dialogs: the host persists what
/// <see cref="ReadAsync"/> accepts before acknowledging it, and the outbox worker calls <see cref="SendAsync"/>.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>"telegram", "zalo": the <see cref="ConversationRef.Channel"/> value and the webhook URL segment.</summary>
    string Channel { get; }

    /// <summary>Verifies and translates one webhook call. Must not block on the network: the platform waits for our 200.</summary>
    ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken ct);

    /// <summary>Sends one reply (splitting it if the platform needs that) and says what happened, never throwing for platform errors.</summary>
    Task<SendResult> SendAsync(ConversationRef to, OutboundMessage message, CancellationToken ct);

    /// <summary>
    /// Called once a message is stored, for platform acknowledgements that must follow persistence
    /// (Telegram's answerCallbackQuery stops the button's spinner). Best effort: failures are logged, not retried.
    /// </summary>
    Task AfterStoredAsync(InboundMessage message, CancellationToken ct) => Task.CompletedTask;
}
