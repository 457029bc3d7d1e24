using System.Globalization;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Registers the resident's interest in a course (a lead officers will see) — only when the variable named by
/// <c>consent</c> holds "yes", so the dialog must have asked first and said what is kept (Decree 13/2023/NĐ-CP).
/// The store keeps the conversation, the course code and the moment of consent, in the turn's transaction;
/// «xóa dữ liệu của tôi» deletes it. Without consent it says <c>declined_text</c> and stores nothing.
/// <code>
/// - id: ghi-quan-tam
///   type: register_interest
///   course: khoa_hoc        # var holding the course code (ask_listing)
///   consent: dong_y         # var holding the resident's yes/no (ask_yes_no)
///   text: "Cháu đã ghi nhận bác quan tâm khóa học này."
///   declined_text: "Dạ, cháu không lưu gì cả."
///   next: xong
/// </code>
/// </summary>
public sealed class RegisterInterestNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "course", "consent", "text", "declined_text"];

    public override string Type => "register_interest";

    public required string CourseVar { get; init; }

    public required string ConsentVar { get; init; }

    public required string Text { get; init; }

    public required string DeclinedText { get; init; }

    public required SourceLocation TextAt { get; init; }

    public static DialogNode Read(NodeSeed seed) => new RegisterInterestNode
    {
        Id = seed.Id,
        Location = seed.Location,
        Next = seed.Next,
        CourseVar = seed.Reader.RequiredString(seed.Map, "course", $"node \"{seed.Id}\""),
        ConsentVar = seed.Reader.RequiredString(seed.Map, "consent", $"node \"{seed.Id}\""),
        Text = seed.Text(),
        DeclinedText = seed.Text("declined_text"),
        TextAt = seed.At("text"),
    };

    public override NodeOutcome Enter(TurnContext turn)
    {
        if (turn.Get(ConsentVar) == "yes" && turn.Get(CourseVar) is { Length: > 0 } course)
        {
            var consentedAt = turn.Services.Time.GetUtcNow().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            turn.Log(EventKinds.ConsentGiven, "course_interest");
            turn.Log(EventKinds.CourseInterestRegistered, course, new Dictionary<string, string>(StringComparer.Ordinal) { ["consented_at"] = consentedAt });
            turn.Say(Text);
        }
        else
        {
            turn.Say(DeclinedText);
        }

        return ToNext();
    }

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => [(Text, TextAt), (DeclinedText, TextAt)];
}
