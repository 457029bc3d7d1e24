using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// The subjects FAQ entries declare (<see cref="FaqEntry.Subjects"/>): who or what an entry is about where its
/// neighbours differ only in that (the disability allowance and the elderly allowance; the school BHYT card and the
/// under-6 card; moving an allowance and the allowance itself). Word ranking sees that a question shares many words
/// with an entry, not that it names someone else: «hai đứa con bị khuyết tật có được nhận trợ cấp» shares «trợ cấp
/// hằng tháng» with the elderly allowance as well. The subjects come from content, so a new pair of neighbours is a
/// content change, not a code change.
/// </summary>
public sealed class SubjectIndex
{
    private readonly Dictionary<string, string[]> _byEntry = new(StringComparer.Ordinal);
    private readonly List<(string Subject, IReadOnlyList<Word> Words)> _phrases = [];

    public SubjectIndex(IEnumerable<FaqEntry> faqs, QuestionNormalizer normalizer)
    {
        foreach (var faq in faqs.Where(f => f.Subjects.Count > 0))
        {
            // A number is read as any number ("dưới 6 tuổi" would match "dưới 16 tuổi"), so a subject is words only.
            var written = faq.Subjects.Select(normalizer.Words)
                .Where(w => w.Count > 0 && w.All(x => x.Token != QuestionNormalizer.NumberToken))
                .ToList();
            _byEntry[faq.Id] = written.Select(w => string.Join(' ', w.Select(x => x.Token))).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var words in written)
            {
                var subject = string.Join(' ', words.Select(x => x.Token));
                if (!_phrases.Any(p => p.Subject == subject))
                {
                    _phrases.Add((subject, words));
                }
            }
        }
    }

    /// <summary>The subjects the entry declares (normalised); empty for an entry that declares none or any other answer.</summary>
    public IReadOnlyList<string> Of(AnswerRef answer) =>
        answer.Kind == AnswerRef.Faq ? _byEntry.GetValueOrDefault(answer.Id) ?? [] : [];

    /// <summary>
    /// Every declared subject the question names (normalised), compared as <see cref="Word.Matches"/> does: where the
    /// resident typed diacritics they must be the subject's («6 tuổi gia đình» names no «tuổi già»).
    /// </summary>
    public HashSet<string> Named(IReadOnlyList<Word> words) =>
        _phrases.Where(p => Word.IndexOf(words, p.Words) >= 0).Select(p => p.Subject).ToHashSet(StringComparer.Ordinal);
}
