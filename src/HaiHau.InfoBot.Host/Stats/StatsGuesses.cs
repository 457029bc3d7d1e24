using HaiHau.InfoBot.Host.Unanswered;
using HaiHau.InfoBot.Storage.Unanswered;

namespace HaiHau.InfoBot.Host.Stats;

/// <summary>
/// The answers the assistant guessed in a period (<see cref="Core.Dialogs.EventKinds.QuestionModelAnswered"/>) and what
/// staff made of them on the «Câu hỏi chưa trả lời» page, by the page's own covering rule (<see cref="DecisionCovering"/>):
/// confirmed right («Đúng rồi»), or corrected (linked to the right entry, marked for a new one, taught to a topic).
/// An ignore is neither (before 8 December «Đúng rồi» was stored as one), and a guess whose words were erased or
/// purged can no longer be matched: it stays counted, as not reviewed.
/// </summary>
internal static class StatsGuesses
{
    /// <summary>One guessed answer: who, when, and the message as kept (null once erased or purged).</summary>
    public sealed record Guess(long ConversationId, DateTimeOffset At, string? Kept);

    public static (int Confirmed, int Corrected) Reviewed(IEnumerable<Guess> guesses, IReadOnlyList<StaffPhrasingRecord> decided,
        Func<string, IReadOnlySet<string>> words, Func<long, string?> commune)
    {
        var (confirmed, corrected) = (0, 0);
        foreach (var guess in guesses.Where(g => g.Kept is not null))
        {
            var asked = new AskedQuestion(guess.Kept!, guess.At, guess.ConversationId, AskedBack: false);
            switch (DecisionCovering.First(decided, words, asked, commune(guess.ConversationId))?.Kind)
            {
                case StaffPhrasingKinds.Confirmed:
                    confirmed++;
                    break;
                case StaffPhrasingKinds.Link or StaffPhrasingKinds.NewFaq or StaffPhrasingKinds.Example:
                    corrected++;
                    break;
            }
        }

        return (confirmed, corrected);
    }
}
