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
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "if_yes", "if_no", "if_unknown", "allow_unknown", "yes_words", "no_words", "area_per_person_under", "people_var"];

    public override string Type => "ask_yes_no";

    public Reference? OnYes { get; init; }

    public Reference? OnNo { get; init; }

    public Reference? OnUnknown { get; init; }

    public bool AllowUnknown { get; init; }

    /// <summary>
    /// Phrases that answer this question yes or no when told instead of said («chật lắm cháu ạ» to «is the house too
    /// small?», «cục gạch thôi» to «does anyone use the internet?»), folded. The longer phrase wins where one holds the
    /// other («không có hợp đồng» over «có hợp đồng»); two that do not are no answer.
    /// </summary>
    public IReadOnlyList<string> YesWords { get; init; } = [];

    public IReadOnlyList<string> NoWords { get; init; } = [];

    /// <summary>Yes when the floor area the reply tells, shared by the household, is under this many m² each (the estimate's crowding question).</summary>
    public AreaPerPerson? Area { get; init; }

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
        YesWords = [.. seed.Reader.StringList(seed.Map, "yes_words").Select(VietnameseText.Fold)],
        NoWords = [.. seed.Reader.StringList(seed.Map, "no_words").Select(VietnameseText.Fold)],
        Area = seed.Reader.OptionalDecimal(seed.Map, "area_per_person_under") is { } limit
            ? new AreaPerPerson(limit, seed.Reader.OptionalString(seed.Map, "people_var"))
            : null,
    };

    public override IEnumerable<Reference> Targets() =>
        base.Targets().Concat(new[] { OnYes, OnNo, OnUnknown }.OfType<Reference>());

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn) =>
        AllowUnknown
            ? [new("yes", "Có"), new("no", "Không"), new("unknown", "Không biết")]
            : [new("yes", "Có"), new("no", "Không")];

    /// <summary>Most words of a reply read for this question's own phrases; a longer one tells more than a yes or no.</summary>
    private const int ToldWords = 16;

    private YesNoAnswer? Told(string? text) => ToldWhere(text)?.Answer;

    /// <summary>This question's own phrases in the reply, and whether they were found after a «nhưng» or «mà».</summary>
    private (YesNoAnswer Answer, bool AfterBut)? ToldWhere(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || (YesWords.Count == 0 && NoWords.Count == 0) || VietnameseText.WordCount(text) > ToldWords
            || VietnameseYesNo.EndsAsQuestion(text))
        {
            return null;
        }

        // After «nhưng», «mà» comes what counts: «nước máy về xóm rồi mà nhà chưa lắp» is a no.
        var folded = " " + ShortForms.WrittenOut(VietnameseText.Fold(text)) + " ";
        var contrast = ButWords.Max(w => folded.LastIndexOf(w, StringComparison.Ordinal));
        return contrast > 0 && ToldIn(folded[contrast..]) is { } after ? (after, true)
            : ToldIn(folded) is { } told ? (told, false)
            : null;
    }

    /// <summary>
    /// A yes or no said, weighed against what the reply tells. What follows «nhưng» decides («không có ti vi nhưng loa xã
    /// ngày nào cũng nghe» is a yes to «có nghe tin tức không?»); a yes or no the telling contradicts is asked again
    /// («dạ có thẻ ạ» to «có ai chưa có thẻ không?» says yes and tells no).
    /// </summary>
    private (YesNoAnswer? Answer, bool Contradicted) Weighed(string? text)
    {
        var said = VietnameseYesNo.Parse(text);
        if (said is YesNoAnswer.Yes or YesNoAnswer.No && PullsApart(text))
        {
            return (null, true); // «có cái đài cũ hỏng rồi»: a yes, then a radio (yes) that is broken (no)
        }

        if (said is null or YesNoAnswer.Unknown || ToldWhere(text) is not { } told || told.Answer == said)
        {
            return (said, false);
        }

        return told.AfterBut ? (told.Answer, false) : (null, true);
    }

    /// <summary>Every time the phrase is said, a «không (có)», «chưa (có)» stands right before or after it.</summary>
    private static bool Missing(string padded, string phrase)
    {
        var at = 0;
        var said = false;
        while ((at = padded.IndexOf(" " + phrase + " ", at, StringComparison.Ordinal)) >= 0)
        {
            said = true;
            var before = padded[..at] + " ";
            var after = " " + padded[(at + phrase.Length + 2)..];
            if (!Negations.Any(n => before.EndsWith(" " + n + " ", StringComparison.Ordinal) || after.StartsWith(" " + n + " ", StringComparison.Ordinal)))
            {
                return false;
            }

            at += phrase.Length + 1;
        }

        return said;
    }

    // «nhưng», «mà», and «nhg» as it is typed in a hurry.
    private static readonly string[] ButWords = [" nhung ", " ma ", " nhg "];

    private static readonly string[] Negations = ["khong co", "ko co", "k co", "khong", "ko", "k", "chua co", "chua", "cha co", "chang co"];

    /// <summary>The reply tells both ways, by phrases neither of which holds the other, and no «nhưng» settles it.</summary>
    private bool PullsApart(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || (YesWords.Count == 0 && NoWords.Count == 0) || VietnameseText.WordCount(text) > ToldWords)
        {
            return false;
        }

        var padded = " " + ShortForms.WrittenOut(VietnameseText.Fold(text)) + " ";
        return ToldWhere(text) is null && YesWords.Any(p => padded.Contains(" " + p + " ", StringComparison.Ordinal))
            && NoWords.Any(p => padded.Contains(" " + p + " ", StringComparison.Ordinal));
    }

    private YesNoAnswer? ToldIn(string padded)
    {
        string? Said(IReadOnlyList<string> phrases) => phrases.Where(p => padded.Contains(" " + p + " ", StringComparison.Ordinal)).MaxBy(p => p.Length);
        // «wifi ko có», «nước máy chưa kéo về»: a yes phrase said as missing is a no.
        if (Said(YesWords) is { } toldYes && Said(NoWords) is null && Missing(padded, toldYes))
        {
            return YesNoAnswer.No;
        }

        return (Said(YesWords), Said(NoWords)) switch
        {
            ({ } yes, null) => YesNoAnswer.Yes,
            (null, { } no) => YesNoAnswer.No,
            ({ } yes, { } no) when (" " + yes + " ").Contains(" " + no + " ", StringComparison.Ordinal) => YesNoAnswer.Yes,
            ({ } yes, { } no) when (" " + no + " ").Contains(" " + yes + " ", StringComparison.Ordinal) => YesNoAnswer.No,
            _ => null,
        };
    }

    /// <summary>
    /// «biết rồi», «xem rồi» to «bác có muốn biết / xem … không?»: already done, so no (they were asked again).
    /// </summary>
    private YesNoAnswer? AlreadyDone(TurnContext turn)
    {
        var folded = VietnameseText.Fold(turn.Input.Text);
        var asked = VietnameseText.Fold(turn.Render(Text));
        return (folded.EndsWith("biet roi", StringComparison.Ordinal) && asked.Contains("muon biet", StringComparison.Ordinal))
            || (folded.EndsWith("xem roi", StringComparison.Ordinal) && asked.Contains("muon xem", StringComparison.Ordinal))
            ? VietnameseText.WordCount(folded) <= 5 ? YesNoAnswer.No : null
            : null;
    }

    // Said around the answer to the next question: «có, thêm việc làm», «thêm học nghề nữa», «dạ cho bác bhyt nhé».
    private static readonly HashSet<string> Around = new(StringComparer.Ordinal)
    {
        "co", "da", "vang", "u", "ok", "dc", "duoc", "them", "nua", "cho", "chau", "bac", "toi", "em", "nhan", "muon", "a", "nhe", "nha", "voi", "ca", "tin", "ve", "di",
    };

    /// <summary>
    /// The part of a reply that answers the prompt a yes leads to, when it does: «có, thêm việc làm» at «more topics?»
    /// is the yes and «việc làm» for «which topic?». It was taken as a yes alone (the topic asked for again), or, said
    /// without «có» («thêm học nghề nữa», «bhyt»), answered with an entry and the registration left.
    /// </summary>
    private string? NextAnswer(TurnContext turn)
    {
        // A question is answered as one («bhyt mất thẻ thì làm sao»), not read as the next answer.
        var following = OnYes is null || VietnameseYesNo.EndsAsQuestion(turn.Input.Text) ? null : turn.Services.Dialogs.Find(turn.Frame.DialogId)?.Nodes.GetValueOrDefault(OnYes.Id);
        if (following is AskTextNode { Pattern: not null } asked)
        {
            // «có, mã là HN0356» at «do you know the household code?»: the code is read from the reply as typed.
            return asked.Reads(turn, turn.Input.Text) ? turn.Input.Text : null;
        }

        if (following is not AskChoiceNode next)
        {
            return null;
        }

        var words = VietnameseText.Fold(turn.Input.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rest = string.Join(' ', words.SkipWhile(Around.Contains).Reverse().SkipWhile(Around.Contains).Reverse());
        return rest.Length > 0 && next.Reads(turn, rest) ? rest : null;
    }

    protected override void Accepted(TurnContext turn, Answer answer)
    {
        if (turn.Input.Payload is null && Area?.Read(turn, turn.Input.Text) is { } worked)
        {
            turn.Say(worked.SaidBack);
        }

        if (answer.Value == "yes" && turn.Input.Payload is null && NextAnswer(turn) is { } rest)
        {
            turn.Carried = rest;
        }
    }

    /// <summary>
    /// «thôi» at «bác có muốn …?» is a no thank you: its «Không» button, not the cancel of the whole dialog («hủy»,
    /// «thoát» still cancel). Not where «không biết» is offered (the estimate's questions): there «thôi» is the resident
    /// stopping.
    /// </summary>
    public override string? ButtonFor(TurnContext turn, GlobalCommand command) =>
        command == GlobalCommand.Cancel && !AllowUnknown && VietnameseText.Fold(turn.Input.Text) == "thoi" ? "no" : base.ButtonFor(turn, command);

    protected override Answer? Recognize(TurnContext turn)
    {
        var answer = turn.Input.Payload switch
        {
            "yes" => YesNoAnswer.Yes,
            "no" => YesNoAnswer.No,
            "unknown" when AllowUnknown => YesNoAnswer.Unknown,
            _ when Area?.Read(turn, turn.Input.Text) is { } worked => worked.Answer,
            _ => Weighed(turn.Input.Text) switch
            {
                (_, Contradicted: true) => null,
                ({ } said, _) => said,
                _ => AlreadyDone(turn) ?? Told(turn.Input.Text),
            },
        };
        if (answer is null or YesNoAnswer.Yes && turn.Input.Payload is null && NextAnswer(turn) is not null)
        {
            return new Answer("yes", OnYes);
        }

        return answer switch
        {
            YesNoAnswer.Yes => new Answer("yes", OnYes),
            YesNoAnswer.No => new Answer("no", OnNo),
            YesNoAnswer.Unknown when AllowUnknown => new Answer("unknown", OnUnknown),
            _ => null,
        };
    }
}
