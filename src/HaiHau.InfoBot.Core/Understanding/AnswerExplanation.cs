namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// How one message was read (<see cref="QuestionUnderstanding.Explain"/>): the decision, the ask at the end of a letter
/// the coverage is also measured on (empty: the whole message is the ask), the best-ranked answers, and the body the
/// message names (null: none).
/// </summary>
public sealed record AnswerExplanation(
    UnderstoodQuestion Question, IReadOnlyList<string> Focus, IReadOnlyList<AnswerCandidate> Candidates, NamedBody? NamedBody);

/// <summary>One answer the search ranked for a message: its score (BM25, leaned by the topic) and its coverage.</summary>
public sealed record AnswerCandidate(AnswerRef Answer, string Topic, double Score, double Coverage);
