namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// One question the bot did not answer: <see cref="Text"/> is folded (no diacritics, lower case), as kept;
/// <see cref="AskedBack"/> when the bot asked "which topic?" rather than admit it did not understand.
/// </summary>
public sealed record AskedQuestion(string Text, DateTimeOffset At, long ConversationId, bool AskedBack);

/// <summary>Questions that look alike (<see cref="QuestionGrouping"/>), with the words of the most frequent one first.</summary>
public sealed record QuestionGroup(string Text, int Count, int AskedBack, IReadOnlyList<string> Examples, long SourceConversationId, DateTimeOffset LastAt);
