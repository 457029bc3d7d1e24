namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Reads a resident's free text: which topic, how sure, and which answer. Injected into the engine through
/// <see cref="Dialogs.DialogServices"/>; pure and fast (trained once at start-up, then read-only).
/// </summary>
public interface IQuestionUnderstanding
{
    UnderstoodQuestion Understand(string text);

    /// <summary>The words of a text as <see cref="Understand"/> reads them (its <c>Normalized</c>), without reading the rest.</summary>
    IReadOnlyList<string> Tokens(string text);

    /// <summary>The topic's label and action (content/understanding/topics.yaml); null for "unknown".</summary>
    TopicSettings? Settings(string topic);

    /// <summary>An FAQ entry by id (content/faq/&lt;id&gt;.md).</summary>
    Content.FaqEntry? FindFaq(string id);

    /// <summary>A referral body by id (content/referrals.yaml): where the last "I don't know" sent the resident.</summary>
    Referral? FindReferral(string id);

    UnderstandingMessages Messages { get; }
}
