namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks which commune or town the resident lives in and keeps its code (content/communes.yaml): "Hải An", "hai an",
/// "xã Hải An", "TT Yên Định" are all understood. Anything else is asked again.
/// <code>
/// - id: hoi-xa
///   type: ask_commune
///   text: "Nhà bác ở xã, thị trấn nào?"
///   var: xa
/// </code>
/// </summary>
public sealed class AskCommuneNode : PromptNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields];

    public override string Type => "ask_commune";

    protected override string DefaultRetryText => "Cháu chưa nhận ra tên xã, thị trấn đó. Bác gõ tên xã, ví dụ «Hải An» hoặc «Yên Định», giúp cháu nhé.";

    public static DialogNode Read(NodeSeed seed) => new AskCommuneNode { Id = seed.Id, Location = seed.Location, Next = seed.Next, Spec = PromptSpec.Read(seed) };

    protected override Answer? Recognize(TurnContext turn) =>
        turn.Services.Content.FindCommune(turn.Input.Text) is { } commune ? new Answer(commune.Code) : null;
}
