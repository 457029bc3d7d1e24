using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// An answer's question, title or keyword is what residents ask, not a letter (more than
/// <see cref="QuestionUnderstanding.LetterWords"/> words): a letter's story words would become the answer's, and it would
/// then cover every letter telling a like story whatever that letter asks (StaffTeaching, measured on staff links). The
/// entry model learns letters instead, from content/understanding/practice-letters.tsv.
/// </summary>
internal static class LetterLengthRule
{
    /// <summary>
    /// Words are counted as the bot counts them (<see cref="QuestionUnderstanding.IsLetter"/>: the normaliser's words, short
    /// forms expanded), so what passes here is never read as a letter: counted by spaces, a keyword of 18 words with six
    /// «bhyt» in it passed and the bot read 33.
    /// </summary>
    public static void Check(string field, string asked, SourceLocation location, QuestionNormalizer normalizer, List<ContentProblem> problems)
    {
        var words = normalizer.Words(asked).Count;
        if (words > QuestionUnderstanding.LetterWords)
        {
            var start = asked.Length <= 40 ? asked : asked[..40] + "…";
            problems.Add(new ContentProblem(location,
                $"the {field} \"{start}\" has {words} words, a letter: keep the ask alone here (at most {QuestionUnderstanding.LetterWords} words) and put the letter in content/understanding/practice-letters.tsv"));
        }
    }
}
