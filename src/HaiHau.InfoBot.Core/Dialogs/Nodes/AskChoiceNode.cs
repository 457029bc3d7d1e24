using System.Text.RegularExpressions;
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
public sealed class AskChoiceNode : PromptNode
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

    /// <summary>
    /// The choice named after a correction or a «nhưng»: «nghèo… à không, cận nghèo», «trước là hộ nghèo nhưng năm ngoái xã
    /// báo thoát rồi». What comes last is what the resident means now; read whole, such replies named two choices.
    /// </summary>
    private int? Corrected(TurnContext turn)
    {
        if (turn.Input.Payload is not null || string.IsNullOrWhiteSpace(turn.Input.Text) || VietnameseYesNo.EndsAsQuestion(turn.Input.Text))
        {
            return null;
        }

        var lower = turn.Input.Text.ToLowerInvariant();
        var but = Math.Max(lower.LastIndexOf(" nhưng ", StringComparison.Ordinal), lower.LastIndexOf(" nhung ", StringComparison.Ordinal));
        var tail = VietnameseYesNo.AfterCorrection(turn.Input.Text) ?? (but > 0 ? turn.Input.Text[(but + " nhưng ".Length)..] : null);
        tail = tail is null ? null : CorrectionLead.Replace(tail, string.Empty); // «… à không, cận nghèo»: the «không» takes back, it is no answer
        if (tail is null || !tail.Any(char.IsLetter))
        {
            return null;
        }

        var alone = new TurnContext(turn.State, turn.Services, turn.Input with { Text = tail });
        return ChoiceMatcher.Match(Offered(turn), tail, null) ?? SynonymChoice(alone);
    }

    private static readonly Regex CorrectionLead = new(
        @"^\s*(?:không|khong|ko|k|nhầm|nham|phải|phai)\b[\s,.…]*", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// «khóa hàn», «thử tìm may xem», «có chỗ nào tuyển may không» where a button leads to typing search words («Tìm khóa
    /// học theo từ», «Tìm từ khác»): that button, with the reply carried to the words' question, so the search runs at once.
    /// A reply holding a trade only after the search's own small words are set aside, and the words a search cue.
    /// </summary>
    private int? SearchChoice(TurnContext turn)
    {
        var text = turn.Input.Text;
        if (turn.Input.Payload is not null || string.IsNullOrWhiteSpace(text) || VietnameseText.WordCount(text) > SearchReplyWords
            || VietnameseYesNo.Parse(text) is not null || VietnameseYesNo.IsNotSure(text))
        {
            return null;
        }

        var searches = Options.Select((o, i) => (o, SearchKind(turn, o), i)).Where(x => x.Item2 is not null).ToList();
        var terms = Listings.ListingSearch.Terms(text);
        var folded = " " + VietnameseText.Fold(text) + " ";
        if (searches is not [var only] || terms.Count is 0 or > SearchTerms || !SearchCues.Any(c => folded.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        // «tìm …» asks to search whatever it finds; otherwise («khóa hàn», «có chỗ nào tuyển may không», not «học nghề có được
        // cho tiền ăn không») the words must find an open listing, as a trade does.
        // A question must ask for a listing itself («… tuyển may không»), not about learning («học nghề có được cho tiền ăn k»).
        var asks = VietnameseYesNo.EndsAsQuestion(text);
        if (asks && !folded.Contains(" tuyen ", StringComparison.Ordinal) && !folded.Contains(" tim ", StringComparison.Ordinal))
        {
            return null;
        }

        var today = Screening.PovertyRuleSets.LocalDay(turn.Services.Time.GetUtcNow());
        return (folded.Contains(" tim ", StringComparison.Ordinal) && !asks)
            || Listings.ListingSearch.Find(turn.Services.ListingSource.All(only.Item2!.Value), today, text, take: 1).Count > 0
            ? only.i
            : null;
    }

    private const decimal CarriedAmount = 1000;

    private const int SearchReplyWords = 8;
    private const int SearchTerms = 2;

    // «tìm», «khóa», «lớp», «nghề», «việc», «tuyển»: the reply asks for a listing, not only names a word.
    private static readonly string[] SearchCues = [" tim ", " khoa ", " lop ", " nghe ", " viec ", " tuyen "];

    /// <summary>What the choice's next steps search, when they ask for words that a listing search then reads (ask_text, then ask_listing).</summary>
    private static Listings.ListingKind? SearchKind(TurnContext turn, Choice choice) =>
        choice.Next is { } next && turn.Services.Dialogs.Find(turn.Frame.DialogId) is { } dialog
        && dialog.Nodes.GetValueOrDefault(next.Id) is AskTextNode { Next: { } then } && dialog.Nodes.GetValueOrDefault(then.Id) is AskListingNode listing
            ? listing.Kind
            : null;

    protected override void Accepted(TurnContext turn, Answer answer)
    {
        if (turn.Input.Payload is null && SearchChoice(turn) is { } i && Options[i].Next == answer.Next)
        {
            turn.Carried = turn.Input.Text;
        }
        else if (turn.Input.Payload is null && answer.Next is { } next && turn.Services.Dialogs.Find(turn.Frame.DialogId)?.Nodes.GetValueOrDefault(next.Id) is AskNumberNode { Integer: false }
            && VietnameseNumber.Parse(turn.Input.Text) is >= CarriedAmount)
        {
            // «cả nhà tầm 6tr» at «for the household or per person?»: the choice, and the amount for the question it leads to.
            // Only an amount of money («tổ dân phố số 4» is an address, not the household's size).
            turn.Carried = turn.Input.Text;
        }
    }

    /// <summary>A no of a word or three («ứ», «k đâu») where a «Không, …» button is offered, before synonyms: folded, «ứ» is «ừ».</summary>
    private int? ShortNo(TurnContext turn) =>
        VietnameseText.WordCount(turn.Input.Text) <= 3 && VietnameseYesNo.Parse(turn.Input.Text) == YesNoAnswer.No ? YesNoChoice(turn) : null;

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
