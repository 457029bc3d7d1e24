using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks for free text (a name, a village). Emoji-only or empty answers are re-asked.
/// <code>
/// - id: hoi-thon
///   type: ask_text
///   text: "Bác ở thôn (xóm) nào?"
///   var: thon
///   max_length: 100
/// </code>
/// </summary>
public sealed class AskTextNode : PromptNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "min_length", "max_length"];

    public override string Type => "ask_text";

    public int MinLength { get; init; } = 1;

    public int MaxLength { get; init; } = 200;

    protected override string DefaultRetryText => "Bác gõ câu trả lời bằng chữ giúp cháu nhé.";

    public override bool TakesQuestions => false;

    public static DialogNode Read(NodeSeed seed) => new AskTextNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Spec = PromptSpec.Read(seed),
        MinLength = seed.Reader.OptionalInt(seed.Map, "min_length", 1, 2000) ?? 1,
        MaxLength = seed.Reader.OptionalInt(seed.Map, "max_length", 1, 2000) ?? 200,
    };

    protected override Answer? Recognize(TurnContext turn)
    {
        var text = turn.Input.Text;
        return VietnameseText.HasWords(text) && text.Length >= MinLength && text.Length <= MaxLength ? new Answer(text) : null;
    }
}
