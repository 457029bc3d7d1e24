namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>What to do with a question: answer it, ask which of two topics was meant, or say it was not understood.</summary>
public enum QuestionDecision
{
    Answer,
    Ask,
    NotUnderstood,
}

/// <summary>A topic with the classifier's probability for it and the best place to send the resident within it.</summary>
public sealed record TopicGuess(string Topic, double Confidence, AnswerRef Answer);

/// <summary>
/// The outcome of reading one message: the decision, the best topic and the runner-up, and whether it is put as a
/// question (a "?" or a question word) rather than a statement.
/// </summary>
public sealed record UnderstoodQuestion(string Normalized, QuestionDecision Decision, TopicGuess Best, TopicGuess? RunnerUp, bool IsQuestion = true)
{
    public const string UnknownTopic = "unknown";

    /// <summary>The topic the bot acts on: "unknown" when it did not understand.</summary>
    public string Topic => Decision == QuestionDecision.NotUnderstood ? UnknownTopic : Best.Topic;

    /// <summary>The answer given (for a close call, the first of the two offered); null when not understood.</summary>
    public AnswerRef? Answer => Decision == QuestionDecision.NotUnderstood ? null : Best.Answer;
}
