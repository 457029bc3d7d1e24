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
    public static void Check(string field, string asked, SourceLocation location, List<ContentProblem> problems)
    {
        var words = asked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > QuestionUnderstanding.LetterWords)
        {
            var start = asked.Length <= 40 ? asked : asked[..40] + "…";
            problems.Add(new ContentProblem(location,
                $"the {field} \"{start}\" has {words} words, a letter: keep the ask alone here (at most {QuestionUnderstanding.LetterWords} words) and put the letter in content/understanding/practice-letters.tsv"));
        }
    }
}
