namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>What to do with a question: answer it, ask which of two topics was meant, or say it was not understood.</summary>
public enum QuestionDecision
{
    Answer,
    Ask,
    NotUnderstood,
}

/// <summary>
/// A topic with the classifier's probability for it and the best place to send the resident within it;
/// <see cref="Coverage"/>: how much of the question that answer covers (1 for a topic's own dialog).
/// </summary>
public sealed record TopicGuess(string Topic, double Confidence, AnswerRef Answer, double Coverage = 1);

/// <summary>
/// The outcome of reading one message: the decision, the best topic and the runner-up, and whether it is put as a
/// question (a "?" or a question word) rather than a statement.
/// </summary>
public sealed record UnderstoodQuestion(string Normalized, QuestionDecision Decision, TopicGuess Best, TopicGuess? RunnerUp, bool IsQuestion = true)
{
    /// <summary>Where to send the resident when not understood (the body the question names, else UBND xã).</summary>
    public Referral? Referral { get; init; }

    /// <summary>True when a topic was clear but no answer of it covered the question well enough: an honest "I don't know".</summary>
    public bool WeakAnswer { get; init; }

    /// <summary>How sure the answer found is (null when it is not an FAQ entry or article); see <see cref="AnswerConfidence"/>.</summary>
    public AnswerConfidence? Confidence { get; init; }

    /// <summary>
    /// True when the two answers offered in a close call are two entries whose subjects differ (<see cref="SubjectIndex"/>):
    /// their buttons name the entries' questions, not the topics.
    /// </summary>
    public bool BetweenAnswers { get; init; }

    /// <summary>
    /// When the answer was too weak to give (<see cref="WeakAnswer"/>): the closest entries, best first, that still cover
    /// a fair share of the question. They are offered as buttons beside the honest "I don't know" (a two-stage
    /// fallback): the resident whose question it was gets the answer in one tap, anyone else loses nothing.
    /// </summary>
    public IReadOnlyList<TopicGuess> Suggestions { get; init; } = [];

    /// <summary>
    /// True when the search found its best entry too weak and the entry model's first entry answers instead
    /// (<see cref="QuestionUnderstanding.Thresholds.ModelLeads"/>): right most of the time, but wrong more often than a
    /// search answer, so the engine records it for staff to check (<see cref="Dialogs.EventKinds.QuestionModelAnswered"/>).
    /// </summary>
    public bool ModelLed { get; init; }

    public const string UnknownTopic = "unknown";

    /// <summary>The topic the bot acts on: "unknown" when it did not understand.</summary>
    public string Topic => Decision == QuestionDecision.NotUnderstood ? UnknownTopic : Best.Topic;

    /// <summary>The answer given (for a close call, the first of the two offered); null when not understood.</summary>
    public AnswerRef? Answer => Decision == QuestionDecision.NotUnderstood ? null : Best.Answer;
}
