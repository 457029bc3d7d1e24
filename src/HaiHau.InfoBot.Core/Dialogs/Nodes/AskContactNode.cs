using System.Globalization;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Residents;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks the resident to share the phone number their platform verified (Telegram's "share my phone number" button,
/// Zalo's user-info request) and links them to the register household with that phone. The reply carries a choice
/// with the id <see cref="ShareChoiceId"/>: a channel that can ask for a verified contact renders it as that
/// request; elsewhere it is an ordinary button, and pressing it (or typing anything) goes to <c>if_not_shared</c>.
/// A typed number is never trusted. Goes to <c>if_linked</c>, <c>if_not_found</c> or <c>if_not_shared</c>.
/// With <c>if_shared</c> instead of those two, the phone is asked for another purpose (being notified by it, issue 18):
/// a shared phone goes there without being compared with the register, so one purpose never serves another.
/// <code>
/// - id: xin-so
///   type: ask_contact
///   text: "Bác bấm «Chia sẻ số điện thoại» để cháu tìm nhà mình trong danh sách của xã."
///   label: "Chia sẻ số điện thoại"
///   if_linked: da-lien-ket
///   if_not_found: khong-thay
///   if_not_shared: hoi-ma-ho
/// </code>
/// </summary>
public sealed class AskContactNode : PromptNode
{
    public const string ShareChoiceId = "share_contact";

    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "label", "if_linked", "if_not_found", "if_shared", "if_not_shared"];

    public override string Type => "ask_contact";

    public required string Label { get; init; }

    public Reference? IfLinked { get; init; }

    public Reference? IfNotFound { get; init; }

    /// <summary>Where a shared phone goes when it is asked for a purpose other than the register link (then the two above are absent).</summary>
    public Reference? IfShared { get; init; }

    public required Reference IfNotShared { get; init; }

    protected override string DefaultRetryText => Text;

    public static DialogNode Read(NodeSeed seed)
    {
        var what = $"node \"{seed.Id}\"";
        var shared = seed.Ref("if_shared");
        if (shared is not null && (seed.Map.Get("if_linked") is not null || seed.Map.Get("if_not_found") is not null))
        {
            seed.Reader.Report(seed.At("if_shared"), $"{what}: \"if_shared\" asks the phone for another purpose than the register link, so it takes no \"if_linked\" or \"if_not_found\"");
        }

        return new AskContactNode
        {
            Id = seed.Id,
            Location = seed.Location,
            Spec = PromptSpec.Read(seed),
            Label = seed.Text("label"),
            IfShared = shared,
            IfLinked = shared is null ? seed.RequiredRef("if_linked", what) : null,
            IfNotFound = shared is null ? seed.RequiredRef("if_not_found", what) : null,
            IfNotShared = seed.RequiredRef("if_not_shared", what),
        };
    }

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn) => [new QuickReply(ShareChoiceId, turn.Render(Label))];

    // Every answer is understood: a verified contact is looked up, anything else means "not shared".
    protected override Answer? Recognize(TurnContext turn)
    {
        if (turn.Input.ContactPhone is not { Length: > 0 } phone)
        {
            return new Answer("not_shared", IfNotShared);
        }

        if (IfShared is { } shared)
        {
            return new Answer("shared", shared);
        }

        if (turn.Services.Register.MatchPhone(phone) is not { } household)
        {
            turn.Log(EventKinds.HouseholdNotFound);
            return new Answer("not_found", IfNotFound);
        }

        turn.Log(ProfileEvents.HouseholdLinked, data: new Dictionary<string, string>
        {
            ["household_id"] = household.ToString(CultureInfo.InvariantCulture),
            ["linked_by"] = "phone",
        });
        return new Answer("linked", IfLinked);
    }

    public override IEnumerable<Reference> Targets() => base.Targets().Concat(new[] { IfLinked, IfNotFound, IfShared, IfNotShared }.OfType<Reference>());

    public override IEnumerable<(string Text, Loading.SourceLocation At)> Texts() => base.Texts().Append((Label, Spec.TextAt));
}
