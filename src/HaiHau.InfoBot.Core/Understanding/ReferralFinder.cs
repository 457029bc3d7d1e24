namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Picks the body to send a resident to when the programme has no answer: the referral whose subjects the question
/// names most (a longer subject, "trợ cấp thất nghiệp", counts for more than "thất nghiệp"), else UBND xã.
/// Subjects are compared without diacritics, as residents often type, except where both the resident and the subject
/// wrote them: then the marks must agree, since "thuộc hộ nghèo" (belongs to) is not "thuốc" (medicine) and "mồ côi"
/// (orphan) is not "mổ" (surgery). A lawyer greeted or thanked («Thưa luật sư», «mong luật sư giải đáp») is how letters
/// to Q&amp;A pages are addressed, not a legal matter: those words name no body. Nor does a subject the resident says
/// they lack, where the body says so (<see cref="Referral.NotWhenLacking"/>: «không có lương hưu»). The body's own name
/// (<see cref="Referral.OwnNames"/>: «trợ giúp pháp lý») counts double.
/// </summary>
public sealed class ReferralFinder
{
    /// <summary>
    /// How much more a subject counts when it is the body's own name (<see cref="Referral.OwnNames"/>): a letter that names the body outright («liên
    /// hệ cơ quan trợ giúp pháp lý», «đến Trung tâm Trợ giúp pháp lý») asks about that body, whatever matter its story
    /// passes through («tranh chấp đất đai», the commune's). Two: the name then outweighs a matter named as long.
    /// </summary>
    private const int OwnNameWeight = 2;

    /// <summary>Words before "luật sư" that make it the person addressed, not the subject: «thưa / chào / kính gửi / nhờ luật sư».</summary>
    private static readonly HashSet<string> AddressWords = new(StringComparer.Ordinal)
    {
        "thua", "chao", "gui", "kinh", "mong", "nho", "on", "hoi",
    };

    /// <summary>Words after "luật sư" that make it the one asked: «luật sư cho hỏi», «luật sư ơi», «luật sư giải đáp / tư vấn giúp».</summary>
    private static readonly HashSet<string> AskedWords = new(StringComparer.Ordinal) { "cho", "oi", "giai", "tu", "giup" };

    private static readonly string[] Lawyer = ["luat", "su"];

    /// <summary>Words that say the resident lacks what follows: «không», «chưa» (typed with its marks, not «chữa»), «chẳng».</summary>
    private static readonly Word[] Negations = [new("khong", "không"), new("chua", "chưa"), new("chang", "chẳng")];

    /// <summary>Words a negation may stand before the subject with: «không có / được hưởng / nhận / còn lương hưu».</summary>
    private static readonly HashSet<string> LackVerbs = new(StringComparer.Ordinal) { "co", "duoc", "huong", "nhan", "con", "ky", "lam" };

    private readonly QuestionNormalizer _normalizer;
    private readonly List<(Referral Referral, (string Text, IReadOnlyList<Word> Words)[] Subjects)> _referrals;

    /// <summary>Per body, its subjects that are its own name (<see cref="Referral.OwnNames"/>).</summary>
    private readonly HashSet<string>[] _ownNames;

    public ReferralFinder(IEnumerable<Referral> referrals, QuestionNormalizer normalizer)
    {
        _normalizer = normalizer;
        _referrals = referrals
            .Select(r => (r, r.Subjects.Select(s => (s, normalizer.Words(s))).Where(s => s.Item2.Count > 0).ToArray()))
            .ToList();
        _ownNames = [.. _referrals.Select(r => r.Referral.OwnNames.ToHashSet(StringComparer.Ordinal))];
    }

    public Referral? Default => _referrals.Select(r => r.Referral).FirstOrDefault(r => r.Id == Referral.Default);

    public Referral? Find(string id) => _referrals.Select(r => r.Referral).FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// The body the question names, with how strongly (syllables of the subjects found) and by which subjects; null when
    /// none. A letter tells its story first and asks last («…nếu làm đơn ra tòa thì có được không?»): a body the ask
    /// (<paramref name="focus"/>, see <see cref="QuestionFocus"/>) names wins over the places the story passes through.
    /// </summary>
    public NamedBody? Named(string text, IReadOnlyList<string>? focus = null) => Named(_normalizer.Words(text), focus);

    /// <summary><see cref="Named(string, IReadOnlyList{string}?)"/> on a message already read into words (the turn's own).</summary>
    public NamedBody? Named(IReadOnlyList<Word> message, IReadOnlyList<string>? focus = null)
    {
        var words = WithoutAddressedLawyer(message);
        // The ask is found in the words as written: it often begins with the lawyer it asks («luật sư cho em hỏi…»), whom
        // the blanking above leaves out of the words the bodies are read from (in the same places, so `at` holds for both).
        if (focus is { Count: > 0 } && Phrase.LastIndexOf(message.Select(w => w.Token).ToList(), focus) is var at and >= 0
            && Strongest(words.Skip(at).Take(focus.Count).ToList()) is { } asked)
        {
            return asked;
        }

        return Strongest(words);
    }

    /// <summary>Where to send the question: the body it (or its ask) names, else UBND xã.</summary>
    public Referral? For(string text, IReadOnlyList<string>? focus = null) => Named(text, focus)?.Referral ?? Default;

    /// <summary><see cref="For(string, IReadOnlyList{string}?)"/> on a message already read into words.</summary>
    public Referral? For(IReadOnlyList<Word> message, IReadOnlyList<string>? focus = null) => Named(message, focus)?.Referral ?? Default;

    /// <summary>
    /// The body with the most syllables of subjects found (its own subjects inside each other all count, so «hưởng trợ cấp
    /// thất nghiệp» weighs more than «thất nghiệp» alone); on a tie, the first in content/referrals.yaml. A subject found
    /// only inside a longer subject of another body does not count: in «tranh chấp đất» the words belong to the land
    /// dispute (UBND xã), not to «tranh chấp» (legal aid).
    /// </summary>
    private NamedBody? Strongest(IReadOnlyList<Word> words)
    {
        var found = new List<(int Body, string Subject, int Start, int Length)>();
        for (var b = 0; b < _referrals.Count; b++)
        {
            foreach (var (text, subject) in _referrals[b].Subjects)
            {
                var lackable = _referrals[b].Referral.NotWhenLacking.Contains(text, StringComparer.Ordinal);
                for (var at = Word.IndexOf(words, subject); at >= 0; at = Word.IndexOf(words, subject, at + 1))
                {
                    if (!(lackable && Lacked(words, at)))
                    {
                        found.Add((b, text, at, subject.Count));
                    }
                }
            }
        }

        var kept = found.Where(f => !found.Any(o => o.Body != f.Body && o.Length > f.Length && o.Start <= f.Start && f.Start + f.Length <= o.Start + o.Length));
        return kept
            .GroupBy(f => f.Body)
            .OrderBy(body => body.Key)
            .Select(body => new NamedBody(_referrals[body.Key].Referral,
                body.DistinctBy(f => f.Subject).Sum(f => _ownNames[body.Key].Contains(f.Subject) ? OwnNameWeight * f.Length : f.Length),
                body.Select(f => f.Subject).Distinct().ToList()))
            .MaxBy(body => body.Strength);
    }

    /// <summary>
    /// Whether the words before <paramref name="at"/> say the resident lacks it: a negation, then at most three of
    /// <see cref="LackVerbs"/> («không có», «chưa được hưởng», «ko nhận»).
    /// </summary>
    private static bool Lacked(IReadOnlyList<Word> words, int at)
    {
        var before = at - 1;
        while (before >= 0 && at - before <= 3 && LackVerbs.Contains(words[before].Token))
        {
            before--;
        }

        return before >= 0 && Array.Exists(Negations, n => words[before].Matches(n));
    }

    /// <summary>The words with every "luật sư" that is greeted, thanked or asked («thưa/chào/nhờ luật sư», «luật sư cho hỏi») blanked.</summary>
    private static IReadOnlyList<Word> WithoutAddressedLawyer(IReadOnlyList<Word> words)
    {
        var tokens = words.Select(w => w.Token).ToList();
        List<Word>? kept = null;
        for (var at = Phrase.IndexOf(tokens, Lawyer); at >= 0; at = Phrase.IndexOf(tokens, Lawyer, at + 1))
        {
            var before = at > 0 ? tokens[at - 1] : null;
            var after = at + 2 < tokens.Count ? tokens[at + 2] : null;
            // «mong được luật sư giải đáp» is addressed; «có được luật sư miễn phí không» asks for one.
            var wished = before == "duoc" && at > 1 && tokens[at - 2] is "mong" or "xin";
            var addressed = at == 0 || wished || (before is not null && AddressWords.Contains(before)) || (after is not null && AskedWords.Contains(after));
            if (addressed)
            {
                kept ??= [.. words];
                kept[at] = kept[at + 1] = new Word(string.Empty, null);
            }
        }

        return kept ?? words;
    }
}

/// <summary>A body a message names: its referral, how strongly (syllables of its subjects found) and the subjects found.</summary>
public sealed record NamedBody(Referral Referral, int Strength, IReadOnlyList<string> Subjects);

/// <summary>Word sequences inside a tokenised message.</summary>
internal static class Phrase
{
    public static bool Contains(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase) => IndexOf(tokens, phrase) >= 0;

    public static int IndexOf(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase, int from = 0)
    {
        for (var start = from; start + phrase.Count <= tokens.Count; start++)
        {
            var i = 0;
            while (i < phrase.Count && tokens[start + i] == phrase[i])
            {
                i++;
            }

            if (i == phrase.Count)
            {
                return start;
            }
        }

        return -1;
    }

    public static int LastIndexOf(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase)
    {
        var last = -1;
        for (var at = IndexOf(tokens, phrase); at >= 0; at = IndexOf(tokens, phrase, at + 1))
        {
            last = at;
        }

        return last;
    }
}
