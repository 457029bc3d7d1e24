namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Runs another dialog; when it ends, this dialog goes on at <c>next</c> (Bot Framework's BeginDialog).
/// <code>
/// - id: vao-bhyt
///   type: call
///   dialog: bhyt
///   next: hoi-tiep
/// </code>
/// </summary>
public sealed class CallNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "dialog"];

    public override string Type => "call";

    public required Reference Dialog { get; init; }

    public static DialogNode Read(NodeSeed seed) => new CallNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Dialog = seed.RequiredRef("dialog", $"node \"{seed.Id}\""),
    };

    public override NodeOutcome Enter(TurnContext turn) => new NodeOutcome.Call(Dialog.Id);

    public override IEnumerable<Reference> Dialogs() => [Dialog];
}
