using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Messaging;
using Telegram.Bot.Types.ReplyMarkups;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// Choices as an inline keyboard. A button carries the choice's short ASCII id as callback_data (Telegram allows
/// 1–64 bytes), never its Vietnamese label. Long lists are numbered, since residents may type the number instead.
/// </summary>
public static class TelegramKeyboard
{
    public const int MaxCallbackDataBytes = 64;

    /// <summary>Labels this short fit side by side on a phone ("Có", "Không").</summary>
    private const int ShortLabel = 16;

    public static InlineKeyboardMarkup? For(IReadOnlyList<QuickReply> choices)
    {
        if (choices.Count == 0)
        {
            return null;
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
}
