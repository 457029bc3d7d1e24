using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks the resident to pick one choice: by button, by its number, or by words with or without diacritics.
/// <code>
/// - id: hoi-loai-ho
///   type: ask_choice
///   text: "Hộ nhà bác thuộc diện nào?"
///   var: loai_ho
///   choices:
///     - { id: ngheo, label: "Hộ nghèo", next: bhyt-ngheo }
///     - { id: can-ngheo, label: "Hộ cận nghèo", next: bhyt-can-ngheo }
///   retry_text: "Bác bấm một nút bên dưới giúp cháu nhé."
///   max_attempts: 3
/// </code>
/// The stored value is the choice's <c>value</c>, else its id. Ids are short ASCII (buttons send them back).
/// </summary>
public sealed class AskChoiceNode : PromptNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "choices"];

    public override string Type => "ask_choice";

    public required IReadOnlyList<Choice> Options { get; init; }

    protected override string DefaultRetryText => "Bác bấm một nút bên dưới, hoặc gõ số thứ tự của mục bác chọn giúp cháu nhé.";

    public override bool UnderstandsExactly(TurnContext turn) =>
        ChoiceMatcher.Match(Offered(turn), turn.Input.Text, turn.Input.Payload, byWords: false) is not null;

    public static DialogNode Read(NodeSeed seed)
    {
        var options = new List<Choice>();
        var maps = seed.Reader.MapList(seed.Map, "choices", required: true);
        foreach (var map in maps)
        {
            seed.Reader.OnlyKnownFields(map, "a choice", "id", "label", "value", "next");
            var label = seed.Reader.RequiredString(map, "label", "choice");
            var id = seed.Reader.OptionalString(map, "id") ?? Slug(label);
            if (id.Length > 40 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                seed.Reader.Report(map.Location, $"choice id \"{id}\" must be short ASCII letters, digits, '-' or '_' (it travels in buttons)");
            }

            if (options.Any(o => o.Id == id))
            {
                seed.Reader.Report(map.Location, $"choice id \"{id}\" is used twice in node \"{seed.Id}\"");
            }

            options.Add(new Choice(id, label, seed.Reader.OptionalString(map, "value") ?? id, seed.Ref("next", map), map.Get("label")?.Location ?? map.Location));
        }

        if (maps.Count == 0 && seed.Map.Get("choices") is not null)
        {
            seed.Reader.Report(seed.At("choices"), $"node \"{seed.Id}\" has no choices");
        }

        return new AskChoiceNode { Id = seed.Id, Location = seed.Location, Next = seed.Next, Spec = PromptSpec.Read(seed), Options = options };
    }

    public override IEnumerable<Reference> Targets() =>
        base.Targets().Concat(Options.Where(o => o.Next is not null).Select(o => o.Next!));

    public override IEnumerable<(string Text, SourceLocation At)> Texts() =>
        base.Texts().Concat(Options.Select(o => (o.Label, o.LabelAt)));

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn) =>
        Options.Select(o => new QuickReply(o.Id, turn.Render(o.Label))).ToList();

    protected override Answer? Recognize(TurnContext turn)
    {
        var index = ChoiceMatcher.Match(Offered(turn), turn.Input.Text, turn.Input.Payload);
        return index is { } i ? new Answer(Options[i].Value, Options[i].Next) : null;
    }

    private List<(string Id, string Label)> Offered(TurnContext turn) => Options.Select(o => (o.Id, turn.Render(o.Label))).ToList();

    private static string Slug(string label)
    {
        var slug = VietnameseText.Fold(label).Replace(' ', '-');
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    public sealed record Choice(string Id, string Label, string Value, Reference? Next, SourceLocation LabelAt);
}
