using HaiHau.InfoBot.Storage.Unanswered;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// Which of staff's decisions covers a question: one rule for the «Câu hỏi chưa trả lời» list (a covered question is
/// hidden) and for the statistics (what staff made of a guessed answer), so the two never disagree.
/// A decision covers a question sharing at least half its words (<see cref="QuestionGrouping"/>) in its commune (a
/// district-wide decision: everywhere); an ignore, a confirmation or a mark whenever it was asked, an example or a link
/// only if asked before it.
/// </summary>
public static class DecisionCovering
{
    public static bool Covers(StaffPhrasingRecord decision, IReadOnlySet<string> decisionWords, AskedQuestion question, IReadOnlySet<string> questionWords, string? commune) =>
        (decision.CommuneCode is null || decision.CommuneCode == commune)
        && (StaffPhrasingKinds.CoversForGood(decision.Kind) || question.At <= decision.At)
        && QuestionGrouping.Jaccard(decisionWords, questionWords) >= QuestionGrouping.Similarity;

    /// <summary>
    /// The earliest decision covering the question (the one that took it off the list), or null; <paramref name="decided"/>
    /// in the order taken (by id), so it is not sorted again for every question.
    /// </summary>
    public static StaffPhrasingRecord? First(IEnumerable<StaffPhrasingRecord> decided, Func<string, IReadOnlySet<string>> words, AskedQuestion question, string? commune) =>
        decided.FirstOrDefault(d => Covers(d, words(d.Text), question, words(question.Text), commune));
}
