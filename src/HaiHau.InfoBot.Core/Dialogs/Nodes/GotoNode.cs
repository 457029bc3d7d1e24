namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Jumps: to a node of this dialog (<c>node</c>) or into another dialog for good (<c>dialog</c>, no return).
/// <code>
/// - id: lam-lai
///   type: goto
///   node: hoi-loai-ho
/// </code>
/// </summary>
public sealed class GotoNode : DialogNode
{
    public static readonly string[] Fields = ["id", "type", "node", "dialog"];

    public override string Type => "goto";

    public Reference? Node { get; init; }

    public Reference? Dialog { get; init; }

    public static DialogNode Read(NodeSeed seed)
    {
        var node = seed.Ref("node");
        var dialog = seed.Ref("dialog");
        if ((node is null) == (dialog is null))
        {
            seed.Reader.Report(seed.Location, $"goto node \"{seed.Id}\" needs exactly one of \"node\" or \"dialog\"");
        }

        return new GotoNode { Id = seed.Id, Location = seed.Location, Node = node, Dialog = dialog };
    }

    public override NodeOutcome Enter(TurnContext turn) =>
        Dialog is not null ? new NodeOutcome.Jump(Dialog.Id) : NodeOutcome.GoTo(Node?.Id);

    public override IEnumerable<Reference> Targets() => Node is null ? [] : [Node];

    public override IEnumerable<Reference> Dialogs() => Dialog is null ? [] : [Dialog];
}
