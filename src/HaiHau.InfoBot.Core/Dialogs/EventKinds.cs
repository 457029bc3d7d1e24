namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>Event kinds a turn records (goflow style: snake_case, past tense): the only place an <see cref="EventKind"/> is made.</summary>
public static class EventKinds
{
    // First: the fields below register themselves here as they are initialised, in textual order.
    private static readonly Dictionary<string, EventKind> ByName = new(StringComparer.Ordinal);
    private static readonly List<EventKind> Defined = [];

    public static readonly EventKind MessageReceived = Define("msg_received");
    public static readonly EventKind ConversationStarted = Define("conversation_started");
    public static readonly EventKind ConversationExpired = Define("conversation_expired");
    public static readonly EventKind DialogStarted = Define("dialog_started");
    public static readonly EventKind DialogCompleted = Define("dialog_completed");
    public static readonly EventKind ArticleViewed = Define("article_viewed");
    public static readonly EventKind PromptRetried = Define("prompt_retried");
    public static readonly EventKind PromptAbandoned = Define("prompt_abandoned");

    /// <summary>The resident asked about the waiting question itself and got its <c>help</c> (subject: dialog/node), then the question again.</summary>
    public static readonly EventKind PromptExplained = Define("prompt_explained");
    public static readonly EventKind HandoffRequested = Define("handoff_requested");
    public static readonly EventKind Cancelled = Define("cancelled");
    public static readonly EventKind InputRejected = Define("input_rejected");
    public static readonly EventKind DataErased = Define("data_erased");

    /// <summary>A message arrived while an officer was answering by hand (Zalo OA chat tool): the bot stayed silent.</summary>
    public static readonly EventKind BotSilenced = Define("bot_silenced");

    /// <summary>
    /// A poverty screening was run; the stored event deliberately has no result (nothing about a household is kept).
    /// Its data (never stored with the conversation) carries the class and commune, which only an anonymous
    /// per-day tally counts (<c>screening_tallies</c>).
    /// </summary>
    public static readonly EventKind ScreeningCompleted = Define("screening_completed");

    /// <summary>The resident consented to something being kept (subject: what, e.g. course_interest).</summary>
    public static readonly EventKind ConsentGiven = Define("consent_given");

    /// <summary>A job or course listing was opened (subject: kind:code).</summary>
    public static readonly EventKind ListingViewed = Define("listing_viewed");

    /// <summary>The resident asked to be told of new jobs or courses (subject: jobs/courses; data: commune). Stored.</summary>
    public static readonly EventKind NewsSubscribed = Define("news_subscribed");

    /// <summary>The resident stopped news of that kind. The stored subscription is deleted.</summary>
    public static readonly EventKind NewsUnsubscribed = Define("news_unsubscribed");

    /// <summary>The resident consented and registered interest in a course (subject: course code; data: consent time). Stored as a lead.</summary>
    public static readonly EventKind CourseInterestRegistered = Define("course_interest_registered");

    /// <summary>Free text understood as a topic (subject: the topic id).</summary>
    public static readonly EventKind QuestionUnderstood = Define("question_understood");

    /// <summary>A question answered (subject: what answered it, "faq:…", "article:…" or "topic:…").</summary>
    public static readonly EventKind QuestionAnswered = Define("question_answered");

    /// <summary>Two topics were close and the resident was asked which (subject: "topic|topic").</summary>
    public static readonly EventKind QuestionAmbiguous = Define("question_ambiguous");

    /// <summary>
    /// A question the bot could not place (subject: the question folded, for staff to write content for).
    /// The resident's own words: «xóa dữ liệu của tôi» clears the subject with every other text.
    /// </summary>
    public static readonly EventKind QuestionUnanswered = Define("question_unanswered");

    /// <summary>
    /// An unanswered question sent to a named place other than UBND xã (subject: the referral id), logged with
    /// <see cref="QuestionUnanswered"/>: the statistics tell «referred» from «not understood» by it.
    /// </summary>
    public static readonly EventKind QuestionReferred = Define("question_referred");

    /// <summary>
    /// A question answered on the entry model's reading (<see cref="Understanding.UnderstoodQuestion.ModelLed"/>), logged
    /// after its <see cref="QuestionAnswered"/>, which names the entry given (subject: the question folded and cut as an
    /// unanswered one is kept, <see cref="DialogEngine.UnansweredSubject"/>). Such answers are wrong more often than the
    /// search's, so staff check them beside the unanswered questions; the resident's words are cleared as those are.
    /// A kind of its own, not data on the answer: event data is never stored (turn_events keeps kind and subject).
    /// </summary>
    public static readonly EventKind QuestionModelAnswered = Define("question_model_answered");

    /// <summary>The resident asked to receive no announcements.</summary>
    public static readonly EventKind OptOutRequested = Define("opt_out_requested");

    /// <summary>Registration saved some of its fields (data: see <see cref="Residents.ProfileEvents.Fields"/>).</summary>
    public static readonly EventKind ProfileSaved = Define("profile_saved");

    /// <summary>A conversation was linked to a register household (data: household_id, linked_by).</summary>
    public static readonly EventKind HouseholdLinked = Define("household_linked");

    /// <summary>The household code and name the resident gave match no register household.</summary>
    public static readonly EventKind HouseholdNotFound = Define("household_not_found");

    /// <summary>An officer took the conversation over on the platform (Zalo OA chat tool); written by the store, not a turn.</summary>
    public static readonly EventKind HumanTakeover = Define("human_takeover");

    /// <summary>
    /// A composed answer (the optional answerer, issue 17) replaced the retrieval answer of the turn (subject: the entry
    /// it was grounded on, "faq:…"). Written by the answerer's worker, not a turn; the turn's own
    /// <see cref="QuestionAnswered"/> already counts the answer for reach.
    /// </summary>
    public static readonly EventKind AnswerComposed = Define("answer_composed");

    /// <summary>
    /// The grounding guard discarded a composed answer (subject: what was not in the entries or today's facts, e.g.
    /// "number:5000000", "repealed:146/2018/NĐ-CP"); the retrieval answer went out instead. For staff to review.
    /// </summary>
    public static readonly EventKind AnswerRejected = Define("answer_rejected");

    /// <summary>Every kind, in the order defined.</summary>
    public static IReadOnlyList<EventKind> All => Defined;

    /// <summary>The kind stored under this name, or null for a name no code emits (an old or mistyped one).</summary>
    public static EventKind? Find(string name) => ByName.GetValueOrDefault(name);

    private static EventKind Define(string name)
    {
        var kind = new EventKind(name);
        ByName.Add(name, kind);
        Defined.Add(kind);
        return kind;
    }
}
