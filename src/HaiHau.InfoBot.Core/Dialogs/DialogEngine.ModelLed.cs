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
        if (!Go(turn, understanding, question.Best.Answer, insideDialog))
        {
            return false;
        }

        NoteModelLed(turn, question, text);
        return true;
    }

    /// <summary>
    /// A follow-up answered with what one of its readings chose (read alone, with the answer's question, with the household
    /// category): recorded for staff as <see cref="AnswerRead"/> records it when the entry model chose it. Follow-ups had
    /// gone unrecorded, so a model's guess after an answer was never shown for review.
    /// </summary>
    private bool GoWith(TurnContext turn, IQuestionUnderstanding understanding, UnderstoodQuestion read, string text)
    {
        if (!Go(turn, understanding, read.Best.Answer, insideDialog: false))
        {
            return false;
        }

        NoteModelLed(turn, read, text);
        return true;
    }

    private static void NoteModelLed(TurnContext turn, UnderstoodQuestion read, string text)
    {
        if (read.ModelLed && UnansweredSubject(text) is { Length: > 0 } folded)
        {
            turn.Log(EventKinds.QuestionModelAnswered, folded);
        }
    }
}
