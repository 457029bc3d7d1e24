using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Erases what the bot keeps of this resident (Decree 13/2023/NĐ-CP): the conversation's state and answers now,
/// and — in the same transaction as this turn — the texts of every message stored for the conversation.
/// Counts of what happened (which articles were read) stay, with nothing that says who read them.
/// <code>
/// - id: xoa
///   type: erase_data
///   text: "Cháu đã xóa toàn bộ tin nhắn và câu trả lời của bác."
/// </code>
/// </summary>
public sealed class EraseDataNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "text"];

    public override string Type => "erase_data";

    public required string Text { get; init; }

    public required SourceLocation TextAt { get; init; }

    public static DialogNode Read(NodeSeed seed) => new EraseDataNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Text = seed.Text(),
        TextAt = seed.At("text"),
    };

    public override NodeOutcome Enter(TurnContext turn)
    {
        turn.EraseRequested = true;
        turn.Log(EventKinds.DataErased);
        turn.Say(Text, GlobalCommands.Buttons(GlobalCommand.Menu));
        return ToNext();
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => [(Text, TextAt)];
}
