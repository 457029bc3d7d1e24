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
    private readonly List<(string Subject, string[] Words)> _phrases = [];

    public SubjectIndex(IEnumerable<FaqEntry> faqs, QuestionNormalizer normalizer)
    {
        foreach (var faq in faqs.Where(f => f.Subjects.Count > 0))
        {
            // A number is read as any number ("dưới 6 tuổi" would match "dưới 16 tuổi"), so a subject is words only.
            var subjects = faq.Subjects.Select(normalizer.Normalize)
                .Where(s => s.Length > 0 && !s.Split(' ').Contains(QuestionNormalizer.NumberToken))
                .Distinct(StringComparer.Ordinal).ToArray();
            _byEntry[faq.Id] = subjects;
            foreach (var subject in subjects.Where(s => !_phrases.Any(p => p.Subject == s)))
            {
                _phrases.Add((subject, subject.Split(' ')));
            }
        }
    }

    /// <summary>The subjects the entry declares (normalised); empty for an entry that declares none or any other answer.</summary>
    public IReadOnlyList<string> Of(AnswerRef answer) =>
        answer.Kind == AnswerRef.Faq ? _byEntry.GetValueOrDefault(answer.Id) ?? [] : [];

    /// <summary>Every declared subject the question names (normalised).</summary>
    public HashSet<string> Named(IReadOnlyList<string> tokens) =>
        _phrases.Where(p => Phrase.Contains(tokens, p.Words)).Select(p => p.Subject).ToHashSet(StringComparer.Ordinal);
}
