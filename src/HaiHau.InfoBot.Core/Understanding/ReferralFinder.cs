namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Picks the body to send a resident to when the programme has no answer: the referral whose subjects the question
/// names most (a longer subject, "trợ cấp thất nghiệp", counts for more than "thất nghiệp"), else UBND xã.
/// </summary>
public sealed class ReferralFinder
{
    private readonly List<(Referral Referral, string[][] Subjects)> _referrals;

    public ReferralFinder(IEnumerable<Referral> referrals, QuestionNormalizer normalizer)
    {
        _referrals = referrals
            .Select(r => (r, r.Subjects.Select(s => normalizer.Tokens(s).ToArray()).Where(s => s.Length > 0).ToArray()))
            .ToList();
    }

    public Referral? Default => _referrals.Select(r => r.Referral).FirstOrDefault(r => r.Id == Referral.Default);

    public Referral? Find(string id) => _referrals.Select(r => r.Referral).FirstOrDefault(r => r.Id == id);

    /// <summary>The body the question names, with how strongly (syllables of the subjects found); null when none.</summary>
    public (Referral Referral, int Strength)? Named(IReadOnlyList<string> tokens)
    {
        (Referral, int)? best = null;
        foreach (var (referral, subjects) in _referrals)
        {
            var strength = subjects.Where(s => Phrase.Contains(tokens, s)).Sum(s => s.Length);
            if (strength > 0 && (best is null || strength > best.Value.Item2))
            {
                best = (referral, strength);
            }
        }

        return best;
    }

    /// <summary>Where to send the question: the body it names, else UBND xã.</summary>
    public Referral? For(IReadOnlyList<string> tokens) => Named(tokens)?.Referral ?? Default;
}

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
