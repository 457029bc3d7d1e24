using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Ends the current dialog and returns to the one that called it (or leaves the conversation idle).
/// <code>
/// - id: xong
///   type: end
///   text: "Chúc bác và gia đình mạnh khỏe!"   # optional
///   buttons: [menu]                            # optional
/// </code>
/// </summary>
public sealed class EndNode : DialogNode
{
    public static readonly string[] Fields = ["id", "type", "text", "buttons"];

    public override string Type => "end";

    public string? Text { get; init; }

    public SourceLocation TextAt { get; init; } = SourceLocation.Unknown;

    public IReadOnlyList<GlobalCommand> Buttons { get; init; } = [];

    public static DialogNode Read(NodeSeed seed) => new EndNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Text = seed.Reader.OptionalString(seed.Map, "text"),
        TextAt = seed.At("text"),
        Buttons = CommandButtons.Read(seed),
    };

    public override NodeOutcome Enter(TurnContext turn)
    {
        if (Text is not null)
        {
            turn.Say(Text, Buttons.Count == 0 ? null : GlobalCommands.Buttons([.. Buttons]));
        }

        return NodeOutcome.End;
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => Text is null ? [] : [(Text, TextAt)];
}
