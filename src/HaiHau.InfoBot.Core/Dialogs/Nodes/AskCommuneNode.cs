using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks which commune or town the resident lives in, typed freely ("hai chau", "TT Yên Định", "xã Hải Châu ạ").
/// Stores the commune's code in <c>var</c> and always in the conversation's <c>commune</c> (the {contact} block
/// and later questions use it). When the conversation already knows the commune, it is offered as a button.
/// <code>
/// - id: hoi-xa
///   type: ask_commune
///   text: "Nhà bác ở xã, thị trấn nào của huyện Hải Hậu?"
///   retry_text: "Bác gõ tên xã, ví dụ «Hải Châu» hoặc «thị trấn Yên Định» giúp cháu nhé."
///   on_give_up: hoi-khu-vuc   # optional: e.g. ask only whether it is a commune or a town
///   next: hoi-so-nguoi
/// </code>
/// </summary>
public sealed class AskCommuneNode : PromptNode
{
    /// <summary>The conversation variable that holds the resident's commune code.</summary>
    public const string ConversationVar = "commune";

    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields];

    public override string Type => "ask_commune";

    protected override string DefaultRetryText => "Cháu chưa nhận ra tên xã. Bác gõ tên xã, thị trấn, ví dụ «Hải Châu» hoặc «thị trấn Yên Định» giúp cháu nhé.";

    public static DialogNode Read(NodeSeed seed) => new AskCommuneNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Spec = PromptSpec.Read(seed),
    };

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn) =>
        Known(turn) is { } known ? [new QuickReply(known.Code, known.Name)] : [];

    protected override Answer? Recognize(TurnContext turn)
    {
        var commune = turn.Input.Payload is { } payload && Known(turn) is { } known && payload == known.Code
            ? known
            : CommuneMatcher.Match(turn.Services.Content, turn.Input.Text);
        if (commune is null)
        {
            return null;
        }

        turn.Set(ConversationVar, commune.Code, conversationScope: true);
        return new Answer(commune.Code);
    }

    private static Commune? Known(TurnContext turn) =>
        turn.State.Vars.GetValueOrDefault(ConversationVar) is { } code ? turn.Services.Content.FindCommune(code) : null;
}
