using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A number typed for the buttons the resident saw last. Zalo shows every message's buttons as a numbered list and
/// Telegram numbers lists of three or more, so after an answer («1. Đọc bài đầy đủ … 4. Gặp cán bộ») or a referral's
/// suggested entries, «1» means the first of those. It used to press the first button of the question still waiting
/// behind them (the main menu's «Tôi có thuộc hộ nghèo không?»). When the question itself was asked last, its own
/// prompt reads the number, as before; and a question that waits for a number («nhà bác có mấy người?») keeps it.
/// </summary>
internal static class TypedNumber
{
    /// <summary>The button the typed number presses, or null when the number is not for the last buttons.</summary>
    public static string? Pressed(ConversationState state, InboundMessage message, bool questionTakesNumbers) =>
        message.ButtonPayload is null && !questionTakesNumbers && state.LastButtons is { Count: > 0 } buttons
        && ChoiceMatcher.Number(message.Text) is { } n && n >= 1 && n <= buttons.Count
            ? buttons[n - 1]
            : null;

    /// <summary>The ids of the turn's last buttons, unless the question now waiting was asked after them.</summary>
    public static List<string>? Shown(TurnContext turn)
    {
        for (var i = turn.Replies.Count - 1; i > turn.QuestionReply; i--)
        {
            if (turn.Replies[i].QuickReplies is { Count: > 0 } buttons)
            {
                return [.. buttons.Select(b => b.Id)];
            }
        }

        return null;
    }
}
