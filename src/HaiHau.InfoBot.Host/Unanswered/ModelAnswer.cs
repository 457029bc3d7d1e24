namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// An answer the entry model chose for a question the search found too weak (question_model_answered): the question as
/// kept (folded, cut, as an unanswered one), and what answered it ("faq:…", "article:…"; null when that row is gone).
/// </summary>
public sealed record ModelAnswer(AskedQuestion Question, string? Answer);
