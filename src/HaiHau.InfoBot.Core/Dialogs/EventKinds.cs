namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>Event kinds a turn records (goflow style: snake_case, past tense).</summary>
public static class EventKinds
{
    public const string MessageReceived = "msg_received";
    public const string ConversationStarted = "conversation_started";
    public const string ConversationExpired = "conversation_expired";
    public const string DialogStarted = "dialog_started";
    public const string DialogCompleted = "dialog_completed";
    public const string ArticleViewed = "article_viewed";
    public const string PromptRetried = "prompt_retried";
    public const string PromptAbandoned = "prompt_abandoned";
    public const string HandoffRequested = "handoff_requested";
    public const string Cancelled = "cancelled";
    public const string InputRejected = "input_rejected";
    public const string DataErased = "data_erased";

    /// <summary>Free text understood as a topic (subject: the topic id).</summary>
    public const string QuestionUnderstood = "question_understood";

    /// <summary>A question answered (subject: what answered it, "faq:…", "article:…" or "topic:…").</summary>
    public const string QuestionAnswered = "question_answered";

    /// <summary>Two topics were close and the resident was asked which (subject: "topic|topic").</summary>
    public const string QuestionAmbiguous = "question_ambiguous";

    /// <summary>
    /// A question the bot could not place (subject: the question folded, for staff to write content for).
    /// The resident's own words: «xóa dữ liệu của tôi» clears the subject with every other text.
    /// </summary>
    public const string QuestionUnanswered = "question_unanswered";

    /// <summary>The resident asked to receive no announcements.</summary>
    public const string OptOutRequested = "opt_out_requested";
}
