using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A typed question answered as it was read. An answer the entry model chose (<see cref="UnderstoodQuestion.ModelLed"/>)
/// is right most of the time, but confidently wrong more often than the search's: staff could not tell it from any other
/// answer, so it is recorded for them with the question kept as an unanswered one is (folded, cut), and nothing more.
/// </summary>
public sealed partial class DialogEngine
{
    private bool AnswerRead(TurnContext turn, IQuestionUnderstanding understanding, UnderstoodQuestion question, string text, bool insideDialog)
    {
        turn.Log(EventKinds.QuestionUnderstood, question.Best.Topic);
        return GoWith(turn, understanding, question, text, insideDialog);
    }

    /// <summary>
    /// The answer a reading chose, given and, when the entry model chose it, recorded for staff. A follow-up answered with
    /// what one of its readings chose (read alone, with the answer's question, with the household category) goes through
    /// here too: follow-ups had gone unrecorded, so a model's guess after an answer was never shown for review.
    /// </summary>
    private bool GoWith(TurnContext turn, IQuestionUnderstanding understanding, UnderstoodQuestion read, string text, bool insideDialog = false)
    {
        if (!Go(turn, understanding, read.Best.Answer, insideDialog))
        {
            return false;
        }

        if (read.ModelLed && UnansweredSubject(text) is { Length: > 0 } folded)
        {
            turn.Log(EventKinds.QuestionModelAnswered, folded);
        }

        return true;
    }
}
