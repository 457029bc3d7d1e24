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

    /// <summary>A message arrived while an officer was answering by hand (Zalo OA chat tool): the bot stayed silent.</summary>
    public const string BotSilenced = "bot_silenced";

    /// <summary>A poverty screening was run; deliberately without its result (nothing about a household is kept).</summary>
    public const string ScreeningCompleted = "screening_completed";

    /// <summary>The resident consented to something being kept (subject: what, e.g. course_interest).</summary>
    public const string ConsentGiven = "consent_given";

    /// <summary>A job or course listing was opened (subject: kind:code).</summary>
    public const string ListingViewed = "listing_viewed";

    /// <summary>The resident asked to be told of new jobs or courses (subject: jobs/courses; data: commune). Stored.</summary>
    public const string NewsSubscribed = "news_subscribed";

    /// <summary>The resident stopped news of that kind. The stored subscription is deleted.</summary>
    public const string NewsUnsubscribed = "news_unsubscribed";

    /// <summary>The resident consented and registered interest in a course (subject: course code; data: consent time). Stored as a lead.</summary>
    public const string CourseInterestRegistered = "course_interest_registered";

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
