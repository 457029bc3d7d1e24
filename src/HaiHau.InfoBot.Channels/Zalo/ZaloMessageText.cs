using HaiHau.InfoBot.Channels.Text;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// A reply as Zalo text: buttons on consultation messages are not confirmed (channels.md §C.4), so choices become a
/// numbered list the resident answers by number or words, and sentences that say «bấm một nút» ask for the number
/// instead (<see cref="ButtonlessWording"/>). Choices that are all commands ("Về menu chính", "Gặp cán bộ") become
/// words to type instead: those work from anywhere, while a number only means something to a question. The
/// share-phone choice is not listed: the adapter sends Zalo's own request card for it.
/// </summary>
public static class ZaloMessageText
{
    public static string Render(OutboundMessage message)
    {
        message = message with
        {
            Text = ButtonlessWording.Rewrite(message.Text),
            QuickReplies = [.. message.QuickReplies.Where(c => c.Id != AskContactNode.ShareChoiceId)],
        };
        var commands = message.QuickReplies.Select(c => GlobalCommands.Recognise(null, c.Id)).ToList();
        if (commands.Count == 0 || commands.Any(c => c is null))
        {
            return NumberedChoices.Render(message);
        }

        var clauses = commands.Select(c => Clause(c!.Value)).Distinct().ToList();
        var joined = clauses.Count == 1 ? clauses[0] : string.Join(", ", clauses[..^1]) + ", hoặc " + clauses[^1];
        return $"{message.Text}\n\nBác gõ {joined} nhé.";
    }

    /// <summary>The share-phone choice, when the reply asks for the resident's verified number.</summary>
    public static QuickReply? ShareContact(OutboundMessage message) =>
        message.QuickReplies.FirstOrDefault(c => c.Id == AskContactNode.ShareChoiceId);

    private static string Clause(GlobalCommand command) => command switch
    {
        GlobalCommand.Menu => "«menu» để về menu chính",
        GlobalCommand.Back => "«quay lại» để về câu trước",
        GlobalCommand.Cancel => "«hủy» để dừng phần đang hỏi",
        GlobalCommand.Erase => "«xóa dữ liệu của tôi» để xóa dữ liệu",
        _ => "«gặp cán bộ» để được cán bộ giúp",
    };
}
