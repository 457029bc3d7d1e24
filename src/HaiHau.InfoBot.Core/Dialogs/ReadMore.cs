using System.Text.Json;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// «Xem thêm» (issue 12 §5): an answer longer than <see cref="Limit"/> characters is a wall of text on a phone, so
/// its first part is sent with a «Xem thêm» button and the rest waits in the conversation's state until pressed (or
/// typed: «xem thêm», «xem tiếp»; on Zalo its number). Channel-neutral: the Core only adds an ordinary button, which
/// Telegram shows inline, the web chat as a quick reply and Zalo as a numbered line. Only the turn's last message is
/// shortened, and never while a topic's question waits: there the last message is the question, which must stay whole
/// next to its buttons. The rest keeps the answer's own buttons; it is forgotten at the next turn that is not «Xem thêm».
/// </summary>
public static class ReadMore
{
    /// <summary>About what a phone shows without scrolling.</summary>
    public const int Limit = 600;

    /// <summary>A rest shorter than this is sent with the rest of the answer: a button for two lines is not worth it.</summary>
    private const int MinRest = 120;

    public const string Payload = "xem-them";

    public const string Label = "Xem thêm";

    private const string RestVar = "xem_them";
    private const string ButtonsVar = "xem_them_nut";

    private static readonly HashSet<string> Typed = new(["xem them", "xem tiep", "doc tiep", "doc them", "xem het"], StringComparer.Ordinal);

    /// <summary>True when the resident asks for the rest (button or words) and there is a rest to show; it is then said.</summary>
    public static bool ShowRest(TurnContext turn)
    {
        var asked = turn.Input.Payload == Payload || (turn.Input.Payload is null && Typed.Contains(VietnameseText.Fold(turn.Input.Text)));
        if (!asked || !turn.State.Vars.TryGetValue(RestVar, out var rest))
        {
            return false;
        }

        var buttons = turn.State.Vars.TryGetValue(ButtonsVar, out var json)
            ? JsonSerializer.Deserialize<List<QuickReply>>(json) ?? []
            : [];
        turn.SayAsIs(rest, buttons);
        return true;
    }

    /// <summary>At the end of a turn: shortens its last message if it is long, and keeps the rest for «Xem thêm».</summary>
    public static void Shorten(TurnContext turn, bool questionWaits)
    {
        turn.State.Vars.Remove(RestVar);
        turn.State.Vars.Remove(ButtonsVar);
        if (questionWaits || turn.Replies is not [.., var last] || Cut(last.Text) is not { } at)
        {
            return;
        }

        turn.State.Vars[RestVar] = last.Text[at..].Trim();
        turn.State.Vars[ButtonsVar] = JsonSerializer.Serialize(last.QuickReplies);
        turn.ReplaceLast(new OutboundMessage(last.Text[..at].TrimEnd(), [new QuickReply(Payload, Label), .. last.QuickReplies]));
    }

    /// <summary>Where to cut: the last paragraph, else line or sentence end, else space, in the first <see cref="Limit"/> characters.</summary>
    public static int? Cut(string text)
    {
        if (text.Length <= Limit + MinRest)
        {
            return null;
        }

        var window = text[..Limit];
        foreach (var end in new[] { "\n\n", "\n", ". ", "; ", " " })
        {
            var at = window.LastIndexOf(end, StringComparison.Ordinal);
            if (at >= Limit / 3)
            {
                return at + end.Length;
            }
        }

        return Limit;
    }
}
