using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Job and course questions search the listings directly (issue 12 §3): "có việc may ở hải châu không" shows the open
/// jobs matching "may" in that commune, not an FAQ about where to look. Only short messages that look for a job or a
/// class ("tuyển", "tìm việc", "có việc", "lớp", "khóa học") are read so; a story about losing a job is a question.
/// </summary>
public sealed partial class DialogEngine
{
    private const int ListingResultsShown = 3;

    // Written with their diacritics: typed with other ones they are other words («lợp mái» is not «lớp», «đúng tuyến» not «tuyển»).
    private const string Hiring = "tuyển";

    private const string SeekingWorker = "cần người";

    /// <summary>«tuyển» that is no employer hiring: a national team («đội tuyển»: a football question got the job listings), a school's intake.</summary>
    private static readonly string[] NotHiring = ["đội tuyển", "tuyển sinh", "tuyển thủ"];

    /// <summary>
    /// «tuyển» with whom is hired: typed without diacritics too («tuyen lao dong»), where «tuyen» alone may be the
    /// «tuyến» of a hospital level («dung tuyen huyen»).
    /// </summary>
    private static readonly string[] HiringWhom = ["tuyển lao động", "tuyển công nhân", "tuyển người", "tuyển thợ", "tuyển dụng", "tuyển nhân viên"];

    /// <summary>
    /// «có chỗ nào cần thợ xây không», «có ai thuê thợ hồ không»: a tradesman asks where his trade is wanted. They got a
    /// question back between the poverty topic and other support, or the "I don't know".
    /// </summary>
    private static readonly string[] TradeWanted = ["cần thợ", "thuê thợ"];

    /// <summary>
    /// «có chỗ nào người ta nhận không», «xưởng nào nhận người làm»: a place that takes on workers, as older residents ask
    /// it (the story first: who they are, what they can still do).
    /// </summary>
    private static readonly string[] TakesOn = ["nhận người làm", "nhận lao động", "chỗ nào người ta nhận", "nơi nào người ta nhận"];

    private static readonly string[] JobAsks = [Hiring, .. HiringWhom, "tìm việc", "có việc", "việc làm thêm", "việc gì cho", "xin việc ở", "việc làm gần", SeekingWorker, .. TradeWanted, .. TakesOn];

    /// <summary>«cần người» that seeks no worker: a requirement asked about («vay tiền có cần người bảo lãnh không» got the job listings).</summary>
    private static readonly string[] NotSeeking = ["có cần người", "cần người bảo lãnh", "cần người ký", "cần người đứng tên", "cần người làm chứng"];

    private const string Class = "lớp";

    /// <summary>
    /// What follows «lớp» when it is a school grade («học lớp 1», «lớp chín», «lớp mẫu giáo») or its monitor («lớp
    /// trưởng»), not a course: «cháu học
    /// lớp 1 có được hỗ trợ gì không» searched the training courses. Matched as <see cref="Says"/> does: as written, or
    /// typed without any diacritics («lop nam»), so «lớp nấm» (growing mushrooms) stays a course.
    /// </summary>
    private static readonly string[] SchoolGrades =
        ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mẫu", "mầm", "lá", "trưởng"];

    private static readonly string[] CourseAsks = [Class, "khóa học", "khoá học", "khóa đào tạo", "khoá đào tạo", "học lái xe"];

    /// <param name="inDialogOf">The listing the dialog the resident is in is about: a trade typed alone at its menu
    /// searches it (<see cref="SearchFromDialog"/>).</param>
    private bool AnswerListings(TurnContext turn, UnderstoodQuestion question, string text, ListingKind? inDialogOf = null)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Counted without the courtesy before the ask («mà hỏi luôn, chồng tôi muốn học lái máy xúc thì có lớp nào gần đây
        // không» is a search of 14 words, and its three first words made it a letter).
        var length = Math.Min(words.Length, VietnameseText.WordCount(question.Normalized));
        if (length > QuestionUnderstanding.LetterWords || (length > QuestionUnderstanding.ShortMessageWords && inDialogOf is not null))
        {
            return false;
        }

        // Longer than a chat line: an older resident telling who wants the job first («con tôi ba mươi tuổi ở nhà không
        // có việc gì làm… có chỗ nào tuyển người không»). Searched only when it asks for a job or a class in so many words.
        var told = length > QuestionUnderstanding.ShortMessageWords;
        var typed = new string([.. VietnameseText.Clean(text).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(AsSaidInTheNorth).ToArray();
        var asks = CourseAsks.Where(a => a == Class ? SaysClass(typed) : Says(typed, a))
            .Concat(JobAsks.Where(a => Says(typed, a, notAfter: StateWords) && !(a == Hiring && NotHiring.Any(n => Says(typed, n))) && !(a == SeekingWorker && NotSeeking.Any(n => Says(typed, n))))).ToList();
        var asksWhere = folded.Contains(" hoc nghe ", StringComparison.Ordinal) && folded.EndsWith(" o dau ", StringComparison.Ordinal);
        // «muốn học nghề may»: a wish to learn a trade searches the courses too, but answers only when a course matches
        // (below): «muốn học nghề nhưng không có tiền» names no trade, and stays a question.
        // «học nghề may», «hoc nghe han»: a trade after «học nghề» and nothing else is the same wish, typed shorter; so is
        // «muốn làm thợ may».
        var tradeWords = TradeWords(folded).Count;
        var wantsToLearn = WishesToLearn(folded)
            || (folded.StartsWith(" hoc nghe ", StringComparison.Ordinal) && words.Length > 2 && tradeWords == words.Length - 2);
        // «tôi muốn đăng ký học may»: registering for a named trade is a search even when no course is open; without a
        // course it opened the news registration («đăng ký»). Told none is open now, with the courses one tap away.
        var registersToLearn = RegistrationWishes.Any(w => folded.Contains(w, StringComparison.Ordinal)) && tradeWords > 0;
        ListingKind? kind = asks.Any(CourseAsks.Contains) ? ListingKind.Course
            : asks.Count > 0 ? ListingKind.Job
            : (asksWhere || wantsToLearn) && tradeWords > 0 ? ListingKind.Course
            : inDialogOf;
        if (kind is not { } found || (told && asks.Count == 0))
        {
            return false;
        }

        var (commune, rest) = ListingSearch.SplitCommune(services.Content, text);
        if (inDialogOf is null && (AnsweredBetterByFaq(question, commune, rest, folded, [.. asks.Select(VietnameseText.Fold)]) || AsksWhatItCosts(question, folded)))
        {
            return false;
        }

        // An old commune's name ("hải châu", now part of xã Hải Thịnh) is a place, not a trade: leave its words out,
        // but only where the message says «hải …»: «nấu ăn» folds to the «an» of Hải An.
        var restFolded = " " + VietnameseText.Fold(rest) + " ";
        var terms = TradeWords(restFolded)
            .Where(w => !(restFolded.Contains(" hai " + w + " ", StringComparison.Ordinal) && services.Content.FindCommune("hai " + w) is not null))
            .ToList();
        var today = Screening.PovertyRuleSets.LocalDay(services.Time.GetUtcNow());
        var all = services.ListingSource.All(found);
        // Said back as the resident typed it («công nhân may»), not as the search reads it («cong nhan may»).
        var asTyped = typed.GroupBy(w => VietnameseText.Fold(w), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (told)
        {
            // A story's words are no trade («khỏe», «nhẹ», «thời vụ»): only the words an open listing's title holds are
            // searched, and with none the open listings are shown, not «chưa thấy tin … khỏe nhẹ».
            terms = [.. terms.Where(t => ListingSearch.Find(all, today, t, null, int.MaxValue)
                .Any(l => VietnameseText.Fold(l.Title).Split(' ').Any(w => w.StartsWith(t, StringComparison.Ordinal)) && TitleHolds(l, asTyped.GetValueOrDefault(t, t))))];
        }
        IReadOnlyList<Listing> Search(string? communeCode)
        {
            var matches = ListingSearch.Find(all, today, string.Join(' ', terms), communeCode, ListingResultsShown);
            // "may mặc" finds the "may" course: every word need not be in the title, one that sets it apart is enough;
            // as typed, when typed with its marks: «lái máy xúc» is no «May công nghiệp».
            return matches.Count == 0 && terms.Count > 1
                ? terms.SelectMany(t => ListingSearch.Find(all, today, t, communeCode, ListingResultsShown).Where(l => TitleHolds(l, asTyped.GetValueOrDefault(t, t))))
                    .Distinct().Take(ListingResultsShown).ToList()
                : matches;
        }

        var shown = Search(commune);
        // None in the commune named («tôi ở xã hải châu muốn học nghề may»): the ones elsewhere in the area, said so.
        var elsewhere = shown.Count == 0 && commune is not null ? Search(null) : [];
        if (shown.Count == 0 && elsewhere.Count == 0 && asks.Count == 0 && !asksWhere && !registersToLearn)
        {
            return false;
        }

        var what = found == ListingKind.Job ? "việc làm" : "lớp học nghề";
        var topic = ListingTopic(found);
        var asked = terms.Count > 0 ? $" «{string.Join(' ', terms.Select(t => asTyped.GetValueOrDefault(t, t)))}»" : string.Empty;
        // Mid-sentence: «ở xã Hải Thịnh», not «ở Xã Hải Thịnh».
        var place = commune is null ? null : services.Content.FindCommune(commune)?.Name is { Length: > 0 } name ? char.ToLowerInvariant(name[0]) + name[1..] : null;
        var say = shown.Count > 0
            ? $"Cháu tìm được {shown.Count} tin {what}{asked} đang mở:\n\n{string.Join("\n\n", shown.Select(ListingText.Line))}"
            : elsewhere.Count > 0 && place is not null
            ? $"Ở {place} cháu chưa thấy tin {what}{asked} nào đang mở. Ở nơi khác trong vùng có {elsewhere.Count} tin:\n\n{string.Join("\n\n", elsewhere.Select(ListingText.Line))}"
            : $"Hiện cháu chưa thấy tin {what}{asked} nào đang mở. Tin mới được cán bộ cập nhật thường xuyên; bác có thể xem các tin khác hoặc hỏi UBND xã nơi bác ở (Phòng Văn hóa – Xã hội).";
        turn.Log(EventKinds.QuestionUnderstood, topic);
        turn.Say(say, [
            new QuickReply(new AnswerRef(AnswerRef.Topic, topic).Payload, found == ListingKind.Job ? "Xem các việc làm" : "Xem các lớp học nghề"),
            .. CostEntry(question, folded, found),
            .. GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff),
        ]);
        turn.Log(EventKinds.QuestionAnswered, new AnswerRef(AnswerRef.Listings, found == ListingKind.Job ? "jobs" : "courses").Payload);
        return true;
    }

    /// <summary>
    /// A trade typed alone at the training or jobs dialog's menu («may», «thợ hàn») is the search the menu offers one tap
    /// away: it was asked again («bấm số thứ tự») until the dialog gave up. Answered only when an open listing matches
    /// (a word that is no trade finds none), and the dialog is left for the results and their buttons.
    /// </summary>
    private bool SearchFromDialog(TurnContext turn, string text)
    {
        var topic = services.Dialogs.Find(turn.Frame.DialogId)?.Topic;
        ListingKind? kind = topic == CoursesTopic ? ListingKind.Course : topic == JobsTopic ? ListingKind.Job : null;
        var folded = " " + VietnameseText.Fold(text) + " ";
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        // «dạ», «không biết» are replies, whatever a listing's title holds. A wish to learn a trade («em muốn học may»)
        // may take more words than a trade alone: it got the entry on the training allowance and the menu again.
        if (kind is null || services.Understanding is not { } understanding || words == 0 || (words > TradeOnlyWords && !(kind == ListingKind.Course && WishesToLearn(folded)))
            || TradeWords(folded).Count == 0
            || VietnameseYesNo.Parse(text) is not null || VietnameseYesNo.IsNotSure(text))
        {
            return false;
        }

        var frames = turn.State.Stack.ToList();
        turn.State.Stack.Clear();
        if (AnswerListings(turn, understanding.Understand(text), text, kind))
        {
            turn.State.History.Clear();
            return true;
        }

        turn.State.Stack.AddRange(frames);
        return false;
    }

    /// <summary>
    /// «muốn học nghề may», «muốn làm thợ hàn», «em muốn học may»: a wish to learn a trade. It searches the courses, and
    /// answers only when one matches: «muốn học đại học» or «muốn học nghề nhưng không có tiền» stays a question.
    /// </summary>
    private static bool WishesToLearn(string folded) => LearningWishes.Any(w => folded.Contains(w, StringComparison.Ordinal));

    /// <summary>Registering to learn («đăng ký học may»): declared before <see cref="LearningWishes"/>, which holds it.</summary>
    private static readonly string[] RegistrationWishes = [" dang ky hoc ", " dang ki hoc "];

    /// <summary>«đăng ký học may» is the same wish as «muốn học may»: it opened the news registration («đăng ký»).</summary>
    private static readonly string[] LearningWishes = [" muon hoc ", " muon lam tho ", .. RegistrationWishes];

    /// <summary>A trade is named in a word or three («may», «thợ hàn», «lái xe tải»); more is a sentence.</summary>
    private const int TradeOnlyWords = 3;

    /// <summary>
    /// A listing word may be the wrong word: "đúng tuyến" (BHYT) folds to the "tuyen" of "tuyển dụng", "học lớp 10" is
    /// school, not a course. When an FAQ entry clearly answers the question and its topic is not about jobs or courses,
    /// that entry answers it. An entry about jobs or courses answers it only when each listing word is part of a
    /// phrase the entry is written for ("người khuyết tật tìm việc", "tuyển dụng lương cao"): "có lớp học lái xe không"
    /// still asks for a class.
    /// </summary>
    /// <param name="commune">The commune the message names, if any, and <paramref name="rest"/> the message without its name (the search's split).</param>
    private bool AnsweredBetterByFaq(UnderstoodQuestion question, string? commune, string? rest, string folded, IReadOnlyList<string> asks)
    {
        if (question.Decision != QuestionDecision.Answer || question.Best.Answer.Kind != AnswerRef.Faq
            || services.Understanding is not { } understanding || understanding.FindFaq(question.Best.Answer.Id) is not { } faq)
        {
            return false;
        }

        if (question.Best.Topic is not (JobsTopic or CoursesTopic))
        {
            // An entry of another matter takes a search only when it covers the message as a given answer must: «có lớp
            // may nào sắp mở không» was given the commune merger («sắp» folds to the «sáp» of «sáp nhập»), found by the
            // model's backing on one shared word.
            // A place in a search is where to look, not what is asked: «ở Hải Hậu có chỗ nào tuyển lao động» got the
            // entry on the former district, found by the name alone. The entry answers only if it still does without it.
            return question.Best.Coverage >= QuestionUnderstanding.DefaultMinCoverage && (commune is null || rest is null
                || (understanding.Understand(rest) is { Decision: QuestionDecision.Answer } withoutPlace && withoutPlace.Best.Answer == question.Best.Answer));
        }

        var owned = faq.Keywords.Select(k => " " + VietnameseText.Fold(k) + " ")
            .Where(k => folded.Contains(k, StringComparison.Ordinal)).ToList();
        // A trade named beside the entry's phrase, in a word or three and nothing more, is a search: «có lớp học nghề hàn
        // không» got the entry on registering for training (its «lớp học nghề»), where «có lớp học nghề may không» searched
        // the courses. More words than a trade ask something of the entry («học lái xe ô tô có được nhà nước hỗ trợ không»).
        var trades = TradeWords(folded);
        var namesATrade = trades.Count is > 0 and <= TradeOnlyWords && !trades.All(t => owned.Any(k => k.Contains(" " + t + " ", StringComparison.Ordinal)));
        return asks.Count > 0 && asks.All(a => owned.Any(k => k.Contains(" " + a + " ", StringComparison.Ordinal))) && !namesATrade;
    }

    /// <summary>
    /// «khóa học lái máy xúc có hỗ trợ không», «lớp học nghề may có được hỗ trợ tiền không»: a course named, and asked what
    /// it costs or what support it has, which the training entries answer; the search looked for a course «lái máy xúc hỗ
    /// trợ» and found none. Only when a training or jobs entry is the answer: with none, the search still shows the
    /// courses («có lớp học may miễn phí ở hải châu không» is read nearest to public-school fees, which is no answer).
    /// </summary>
    /// <remarks>
    /// «có khóa học nghề hàn miễn phí không», «co lop hoc nghe han mien phi ko»: whether a course in that trade is held,
    /// free, which the search answers (its courses say where and when); the training entries answered how much support
    /// there is. With no trade named («xã có lớp học nghề nào miễn phí không») the entries on where to learn answer it.
    /// </remarks>
    private static bool AsksWhatItCosts(UnderstoodQuestion question, string folded) =>
        question is { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq, Best.Topic: CoursesTopic or JobsTopic }
        && CostAsks.Any(a => folded.Contains(a, StringComparison.Ordinal)) && !(AsksWhetherHeld().IsMatch(folded) && TradeWords(folded).Count > 0);

    [GeneratedRegex(@"\bco\s+(?:(?:cac|nhung|mot|cai)\s+)?(?:khoa|lop)\s+(?:hoc|day|dao tao)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhetherHeld();

    /// <summary>
    /// «có khóa học nghề hàn miễn phí không»: the courses searched, and the training entry the question reads nearest,
    /// which says what support a course has, one tap away by its own question.
    /// </summary>
    private IEnumerable<QuickReply> CostEntry(UnderstoodQuestion question, string folded, ListingKind found) =>
        found == ListingKind.Course && CostAsks.Any(a => folded.Contains(a, StringComparison.Ordinal))
        && question.Best is { Answer.Kind: AnswerRef.Faq, Topic: CoursesTopic } best && services.Understanding?.FindFaq(best.Answer.Id) is { } entry
            ? [new QuickReply(best.Answer.Payload, entry.Question)]
            : [];

    private static readonly string[] CostAsks = [" ho tro ", " mien phi ", " hoc phi ", " mat tien ", " bao nhieu tien ", " duoc tien ", " tro cap "];

    /// <summary>
    /// Whether a listing's title holds a word as typed: any word typed without marks («may»), a word typed with them only
    /// with the same marks («máy» is not in «May công nghiệp»).
    /// </summary>
    private static bool TitleHolds(Listing listing, string typed) =>
        typed == VietnameseText.Fold(typed)
        || listing.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(typed, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// «nớp», «nàm» as many older residents of the region say and type «lớp», «làm» (DialectPairs reads them so for the
    /// question's words; the search reads the words as typed): «có nớp học nghề may không» asks for a class.
    /// </summary>
    private static string AsSaidInTheNorth(string typed) => typed switch
    {
        "nớp" => Class,
        "nàm" => "làm",
        _ => typed,
    };

    /// <summary>«lớp» (or «lop») that is no school grade: a class to learn a trade in.</summary>
    private static bool SaysClass(string[] typed)
    {
        for (var i = 0; i < typed.Length; i++)
        {
            if (typed[i] != Class && typed[i] != VietnameseText.Fold(Class))
            {
                continue;
            }

            var next = i + 1 < typed.Length ? typed[i + 1] : null;
            if (next is null || !(next.All(char.IsDigit) || SchoolGrades.Any(g => next == g || next == VietnameseText.Fold(g))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words typed hold the phrase: each word as written in it, or typed without any diacritics ("lop"),
    /// but not with other diacritics ("lợp").
    /// </summary>
    private static bool Says(string[] typed, string phrase, string[]? notAfter = null)
    {
        var words = phrase.Split(' ');
        for (var start = 0; start + words.Length <= typed.Length; start++)
        {
            if (notAfter is not null && start > 0 && notAfter.Contains(VietnameseText.Fold(typed[start - 1])))
            {
                continue;
            }

            if (TypedPhrase.StartsAt(typed, start, words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A job phrase after these words tells a state or a moment, not a search: «đang hưởng trợ cấp thất nghiệp thì có
    /// việc làm phải làm sao», «khi tìm việc cần giấy tờ gì», «đã có việc làm». Folded, as a resident may type them.
    /// </summary>
    private static readonly string[] StateWords = ["thi", "khi", "da", "neu", "moi", "luc", "sau"];

    private const string JobsTopic = Topics.Jobs;
    private const string CoursesTopic = Topics.VocationalTraining;

    private static string ListingTopic(ListingKind kind) => kind == ListingKind.Job ? JobsTopic : CoursesTopic;

    /// <summary>The words that say which job or trade ("may", "hàn", "bảo vệ"), without the asking around them.</summary>
    private static List<string> TradeWords(string folded)
    {
        string[] asking = ["tuyen", "tim", "viec", "lam", "co", "khong", "ko", "k", "lop", "khoa", "hoc", "nghe", "o", "dau", "nao", "gi", "cho", "them",
            "gan", "nha", "e", "em", "toi", "muon", "can", "nguoi", "xin", "a", "ad", "oi", "dao", "tao", "thi", "dang", "ky", "duoc", "dc", "khu", "cn", "buoi", "hai", "xa", "tai", "ve", "va", "voi", "hoac", "day", "nhung", "tien", "tho",
            "ho", "tro", "mien", "phi", // «miễn phí», «hỗ trợ» ask what a course costs: the search looked for «may miễn phí»
            "chong", "vo", "con", "bo", "me", "anh", "chi", "chau", // who wants to learn: «chồng tôi muốn học lái máy xúc» searched «chồng lái máy xúc»
            "ma", "hoi", "luon", // «mà hỏi luôn»: the asking before the matter (not «nhân tiện»'s «nhân»: «công nhân» is a trade)
            "ai", "thue"]; // «có ai thuê thợ xây không» searched «ai thuê xây»
        return ListingSearch.WithoutAskedWhen(folded).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !asking.Contains(w) && !w.Any(char.IsDigit)).ToList();
    }
}
