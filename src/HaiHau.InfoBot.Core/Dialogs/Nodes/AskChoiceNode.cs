using HaiHau.InfoBot.Core.Content;
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
///     - { id: lam-an, label: "Vay làm ăn", synonyms: [chăn nuôi, buôn bán], next: xem-lam-an }
///   retry_text: "Bác bấm một nút bên dưới giúp cháu nhé."
///   max_attempts: 3
/// </code>
/// The stored value is the choice's <c>value</c>, else its id. Ids are short ASCII (buttons send them back).
/// <c>synonyms</c> (Bot Framework's <c>Choice.Synonyms</c>): other words a resident answers the question with, when they
/// are not the label's. «Bác muốn vay vốn để làm gì?» is answered «chăn nuôi», «nuôi bò»: it was asked again three
/// times, since no label says what the money is for.
/// </summary>
public sealed partial class AskChoiceNode : PromptNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "choices", "several"];

    public override string Type => "ask_choice";

    public required IReadOnlyList<Choice> Options { get; init; }

    /// <summary>
    /// <c>several: true</c>: the resident may name more than one choice in one message («bhyt với vay vốn»); the value is
    /// their values joined by spaces, and the first one's <c>next</c> is taken. A part may also be named the way a
    /// question would be («bhyt»): a choice whose id is the topic the understanding reads in it counts.
    /// </summary>
    public bool Several { get; init; }

    protected override string DefaultRetryText => "Bác bấm một nút bên dưới, hoặc gõ số thứ tự của mục bác chọn giúp cháu nhé.";

    /// <remarks>A choice's own <c>synonyms</c> are written for this question, so they count as exactly as its label:
    /// «ko», «hết rồi» at «Bác còn muốn hỏi gì nữa không?» were read as questions (the menu, an entry on lapsed cards).
    /// A no where a «Không, …» button is offered, and «cảm ơn», «hết rồi» where a button ends the dialog, count too: «hết rồi
    /// cháu, cảm ơn nhé» at that question was read as thanks and shown the menu.</remarks>
    public override bool UnderstandsExactly(TurnContext turn) =>
        ChoiceMatcher.Match(Offered(turn), turn.Input.Text, turn.Input.Payload, byWords: false) is not null || SynonymChoice(turn) is not null
        || ((YesNoChoice(turn) is not null || FinishChoice(turn) is not null) && !AsksToAct(turn));

    /// <summary>
    /// «thôi đừng gửi thông báo cho tôi nữa» starts like a no thank you but asks to stop the announcements (or erase, or
    /// reach an officer): the understanding's action, not the button.
    /// </summary>
    private static bool AsksToAct(TurnContext turn) =>
        turn.Services.Understanding?.Understand(turn.Input.Text ?? string.Empty) is { Decision: Understanding.QuestionDecision.Answer, Best.Topic: Topics.OptOut or Topics.EraseData or Topics.Handoff };

    public static DialogNode Read(NodeSeed seed)
    {
        var options = new List<Choice>();
        var maps = seed.Reader.MapList(seed.Map, "choices", required: true);
        foreach (var map in maps)
        {
            seed.Reader.OnlyKnownFields(map, "a choice", "id", "label", "value", "next", "synonyms");
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

            options.Add(new Choice(id, label, seed.Reader.OptionalString(map, "value") ?? id, seed.Ref("next", map), map.Get("label")?.Location ?? map.Location)
            {
                Synonyms = [.. seed.Reader.StringList(map, "synonyms").Select(VietnameseText.Fold)],
            });
        }

        if (maps.Count == 0 && seed.Map.Get("choices") is not null)
        {
            seed.Reader.Report(seed.At("choices"), $"node \"{seed.Id}\" has no choices");
        }

        return new AskChoiceNode
        {
            Id = seed.Id, Location = seed.Location, Next = seed.Next, Spec = PromptSpec.Read(seed), Options = options,
            Several = seed.Reader.OptionalBool(seed.Map, "several") ?? false,
        };
    }

    public override IEnumerable<Reference> Targets() =>
        base.Targets().Concat(Options.Where(o => o.Next is not null).Select(o => o.Next!));

    public override IEnumerable<(string Text, SourceLocation At)> Texts() =>
        base.Texts().Concat(Options.Select(o => (o.Label, o.LabelAt)));

    protected override IReadOnlyList<QuickReply> Choices(TurnContext turn) =>
        Options.Select(o => new QuickReply(o.Id, turn.Render(o.Label))).ToList();

    protected override Answer? Recognize(TurnContext turn)
    {
        if (Several && turn.Input.Payload is null && ChoiceMatcher.Match(Offered(turn), turn.Input.Text, null, byWords: false) is null
            && SeveralNamed(turn) is { Count: > 0 } named)
        {
            return new Answer(string.Join(' ', named.Select(i => Options[i].Value)), Options[named[0]].Next);
        }

        // Not knowing said outright comes before a loose match of words: «hộ nghèo hay cận nghèo ấy tôi k nhớ» names two
        // labels and means neither (it was «Hộ nghèo»).
        var index = ChoiceMatcher.Match(Offered(turn), turn.Input.Text, turn.Input.Payload, byWords: false) ?? Corrected(turn) ?? NotSureChoice(turn)
            ?? ShortNo(turn) ?? Loosely(turn) ?? SynonymChoice(turn) ?? FinishChoice(turn) ?? YesNoChoice(turn) ?? SearchChoice(turn);
        return index is { } i ? new Answer(Options[i].Value, Options[i].Next) : null;
    }

    /// <summary>Every choice named in «bhyt với vay vốn», «học nghề, việc làm», in the order named; each part by its words or its topic.</summary>
    private List<int> SeveralNamed(TurnContext turn)
    {
        var offered = Offered(turn);
        var understanding = turn.Services.Understanding;
        var named = new List<int>();
        foreach (var part in ChoiceParts(turn.Input.Text))
        {
            if (VietnameseYesNo.Parse(part) is not null)
            {
                continue; // «Dạ, tôi xin nhận tất cả các tin ạ»: the «dạ» names no topic (read alone it was health insurance)
            }

            var index = ChoiceMatcher.Match(offered, part, null);
            if (index is null && understanding?.Understand(part) is { Decision: Understanding.QuestionDecision.Answer } read)
            {
                var byTopic = Options.ToList().FindIndex(o => o.Id == read.Best.Topic);
                index = byTopic >= 0 ? byTopic : null;
            }

            if (index is { } i && !named.Contains(i))
            {
                named.Add(i);
            }
        }

        return named;
    }

    // «bhyt với vay vốn», «bhyt, vay vốn và học nghề», «bhyt + việc làm»: the words that join names, folded.
    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "va", "voi", "vs", "ca", "+", "&", "cung" };

    // Marks that separate names before folding, which turns them into spaces: «VAY VON, BAO HIEM» named only loans.
    private static readonly char[] Separators = [',', ';', '+', '&', '/', '\n'];

    private static IEnumerable<string> ChoiceParts(string text)
    {
        foreach (var piece in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = new List<string>();
            foreach (var word in VietnameseText.Fold(piece).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Joiners.Contains(word))
                {
                    if (part.Count > 0)
                    {
                        yield return string.Join(' ', part);
                    }

                    part.Clear();
                    continue;
                }

                part.Add(word);
            }

            if (part.Count > 0)
            {
                yield return string.Join(' ', part);
            }
        }
    }

    /// <summary>
    /// «ko biết», «hổng biết», «chưa rõ», or not knowing told at length and asking nothing back («k biết tính thế nào cháu
    /// chỉ giúp»), typed where a choice offers «Chưa rõ / …»: that choice (issue 12 §5), not a question that would take
    /// the resident out of the dialog.
    /// </summary>
    private int? NotSureChoice(TurnContext turn)
    {
        if (turn.Input.Payload is not null || !VietnameseYesNo.IsNotSureAtLength(turn.Input.Text))
        {
            return null;
        }

        var at = Options.ToList().FindIndex(o => VietnameseText.Fold(turn.Render(o.Label)) is var label
            && (label.StartsWith("chua ro", StringComparison.Ordinal) || label.StartsWith("khong biet", StringComparison.Ordinal) || label.StartsWith("khong ro", StringComparison.Ordinal)));
        return at >= 0 ? at : null;
    }

    /// <summary>
    /// A question asked as a yes or no, whose «no» is a button of its own («Không, ở nơi khác»): «không, nhà tôi ở xóm 9
    /// Hải Đông» is that button, and, when there are only two, a yes is the other («dạ có, ở ngay thị trấn»).
    /// </summary>
    private int? YesNoChoice(TurnContext turn)
    {
        if (turn.Input.Payload is not null || string.IsNullOrWhiteSpace(turn.Input.Text) || VietnameseYesNo.EndsAsQuestion(turn.Input.Text))
        {
            return null;
        }

        // «Không, cảm ơn», «Không, ở nơi khác»: the no of a yes-or-no question, not «Không muốn nói» among categories (a
        // corrected «nghèo… à không, cận nghèo» was taken as it).
        var no = Options.Select((o, i) => (o, i)).Where(x => turn.Render(x.o.Label).StartsWith("Không,", StringComparison.Ordinal)).ToList();
        if (no is not [var only])
        {
            return null;
        }

        return VietnameseYesNo.Parse(turn.Input.Text) switch
        {
            YesNoAnswer.No => only.i,
            YesNoAnswer.Yes when Options.Count == 2 => 1 - only.i,
            _ => null,
        };
    }

    private static readonly string[] FinishingWords = [" cam on ", " xong ", " thoi ", " het roi ", " du roi "];

    /// <summary>
    /// «thôi vậy», «ok xong r», «uk cảm ơn nha» where a button ends the dialog («Xong rồi», «Không, cảm ơn»): that button.
    /// They were asked again, or «cảm ơn cháu nhiều» greeted with the menu.
    /// </summary>
    private int? FinishChoice(TurnContext turn)
    {
        var text = turn.Input.Text;
        if (turn.Input.Payload is not null || string.IsNullOrWhiteSpace(text) || text.Contains('?', StringComparison.Ordinal)
            || VietnameseText.WordCount(text) > SynonymSentenceWords || VietnameseYesNo.EndsAsQuestion(text))
        {
            return null; // «Cảm ơn cháu, thế là đủ rồi ạ» is eight words
        }

        var folded = " " + VietnameseText.Fold(text) + " ";
        var finishing = !folded.Contains(" chua xong ", StringComparison.Ordinal) && VietnameseYesNo.Parse(text) == YesNoAnswer.No
            || (!folded.Contains(" chua xong ", StringComparison.Ordinal) && FinishingWords.Any(w => folded.Contains(w, StringComparison.Ordinal)));
        var at = Options.ToList().FindIndex(o => Finishes(turn.Render(o.Label)));
        return finishing && at >= 0 ? at : null;
    }

    /// <summary>A reply of this many words or fewer may name a choice by a synonym; a longer one is a question of its own.</summary>
    private const int SynonymReplyWords = 5;

    /// <summary>
    /// Up to this many words, a reply that does not end as a question may name a choice by a synonym too: «tính theo đầu
    /// người cho dễ», «nhà làm ruộng thôi, k nghèo» are answers told in a sentence (they were asked again). Not at the main
    /// menu, where a sentence is a question: «có, hỏi thêm về vay vốn» is best answered about loans.
    /// </summary>
    private const int SynonymSentenceWords = 8;

    /// <summary>
    /// The one choice whose synonym the short reply holds, as whole words, typed with or without diacritics («chăn nuôi»,
    /// «nuoi bo»); null when none or several do. A question («nuôi bò có cần thế chấp không») is left to be answered.
    /// </summary>
    private int? SynonymChoice(TurnContext turn) => SynonymMatch(turn)?.Index;

    /// <summary>
    /// A label's words in the reply, unless a synonym of another choice says more around them: «ra khỏi hộ nghèo» holds
    /// «hộ nghèo» but is «Hộ mới thoát nghèo» (it was taken as «Hộ nghèo»).
    /// </summary>
    private int? Loosely(TurnContext turn)
    {
        var loose = ChoiceMatcher.Match(Offered(turn), turn.Input.Text, turn.Input.Payload);
        return loose is { } at && SynonymMatch(turn) is { } synonym && synonym.Index != at
            && (" " + synonym.Said + " ").Contains(" " + VietnameseText.Fold(turn.Render(Options[at].Label)) + " ", StringComparison.Ordinal)
            ? synonym.Index
            : loose;
    }

    private (int Index, string Said)? SynonymMatch(TurnContext turn)
    {
        var text = turn.Input.Text;
        if (turn.Input.Payload is null && !string.IsNullOrWhiteSpace(text) && turn.Frame.DialogId != DialogCatalog.MainDialogId
            && VietnameseText.WordCount(text) <= SynonymLetterWords && (text.Contains('?', StringComparison.Ordinal) || VietnameseText.WordCount(text) > SynonymSentenceWords
                || (VietnameseText.WordCount(text) > SynonymReplyWords && VietnameseYesNo.EndsAsQuestion(text)))
            && turn.Services.Understanding?.Understand(text) is { } read && (read.Decision != Understanding.QuestionDecision.Answer || read.Best.Answer.Kind == Understanding.AnswerRef.Topic))
        {
            // A question, or a sentence told at length, that no entry answers: a phrase of one choice in it is what it asks
            // for («sắp tới có lớp nào mở không cháu» is «Các khóa học sắp mở»; «bác muốn đổi lại cái xã, nhà bác chuyển
            // sang bên Hải Chính rồi» is «Sửa đăng ký»). One an entry answers is left to be answered; one read only as the
            // dialog's own topic is not (the topic is where the resident already is).
            return Named(turn, text, sentence: true);
        }

        if (turn.Input.Payload is not null || string.IsNullOrWhiteSpace(text) || text.Contains('?', StringComparison.Ordinal)
            || VietnameseText.WordCount(text) > SynonymSentenceWords
            || (VietnameseText.WordCount(text) > SynonymReplyWords && (VietnameseYesNo.EndsAsQuestion(text) || turn.Frame.DialogId == DialogCatalog.MainDialogId)))
        {
            return null;
        }

        return Named(turn, text, VietnameseText.WordCount(text) > SynonymReplyWords);
    }

    /// <summary>Up to this many words, a question or a long sentence no entry answers may name a choice by a synonym phrase.</summary>
    private const int SynonymLetterWords = 16;

    private (int Index, string Said)? Named(TurnContext turn, string text, bool sentence)
    {

        // In a sentence only a phrase names a choice: a word alone («thôi», «không») says too little there («thôi đừng gửi
        // thông báo cho tôi nữa» asks to stop the announcements, not «Không, cảm ơn»). Short forms are written out («lm muối»).
        var folded = " " + ShortForms.WrittenOut(VietnameseText.Fold(text)) + " ";
        var named = Options.Select((o, i) => (i, Said: o.Synonyms.Where(w => (!sentence || w.Contains(' ', StringComparison.Ordinal)) && folded.Contains(" " + w + " ", StringComparison.Ordinal)).MaxBy(w => w.Length)))
            .Where(x => x.Said is not null).ToList();
        if (folded.Contains(" hay ", StringComparison.Ordinal) && Options.Count(o => Named(folded, turn.Render(o.Label)) || o.Synonyms.Any(w => folded.Contains(" " + w + " ", StringComparison.Ordinal))) > 1)
        {
            return null; // «nghèo hay cận nghèo gì đó»: one or the other, the resident does not say which
        }
        if (named is [var only])
        {
            return (only.i, only.Said!);
        }

        if (named.Count == 0)
        {
            return null;
        }

        // Two choices named, one by a phrase holding the other's word: «không còn gì» is «Không, cảm ơn» though «còn»
        // alone is «Hỏi chủ đề khác», «không có gì» though «có».
        var longest = named.MaxBy(x => x.Said!.Length);
        return named.All(x => x.i == longest.i || (" " + longest.Said + " ").Contains(" " + x.Said + " ", StringComparison.Ordinal))
            ? (longest.i, longest.Said!)
            : null;
    }

    /// <summary>The label's words, without a leading «Hộ», said in the reply («nghèo» of «Hộ nghèo»).</summary>
    private static bool Named(string padded, string label)
    {
        var words = VietnameseText.Fold(label);
        words = words.StartsWith("ho ", StringComparison.Ordinal) ? words[3..] : words;
        return padded.Contains(" " + words + " ", StringComparison.Ordinal);
    }

    private List<(string Id, string Label)> Offered(TurnContext turn) => Options.Select(o => (o.Id, turn.Render(o.Label))).ToList();

    private static string Slug(string label)
    {
        var slug = VietnameseText.Fold(label).Replace(' ', '-');
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    public sealed record Choice(string Id, string Label, string Value, Reference? Next, SourceLocation LabelAt)
    {
        /// <summary>Other words for this choice, folded (no diacritics).</summary>
        public IReadOnlyList<string> Synonyms { get; init; } = [];
    }
}
