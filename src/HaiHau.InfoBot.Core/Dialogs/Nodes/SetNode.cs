using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Keeps a value for later nodes. The value may use placeholders ({var:…}, {fact:…}).
/// <code>
/// - id: ghi-chu-de
///   type: set
///   var: chu_de
///   value: health_insurance
///   scope: conversation   # optional; default: this dialog only, forgotten when it ends
///   next: hoi-loai-ho
/// </code>
/// </summary>
public sealed class SetNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "var", "value", "scope"];

    public override string Type => "set";

    public required string Var { get; init; }

    public required string Value { get; init; }

    public SourceLocation ValueAt { get; init; } = SourceLocation.Unknown;

    public bool ConversationScope { get; init; }

    public static DialogNode Read(NodeSeed seed) => new SetNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Var = seed.Reader.RequiredString(seed.Map, "var", $"node \"{seed.Id}\""),
        Value = seed.Reader.OptionalString(seed.Map, "value") ?? string.Empty,
        ValueAt = seed.At("value"),
        ConversationScope = seed.ConversationScope(),
    };

    public override NodeOutcome Enter(TurnContext turn)
    {
        turn.Set(Var, turn.Render(Value), ConversationScope);
        return ToNext();
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => [(Value, ValueAt)];
}
