using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks a yes/no question; understands "có", "dạ có", "ừ", "ok", "không", "ko", "k", "chưa" and, when allowed,
/// "không biết". Stores "yes", "no" or "unknown"; may branch on each.
/// <code>
/// - id: hoi-bhyt
///   type: ask_yes_no
///   text: "Mọi người trong nhà đã có thẻ bảo hiểm y tế chưa?"
///   var: co_bhyt
///   allow_unknown: true
///   if_yes: da-co       # not "yes:": YAML 1.1 tools read that key as the boolean true
///   if_no: chua-co
///   next: tiep        # for answers without their own branch
/// </code>
/// </summary>
public sealed class AskYesNoNode : PromptNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "if_yes", "if_no", "if_unknown", "allow_unknown"];

    public override string Type => "ask_yes_no";

    public Reference? OnYes { get; init; }

    public Reference? OnNo { get; init; }

    public Reference? OnUnknown { get; init; }

    public bool AllowUnknown { get; init; }

    protected override string DefaultRetryText =>
        AllowUnknown ? "Bác trả lời «có», «không» hoặc «không biết» giúp cháu nhé." : "Bác trả lời «có» hoặc «không» giúp cháu nhé.";

    public static DialogNode Read(NodeSeed seed) => new AskYesNoNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Spec = PromptSpec.Read(seed),
        OnYes = seed.Ref("if_yes"),
        OnNo = seed.Ref("if_no"),
        OnUnknown = seed.Ref("if_unknown"),
        AllowUnknown = seed.Reader.OptionalBool(seed.Map, "allow_unknown") ?? seed.Map.Get("if_unknown") is not null,
    };

    public override IEnumerable<Reference> Targets() =>
        base.Targets().Concat(new[] { OnYes, OnNo, OnUnknown }.OfType<Reference>());

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn) =>
        AllowUnknown
            ? [new("yes", "Có"), new("no", "Không"), new("unknown", "Không biết")]
            : [new("yes", "Có"), new("no", "Không")];

    protected override Answer? Recognize(TurnContext turn)
    {
        var answer = turn.Input.Payload switch
        {
            "yes" => YesNoAnswer.Yes,
            "no" => YesNoAnswer.No,
            "unknown" when AllowUnknown => YesNoAnswer.Unknown,
            _ => VietnameseYesNo.Parse(turn.Input.Text),
        };
        return answer switch
        {
            YesNoAnswer.Yes => new Answer("yes", OnYes),
            YesNoAnswer.No => new Answer("no", OnNo),
            YesNoAnswer.Unknown when AllowUnknown => new Answer("unknown", OnUnknown),
            _ => null,
        };
    }
}
