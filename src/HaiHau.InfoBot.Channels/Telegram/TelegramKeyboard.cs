using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Core.Messaging;
using Telegram.Bot.Types.ReplyMarkups;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// Choices as an inline keyboard. A button carries the choice's short ASCII id as callback_data (Telegram allows
/// 1–64 bytes), never its Vietnamese label. Long lists are numbered, since residents may type the number instead.
/// The one exception is the <c>share_contact</c> choice: only a reply keyboard button can carry request_contact
/// (channels.md §A.8), so such a reply gets a one-time reply keyboard instead.
/// </summary>
public static class TelegramKeyboard
{
    public const int MaxCallbackDataBytes = 64;

    /// <summary>Labels this short fit side by side on a phone ("Có", "Không").</summary>
    private const int ShortLabel = 16;

    /// <summary>True when the reply asks for the resident's own phone number.</summary>
    public static bool AsksContact(IReadOnlyList<QuickReply> choices) => choices.Any(c => c.Id == AskContactNode.ShareChoiceId);

    public static ReplyMarkup? For(IReadOnlyList<QuickReply> choices)
    {
        if (choices.Count == 0)
        {
            return null;
        }

        if (AsksContact(choices))
        {
            return ContactKeyboard(choices);
        }

        foreach (var choice in choices)
        {
            var bytes = Encoding.UTF8.GetByteCount(choice.Id);
            if (bytes is 0 or > MaxCallbackDataBytes)
            {
                throw new ArgumentException($"choice id of {bytes} bytes does not fit Telegram's callback_data (1–{MaxCallbackDataBytes} bytes)", nameof(choices));
            }
        }

        var numbered = choices.Count >= 3;
        var buttons = choices.Select((c, i) => InlineKeyboardButton.WithCallbackData(
            numbered ? string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {c.Label}") : c.Label, c.Id)).ToList();
        var sideBySide = choices.Count <= 3 && choices.All(c => c.Label.Length <= ShortLabel);
        return sideBySide
            ? new InlineKeyboardMarkup(buttons)
            : new InlineKeyboardMarkup(buttons.Select(b => new[] { b }));
    }

    /// <summary>
    /// The share button sends the resident's own contact; any other choice is a plain button whose label arrives as
    /// typed text. One-time: Telegram folds it away once used; the adapter removes it with the next plain reply.
    /// </summary>
    private static ReplyKeyboardMarkup ContactKeyboard(IReadOnlyList<QuickReply> choices) =>
        new(choices.Select(c => new[] { new KeyboardButton(c.Label) { RequestContact = c.Id == AskContactNode.ShareChoiceId } }))
        {
            OneTimeKeyboard = true,
            ResizeKeyboard = true,
        };
}
