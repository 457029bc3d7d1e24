using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.TestKit.Telegram;

/// <summary>
/// Telegram's HTML parse mode as the fake checks it (shared/channels.md §A.9): supported tags only, properly
/// nested, and no bare '&lt;', '&gt;' or '&amp;'. Returns the text a resident would see, or null where the real API
/// answers "can't parse entities".
/// </summary>
public static partial class FakeTelegramHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    public static string? Parse(string html)
    {
        var visible = new StringBuilder(html.Length);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var tag = TagAt().Match(html, i);
                if (!tag.Success || tag.Index != i || !Tags.Contains(tag.Groups["name"].Value))
                {
                    return null;
                }

                var name = tag.Groups["name"].Value;
                if (tag.Groups["close"].Success)
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return null;
                    }
                }
                else
                {
                    open.Push(name);
                }

                i += tag.Length;
            }
            else if (c == '&')
            {
                var entity = EntityAt().Match(html, i);
                if (!entity.Success || entity.Index != i)
                {
                    return null;
                }

                visible.Append(Decode(entity.Groups["name"].Value));
                i += entity.Length;
            }
            else if (c == '>')
            {
                return null;
            }
            else
            {
                visible.Append(c);
                i++;
            }
        }

        return open.Count == 0 ? visible.ToString() : null;
    }

    private static string Decode(string name) => name switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        _ when name.StartsWith("#x", StringComparison.Ordinal) => char.ConvertFromUtf32(int.Parse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
        _ => char.ConvertFromUtf32(int.Parse(name[1..], CultureInfo.InvariantCulture)),
    };

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-z-]+)(\s[^<>]*)?>")]
    private static partial Regex TagAt();

    [GeneratedRegex(@"&(?<name>lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")]
    private static partial Regex EntityAt();
}
