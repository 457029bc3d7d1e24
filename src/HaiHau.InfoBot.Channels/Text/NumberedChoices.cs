using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Channels.Text;

/// <summary>
/// Choices for channels without buttons (the terminal; Zalo consultation messages): a numbered list under the
/// text, and the number the resident types mapped back to the choice's id, as if the button were pressed.
/// </summary>
public static class NumberedChoices
{
    public static string Render(OutboundMessage message)
    {
        if (message.QuickReplies.Count == 0)
        {
            return message.Text;
        }

        var sb = new StringBuilder(message.Text);
        for (var i = 0; i < message.QuickReplies.Count; i++)
        {
            sb.Append('\n').Append(CultureInfo.InvariantCulture, $"  {i + 1}. {message.QuickReplies[i].Label}");
        }

        return sb.ToString();
    }

    /// <summary>The id of the choice numbered <paramref name="typed"/> ("2", " 2 ", "2."), or null.</summary>
    public static string? Resolve(IReadOnlyList<QuickReply> lastChoices, string? typed)
    {
        var text = typed?.Trim().TrimEnd('.', ')');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= lastChoices.Count
            ? lastChoices[n - 1].Id
            : null;
    }
}
