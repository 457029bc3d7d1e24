namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>How a reply served the resident, judged against the answers the row accepts.</summary>
public enum AnswerVerdict
{
    /// <summary>An answer given is one the row accepts (an accepted referral included).</summary>
    Fit,

    /// <summary>The bot asked back (which of two topics; which of two questions) instead of answering.</summary>
    Asked,

    /// <summary>The bot sent the resident elsewhere (a referral the row does not list) or said it did not know.</summary>
    Referred,

    /// <summary>A confident answer the row does not accept: the resident is told something that does not help.</summary>
    ConfidentWrong,
}

/// <summary>One row's result: what the bot gave (answer ids as in the contract), what it offered, the verdict.</summary>
public sealed record AnswerOutcome(AnswerSetRow Row, IReadOnlyList<string> Given, IReadOnlyList<string> Offered, AnswerVerdict Verdict)
{
    /// <summary>The first answer given, or what the bot did instead ("ask", "unanswered").</summary>
    public string Shown => Given.Count > 0 ? Given[0] : Verdict == AnswerVerdict.Asked ? "ask" : "unanswered";

    /// <summary>
    /// What the buttons beside an "I don't know", or of a question back, lead to (not answers: the resident chooses).
    /// </summary>
    public IReadOnlyList<string> Suggested { get; init; } = [];

    /// <summary>
    /// Referred or asked back, with an accepted answer among the buttons: one tap from it. A question back between two
    /// entries that holds the right one was counted as no help until 7 December (stop 45).
    /// </summary>
    public bool SuggestedRight => Verdict is AnswerVerdict.Referred or AnswerVerdict.Asked && Suggested.Any(Row.Accept.Contains);
}
