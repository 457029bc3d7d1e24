using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Turns;

/// <summary>
/// The turn path for channels that answer in the same request (web chat, terminal chat): the message and its
/// turn are one transaction, and the response carries the replies (see <see cref="TurnProcessor.RunNowAsync"/>).
/// </summary>
public sealed class TurnRunner(TurnProcessor processor, Telemetry.InfoBotMetrics metrics)
{
    /// <summary>Runs the turn; null when <paramref name="requireConversation"/> and the conversation does not exist.</summary>
    public async Task<IReadOnlyList<DeliveredReply>?> RunAsync(InboundMessage message, CancellationToken ct, bool requireConversation = false)
    {
        using var turn = Telemetry.TurnTelemetry.Start(metrics, message.From.Channel);
        var (outcome, replies) = await processor.RunNowAsync(message, requireConversation, ct);
        turn.Done(outcome == TurnOutcome.UnknownConversation ? Telemetry.TurnTelemetry.UnknownConversation : Telemetry.TurnTelemetry.Answered);
        return outcome == TurnOutcome.UnknownConversation ? null : replies;
    }
}
