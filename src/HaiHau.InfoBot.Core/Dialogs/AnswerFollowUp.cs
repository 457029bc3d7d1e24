using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>What a follow-up asks of the answer just given: how much, where, which papers, when; or nothing named.</summary>
internal enum FollowUpAsk
{
    None,
    Amount,
    Place,
    Papers,
    Time,
}

/// <summary>
/// A short message right after an answer that asks more of it without naming it again («thế mỗi tháng được bao nhiêu
/// tiền», «làm hồ sơ ở đâu», «còn bố tôi 72 tuổi thì sao»). Read alone, such a message got whatever entry its few words
/// matched best: after the elderly allowance, «thế mỗi tháng được bao nhiêu tiền» got the BHYT entry on long
/// illnesses and «làm hồ sơ ở đâu» the poverty application. It leans on the previous answer when every word it has of
/// its own (not a question word, a filler, a person or a number) is in that answer's question or keywords: then it
/// names nothing new. The two sets of tests/…/FollowUps measure it.
/// </summary>
internal static partial class AnswerFollowUp
{
    /// <summary>
    /// Longer than this, a message tells its own matter. Voice-typed follow-ups run long with address words («cháu ơi
    /// thế thì bác phải mang những giấy tờ gì đến ủy ban hả cháu»: 15), which are not words of their own.
    /// </summary>
    public const int MaxWords = 20;

    /// <summary>
    /// Folded words that ask about an answer, or are said around the ask, and name no matter: question words, amounts,
    /// places and papers asked for, time, address words and particles, the people a family talks about (who is asked
    /// about changes, not what). «vay» is not here: folded, the loan and «vậy» are one word (see <see cref="OwnWords"/>).
    /// </summary>
    private static readonly HashSet<string> AskWords = new(StringComparer.Ordinal)
    {
        // question words, yes/no
        "bao", "nhieu", "may", "gi", "j", "nao", "sao", "the", "ra", "nhu", "ai", "dau", "khong", "ko", "k", "kg", "hong",
        "co", "chua", "duoc", "dc", "phai", "can", "nua", "them", "cach", "biet", "hoi", "xin", "cho", "muon", "nhe", "nha",
        // amounts, time
        "tien", "muc", "dong", "trieu", "nghin", "ngan", "tram", "chuc", "phan", "moi", "mot", "hai", "ba", "thang", "nam", "ngay", "tuan",
        "lau", "khi", "luc", "gio", "truoc", "sau", "thoi", "gian", "het", "bay", "nay", "ky",
        // places, papers, doing
        "o", "den", "nop", "lam", "giay", "to", "so", "thu", "tuc", "tro", "suat", "dieu", "kien", "nhan", "tra", "mat", "phi", "mien",
        "online", "qua", "mang", "nho", "ho", "di", "dang", "len", "ve", "tai", "dung", "gui",
        // particles and address words
        "a", "ah", "ak", "ha", "nhi", "oi", "v", "z", "vz", "voi", "thi", "con", "ma", "la", "roi", "chu", "u", "uh", "ok", "vang", "da",
        "cung", "van", "hay", "hoac", "neu", "vi", "de", "tiep", "lai", "luon", "ay", "day", "kia", "nhung", "cac", "va",
        // the bot addressed, and the help asked of it («vậy là bot không giúp được à, thế hỏi ai» after a referral)
        "bot", "ad", "giup",
        // whose («con của họ có được hưởng không» after what Agent Orange victims get)
        "cua",
        // people
        "toi", "minh", "em", "anh", "chi", "chau", "cu", "bac", "ong", "bo", "me", "vo", "chong", "noi", "ngoai", "nguoi",
        "dinh", "cau", "dua", "be", "hang", "xom",
        // how and through whom it is done («phải viết đơn gửi ai», «bước nào», «trong mấy năm», «chừng nào mới có»,
        // «lên xã làm hay trưởng thôn làm», «làm trên điện thoại được không»); «cái» is only the classifier
        "trong", "chung", "viet", "buoc", "tren", "thon", "cai",
    };

    /// <summary>
    /// Folded word pairs that ask or point back, not a matter, though each word alone may be one: the state that pays
    /// («nhà nước cho bao nhiêu»: «nước» is water), the benefit referred to («chế độ ấy», «không có chế độ gì»), the way
    /// it is done («trên điện thoại», «bắt buộc», «trực tiếp»), who does it («trưởng thôn»), by when («thời hạn»).
    /// </summary>
    private static readonly (string First, string Second)[] AskPairs =
        [("nha", "nuoc"), ("che", "do"), ("dien", "thoai"), ("bat", "buoc"), ("truc", "tiep"), ("truong", "thon"), ("thoi", "han")];

    /// <summary>Whether the token at <paramref name="i"/> is one of an <see cref="AskPairs"/> pair.</summary>
    private static bool InAskPair(IReadOnlyList<string> tokens, int i) =>
        AskPairs.Any(p => (tokens[i] == p.First && i + 1 < tokens.Count && tokens[i + 1] == p.Second) || (tokens[i] == p.Second && i > 0 && tokens[i - 1] == p.First));

    /// <summary>
    /// «xã» and «đơn» say where and on what paper («lên xã làm đơn»), but not in «xã hội» (social) or «đơn thân» (single).
    /// </summary>
    private static bool PlaceOrPaper(IReadOnlyList<string> tokens, int i) =>
        (tokens[i] == "xa" && !(i + 1 < tokens.Count && tokens[i + 1] == "hoi")) || (tokens[i] == "don" && !(i + 1 < tokens.Count && tokens[i + 1] == "than"));

    /// <summary>The words of a message that are its own: not <see cref="AskWords"/> and not a number (a case's age or size).</summary>
    /// <param name="howItIsDone">Whether the words saying how and where it is done («lên xã», «làm đơn») are asked of an
    /// answer: after a referral there is no answer to ask them of, and «thế nộp đơn ở đâu» asks for the poverty
    /// application, which they name.</param>
    public static IReadOnlyList<string> OwnWords(IReadOnlyList<string> tokens, string text, bool howItIsDone = true)
    {
        // «vậy thì sao» typed with marks is «vậy»; folded «vay» may be the loan, so it is a word of its own.
        // «cận nghèo» folds to «can ngheo», «cần» (need) to «can» too: before «nghèo» it is the category, a word of its own.
        // «nó» (him, her) folds to «no», which is also «nợ» (a debt): a pronoun when typed «nó», or typed plain after a
        // person («đứa anh no») but not after «con», which is as often «còn» («con no thi sao» may be «còn nợ thì sao»).
        // So «còn đứa anh nó học lớp 10 thì sao» names nothing new.
        var saysSo = text.Contains("vậy", StringComparison.OrdinalIgnoreCase);
        var saysHim = text.Contains("nó", StringComparison.OrdinalIgnoreCase);
        var saysDebt = text.Contains("nợ", StringComparison.OrdinalIgnoreCase);
        var pointedAt = PointedAt(text);
        return tokens.Where((t, i) => (!AskWords.Contains(t) || (t == "can" && i + 1 < tokens.Count && tokens[i + 1] == "ngheo"))
            && !pointedAt.Contains(t)
            && !InAskPair(tokens, i) && !(howItIsDone && PlaceOrPaper(tokens, i))
            && t != QuestionNormalizer.NumberToken && !(saysSo && t == "vay")
            && !(t == "no" && !saysDebt && (saysHim || (i > 0 && tokens[i - 1] != "con" && People.Contains(tokens[i - 1]))))).ToList();
    }

    /// <summary>The people a family asks about for someone else («còn bố tôi thì sao», «bà nội tôi 72 tuổi»).</summary>
    private static readonly HashSet<string> People = new(StringComparer.Ordinal)
    {
        "bo", "me", "ong", "ba", "con", "chau", "vo", "chong", "anh", "chi", "em", "cu", "noi", "ngoai", "dua", "be", "nguoi", "xom",
    };

    /// <summary>Whether the message names someone (a relative, a person) or a number (an age, a size): a case, not a repeat.</summary>
    public static bool NamesSomeone(IReadOnlyList<string> tokens) =>
        tokens.Any(t => t == QuestionNormalizer.NumberToken || People.Contains(t));

    /// <summary>Whether a message opens with a person («em trai em bị tật ở chân…», «con gái tôi 17 tuổi…»).</summary>
    public static bool OpensWithSomeone(string text) =>
        VietnameseText.Fold(text).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && People.Contains(first);

    /// <summary>
    /// The household categories as folded phrases, the longest first (so «hộ cận nghèo» is not read as «hộ nghèo»). A
    /// household leaving the near-poor list («thoát cận nghèo») is a newly escaped one, as the content has it, not a
    /// near-poor one.
    /// </summary>
    private static readonly (string Named, string Phrase)[] Categories =
    [
        (" thoat can ngheo ", "ho moi thoat ngheo"),
        (" ho moi thoat ngheo ", "ho moi thoat ngheo"), (" moi thoat ngheo ", "ho moi thoat ngheo"), (" thoat ngheo ", "ho moi thoat ngheo"),
        (" ho can ngheo ", "ho can ngheo"), (" can ngheo ", "ho can ngheo"), (" ho ngheo ", "ho ngheo"),
    ];

    /// <summary>The words of the category phrases: a follow-up made only of them and the answer's question's words names only a category.</summary>
    private static readonly HashSet<string> CategoryWords = new(StringComparer.Ordinal) { "ho", "can", "ngheo", "moi", "thoat" };

    /// <summary>
    /// The answer's question asked for the household category a follow-up names instead («thế hộ cận nghèo thì sao»
    /// after «Hộ nghèo được hưởng những gì?» reads «ho can ngheo duoc huong nhung gi»); the category is added when the
    /// question names none. Null when the follow-up names no category, names the question's own, or says more than a
    /// category and the question's words.
    /// </summary>
    public static string? ForCategory(string question, IReadOnlyList<string> own, string text)
    {
        if (NamedCategory(text) is not { } named)
        {
            return null;
        }

        var asked = " " + VietnameseText.Fold(question) + " ";
        var askedWords = asked.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (!own.All(w => CategoryWords.Contains(w) || askedWords.Contains(w)))
        {
            return null;
        }

        var current = Categories.FirstOrDefault(c => asked.Contains(c.Named, StringComparison.Ordinal));
        return current.Phrase == named ? null
            : current.Named is null ? $"{asked.Trim()} {named}"
            : asked.Replace(current.Named, " " + named + " ", StringComparison.Ordinal).Trim();
    }

    /// <summary>
    /// The household category the answer's question names, for a follow-up that names none: the household is still the
    /// one the conversation is about («thẻ bhyt có được miễn 100% không» after what a near-poor household gets asks it for
    /// the near-poor card). Null when the question names no category or the follow-up names one.
    /// </summary>
    /// <remarks>
    /// Given with its marks: put before a message typed with them, a plain «ho can ngheo» reads as typed plain on purpose
    /// (<see cref="QuestionNormalizer"/>), «can» as «cần», and found the newly-escaped household's card.
    /// </remarks>
    public static string? CarriedCategory(string question, string text) =>
        NamedCategory(text) is null && NamedCategory(question) is { } named ? Marked[named] : null;

    /// <summary>Whether an entry's question names this category (as <see cref="CarriedCategory"/> gives it).</summary>
    public static bool NamesCategory(string question, string category) => NamedCategory(question) == NamedCategory(category);

    private static readonly Dictionary<string, string> Marked = new(StringComparer.Ordinal)
    {
        ["ho moi thoat ngheo"] = "hộ mới thoát nghèo", ["ho can ngheo"] = "hộ cận nghèo", ["ho ngheo"] = "hộ nghèo",
    };

    private static string? NamedCategory(string text) =>
        (" " + VietnameseText.Fold(text) + " ") is var folded ? Categories.FirstOrDefault(c => folded.Contains(c.Named, StringComparison.Ordinal)).Phrase : null;

    /// <summary>Whether a message asks why («sao lại thế», «tại sao», «vì sao»), and nothing asked of an answer.</summary>
    public static bool AsksWhy(string text) =>
        AskOf(text) == FollowUpAsk.None && (" " + VietnameseText.Fold(text) + " ") is var folded && WhyWords.Any(w => folded.Contains(w, StringComparison.Ordinal));

    private static readonly string[] WhyWords = [" sao lai ", " tai sao ", " vi sao ", " sao the ", " sao vay ", " sao z "];

    /// <summary>«điều kiện là gì», «ai được», «những ai»: what the whole answer says, so it is given again.</summary>
    public static bool AsksConditions(string text) =>
        (" " + VietnameseText.Fold(text) + " ") is var folded && ConditionWords.Any(w => folded.Contains(w, StringComparison.Ordinal));

    private static readonly string[] ConditionWords = [" dieu kien ", " ai duoc ", " nhung ai ", " tieu chuan ", " doi tuong "];

    /// <summary>Whether a message with these own words asks more of the answer whose question and keywords are <paramref name="answerText"/>.</summary>
    /// <param name="own">The message's own words (<see cref="OwnWords"/>), read once by the caller.</param>
    public static bool LeansOn(IReadOnlyList<string> own, string text, string answerText)
    {
        if (VietnameseText.WordCount(text) > MaxWords)
        {
            return false;
        }

        var answerWords = VietnameseText.Fold(answerText).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return own.All(answerWords.Contains);
    }

    /// <summary>
    /// What the follow-up asks for, read from its folded words. Where before papers and money: «nộp hồ sơ ở đâu» asks
    /// the place, «bao lâu thì có tiền» the time.
    /// </summary>
    public static FollowUpAsk AskOf(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        foreach (var (ask, cues) in Asks)
        {
            if (cues.Any(c => folded.Contains(c, StringComparison.Ordinal)))
            {
                return ask;
            }
        }

        return FollowUpAsk.None;
    }

    private static readonly (FollowUpAsk Ask, string[] Cues)[] Asks =
    [
        (FollowUpAsk.Place, [" o dau ", " cho nao ", " hoi ai ", " bao ai ", " voi ai ", " gap ai ", " tim ai ", " lien he ", " nop dau ", " den dau ", " di dau ", " lam dau ", " dau a ", " dau ha ", " dau vay ", " noi nao ", " gui ai ", " nho ai ", " ra xa ", " len xa ", " truong thon "]),
        (FollowUpAsk.Time, [" bao lau ", " khi nao ", " luc nao ", " bao gio ", " may ngay ", " may thang ", " may nam ", " may tuan ", " bao nhieu nam ", " thang may ", " ngay nao ", " han chot ", " thoi han ", " chung nao ", " den khi ", " may tuoi "]),
        (FollowUpAsk.Papers, [" giay to ", " ho so ", " thu tuc ", " to khai ", " mang gi ", " mang theo ", " can gi ", " can nhung gi ", " buoc nao ", " nhung buoc ", " cac buoc ", " viet don ", " lam don "]),
        (FollowUpAsk.Amount, [" bao nhieu ", " may tram ", " may trieu ", " bn ", " muc ", " lai suat ", " lai bao ", " bao tien ", " mat tien ", " mat phi ", " mien phi ", " phan tram ", " may chuc ", " tien ", " may dong ", " bao nhieu dong "]),
    ];

    /// <summary>
    /// Whether a sentence of the answer (folded, padded) says what <paramref name="ask"/> asks for: an amount of money, a
    /// rate, «miễn phí», or an amount it says it does not know; a place to go; papers; a length of time or a date.
    /// </summary>
    private static bool Says(string folded, FollowUpAsk ask) => ask switch
    {
        FollowUpAsk.Amount => AmountPattern().IsMatch(folded) || ContainsAny(folded, " lai suat ", " mien phi ", " mien ", " 100 ", " phan tram ", " khong phai dong ", " khong mat ", " mat phi ", " nha nuoc dong ", " nha nuoc tra ", " ngan sach ")
            || (ContainsAny(folded, " muc ", " tien ") && ContainsAny(folded, " chua xac nhan ", " chua co ", " tuy ")),
        FollowUpAsk.Place => ContainsAny(folded, " ubnd ", " uy ban ", " ngan hang ", " co quan bao hiem ", " bhxh ", " tram y te ", " benh vien ", " trung tam ",
            " buu dien ", " cong an ", " phong van hoa ", " co so kham ", " to truong ", " truong thon ", " nha truong ", " dien luc "),
        FollowUpAsk.Papers => ContainsAny(folded, " giay ", " ho so ", " to khai ", " can cuoc ", " don ", " mau ", " ban sao ", " so ho "),
        // Not a bare «hạn»: «thẻ hết hạn», «gia hạn», «quá hạn» say no length of time («mất bao lâu thì có thẻ mới» after
        // the lapsed card was given «Thẻ hết hạn thì đi khám chưa được quỹ trả»).
        FollowUpAsk.Time => TimePattern().IsMatch(folded) || ContainsAny(folded, " trong vong ", " thoi han ", " han chot ", " hang thang ", " hang nam ", " cuoi nam ", " dau nam ", " ngay lam viec "),
        _ => false,
    };

    private static bool ContainsAny(string folded, params string[] cues) => cues.Any(c => folded.Contains(c, StringComparison.Ordinal));

    [GeneratedRegex(@"\d[\d.,]* (dong|trieu|nghin|ngan)\b", RegexOptions.CultureInvariant, PatternLimits.MatchTimeMs)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"\d+ (ngay|thang|nam|tuan)\b", RegexOptions.CultureInvariant, PatternLimits.MatchTimeMs)]
    private static partial Regex TimePattern();

    /// <summary>
    /// The sentences of an answer (its facts filled in) that say what <paramref name="ask"/> asks for, and the sentence
    /// naming where to go when they do not, in the answer's order; the whole answer when every sentence would be kept;
    /// null when no sentence says it: the answer does not know, and the resident is told so and where to ask instead of
    /// the same answer again. An answer that does not know the amount says so in the sentence kept («Mức tiền …
    /// cháu chưa xác nhận được»), and where to ask follows it.
    /// </summary>
    public static string? Excerpt(string answer, FollowUpAsk ask)
    {
        var sentences = Sentences(answer).ToList();
        var folded = sentences.Select(s => " " + VietnameseText.Fold(s) + " ").ToList();
        var kept = Enumerable.Range(0, sentences.Count).Where(i => Says(folded[i], ask)).ToHashSet();
        if (kept.Count == 0)
        {
            return null;
        }

        if (ask != FollowUpAsk.Place && !kept.Any(i => Says(folded[i], FollowUpAsk.Place)) && PlaceIndex(folded) is var place and >= 0)
        {
            kept.Add(place);
        }

        // A list item kept stays on its own line («• Vay vốn ưu đãi …»): run into the sentence before, it read as one.
        return kept.Count >= sentences.Count ? answer
            : string.Concat(kept.Order().Select((i, n) => (n == 0 ? string.Empty : sentences[i].StartsWith('•') ? "\n" : " ") + sentences[i]));
    }

    /// <summary>
    /// Whether the part of an answer kept for a follow-up only says it does not know («Mức tiền … cháu chưa xác nhận
    /// được»): every kept sentence that is not where to ask says so.
    /// </summary>
    /// <remarks>
    /// Asked how much, a part that says it does not know the amount and gives no sum does not know it either, whatever
    /// else it keeps («Trẻ … không phải đóng học phí. Mức trợ cấp cháu chưa xác nhận được.» asked what the orphan
    /// allowance is: the fee sentence is kept for its «không phải đóng», and the allowance is still unknown).
    /// </remarks>
    public static bool OnlySaysItDoesNotKnow(string part, FollowUpAsk ask = FollowUpAsk.None)
    {
        var said = Sentences(part).Select(s => " " + VietnameseText.Fold(s) + " ").Where(s => !Says(s, FollowUpAsk.Place) || ContainsAny(s, Unknown)).ToList();
        return said.Count > 0 && (said.All(s => ContainsAny(s, Unknown))
            || (ask == FollowUpAsk.Amount && said.Any(s => ContainsAny(s, Unknown) && ContainsAny(s, " muc ", " tien ")) && !said.Any(s => AmountPattern().IsMatch(s))));
    }

    private static readonly string[] Unknown = [" chua xac nhan ", " chua co thong tin ", " chua ro "];

    /// <summary>
    /// The last sentence of an answer that sends the resident to a place («Bác đến UBND xã nơi bác ở…», «Bác hỏi tổ
    /// trưởng…»), else the last that names one; null when none does. A place only mentioned is no place to ask: after
    /// house building aid, whose answer ends «Hộ nghèo cũng có thể vay Ngân hàng Chính sách xã hội để sửa nhà», «được bao
    /// nhiêu tiền» was sent to the bank instead of the commune the answer sends the resident to.
    /// </summary>
    public static string? PlaceToAsk(string answer)
    {
        var sentences = Sentences(answer).ToList();
        return PlaceIndex(sentences.Select(s => " " + VietnameseText.Fold(s) + " ").ToList()) is var i and >= 0 ? sentences[i] : null;
    }

    /// <summary>Of an answer's folded, padded sentences, the one <see cref="PlaceToAsk"/> takes; -1 when none names a place.</summary>
    private static int PlaceIndex(List<string> folded)
    {
        var places = Enumerable.Range(0, folded.Count).Where(i => Says(folded[i], FollowUpAsk.Place)).ToList();
        return places.LastOrDefault(i => ContainsAny(folded[i], SendsTo), places.LastOrDefault(-1));
    }

    /// <summary>
    /// The body a sentence of an answer sends the resident to, by the name the referral table gives it (each part of the
    /// name before or inside brackets: «UBND xã nơi bác ở», «Phòng Văn hóa – Xã hội», «tổ tiết kiệm và vay vốn ở thôn»),
    /// the one named first; null when it names none. Read for its topic instead, «Bác đến UBND xã nơi bác ở…, nói rõ tình
    /// trạng nhà» was logged as sent to the bank (house building's usual body), not to the commune it names.
    /// </summary>
    public static Referral? BodyNamedIn(string sentence, IEnumerable<Referral> referrals)
    {
        var folded = " " + VietnameseText.Fold(sentence) + " ";
        return referrals
            .Select(r => (Referral: r, At: NameParts(r.Name).Select(p => folded.IndexOf(" " + p + " ", StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min()))
            .Where(r => r.At >= 0).OrderBy(r => r.At).Select(r => r.Referral).FirstOrDefault();
    }

    private static IEnumerable<string> NameParts(string name) =>
        name.Split(['(', ')', ','], StringSplitOptions.RemoveEmptyEntries).Select(VietnameseText.Fold).Where(p => p.Contains(' ', StringComparison.Ordinal));

    /// <summary>
    /// Folded words that send the resident somewhere: «bác hỏi», «bác đến», «liên hệ», «mang … đến», «nộp». «hỏi» and
    /// «đến» alone are not enough: «xã hội» holds the one, «đến nay» the other.
    /// </summary>
    private static readonly string[] SendsTo = [" bac hoi ", " bac den ", " bac lien he ", " lien he ", " bac mang ", " mang can cuoc ", " bac nop ", " nop don ", " bac gap ", " hoi tai "];

    /// <summary>
    /// Words that open a new question, not more of the last one: «à mà», «à cho hỏi», «cho hỏi thêm», «ngoài ra»
    /// («à mà cho hỏi học nghề miễn phí ở đâu» after a loan answer asks about training).
    /// </summary>
    private static readonly string[] NewQuestionOpeners = ["a ma ", "a cho hoi ", "ma cho hoi ", "cho hoi them ", "hoi them ", "ngoai ra ", "voi lai ", "a quen ", "nhan tien "];

    public static bool StartsAnew(string text) =>
        (VietnameseText.Fold(text) + " ") is var folded && NewQuestionOpeners.Any(o => folded.StartsWith(o, StringComparison.Ordinal));

    /// <summary>An answer's sentences: a full stop, question or exclamation mark before a space ends one; «1.500.000» does not.</summary>
    internal static IEnumerable<string> Sentences(string answer)
    {
        var start = 0;
        for (var i = 0; i < answer.Length; i++)
        {
            var ends = answer[i] is '.' or '?' or '!' && (i + 1 == answer.Length || char.IsWhiteSpace(answer[i + 1]));
            if (ends || answer[i] == '\n')
            {
                if (answer[start..(i + 1)].Trim() is { Length: > 0 } sentence)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        if (answer[start..].Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }
}
