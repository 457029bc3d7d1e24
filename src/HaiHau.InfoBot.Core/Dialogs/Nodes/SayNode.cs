using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Says a text and goes on.
/// <code>
/// - id: chao
///   type: say
///   text: "Chào bác! Cháu là trợ lý hỏi đáp giảm nghèo của huyện Hải Hậu."
///   buttons: [menu, handoff]   # optional: command buttons shown under the text
///   next: hoi-chu-de
/// </code>
/// </summary>
public sealed class SayNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "text", "buttons"];

    public override string Type => "say";

    public required string Text { get; init; }

    public required SourceLocation TextAt { get; init; }

    public IReadOnlyList<GlobalCommand> Buttons { get; init; } = [];

    public static DialogNode Read(NodeSeed seed) => new SayNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        Text = seed.Text(),
        TextAt = seed.At("text"),
        Buttons = CommandButtons.Read(seed),
    };

    public override NodeOutcome Enter(TurnContext turn)
    {
        turn.Say(Text, Buttons.Count == 0 ? null : GlobalCommands.Buttons([.. Buttons]));
        return ToNext();
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => [(Text, TextAt)];
}

/// <summary>Reads the optional <c>buttons: [menu, back, cancel, handoff]</c> list of command buttons.</summary>
internal static class CommandButtons
{
    public static IReadOnlyList<GlobalCommand> Read(NodeSeed seed)
    {
        var result = new List<GlobalCommand>();
        foreach (var name in seed.Reader.StringList(seed.Map, "buttons"))
        {
            if (Enum.TryParse<GlobalCommand>(name, ignoreCase: true, out var command) && Enum.IsDefined(command))
            {
                result.Add(command);
            }
            else
            {
                seed.Reader.Report(seed.At("buttons"), $"unknown button \"{name}\" (allowed: menu, back, cancel, handoff)");
            }
        }

        return result;
    }
}
