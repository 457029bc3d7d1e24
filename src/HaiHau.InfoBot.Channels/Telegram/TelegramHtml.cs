using System.Text;
using HaiHau.InfoBot.Channels.Text;

namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// The bot's plain text as Telegram HTML parts: cut first (at paragraphs or sentences, never inside a word), then
/// escaped, so no cut can fall inside a tag or an entity. An article's title line (upper case) is set in bold.
/// </summary>
public static class TelegramHtml
{
    /// <summary>
    /// Telegram allows 4,096 characters after entity parsing but does not say how it counts them (UTF-16 units or
    /// code points); a margin keeps every part safe either way.
    /// </summary>
    public const int PartLimit = 4000;

    public static IReadOnlyList<string> Render(string text) => MessageSplitter.Split(text, PartLimit).Select(ToHtml).ToList();

    /// <summary>Only &amp;, &lt; and &gt; need escaping in Telegram HTML outside tags.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string ToHtml(string part)
    {
        var sb = new StringBuilder(part.Length + 16);
        var paragraphs = part.Split("\n\n");
        for (var i = 0; i < paragraphs.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("\n\n");
            }

            var paragraph = paragraphs[i];
            if (IsTitle(paragraph))
            {
                sb.Append("<b>").Append(Escape(paragraph)).Append("</b>");
            }
            else
            {
                sb.Append(Escape(paragraph));
            }
        }

        return sb.ToString();
    }

    // Articles start with their title in capitals (ShowArticleNode); a one-line paragraph with no lower-case letter.
    private static bool IsTitle(string paragraph) =>
        !paragraph.Contains('\n', StringComparison.Ordinal)
        && paragraph.Count(char.IsLetter) >= 4
        && !paragraph.Any(char.IsLower);
}
