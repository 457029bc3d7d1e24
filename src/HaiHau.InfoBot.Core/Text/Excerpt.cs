namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// A short piece of a value someone sent, for a message that refuses it: never the whole value (issue 14: an import
/// page once echoed a 200 MB cell back), one line, at most <see cref="MaxChars"/> characters.
/// </summary>
public static class Excerpt
{
    public const int MaxChars = 40;

    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var head = value.Length > MaxChars ? value[..MaxChars] : value;
        if (char.IsHighSurrogate(head[^1]))
        {
            head = head[..^1]; // never cut a character in half
        }

        head = string.Concat(head.Select(c => char.IsControl(c) ? ' ' : c));
        return value.Length > MaxChars ? head + "…" : head;
    }
}
