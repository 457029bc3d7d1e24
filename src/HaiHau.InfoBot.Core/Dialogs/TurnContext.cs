using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// The I/O the engine may use, injected (goflow's Services): content, the dialogs, the clock, the job and course
/// listings, the reading of free text (null: free text is only ever an answer to the prompt, as in the node tests),
/// and residents' registrations (read-only).
/// </summary>
public sealed record DialogServices(
    IContentStore Content,
    DialogCatalog Dialogs,
    TimeProvider Time,
    EngineOptions Options,
    IListingSource? Listings = null,
    IQuestionUnderstanding? Understanding = null,
    Residents.IResidentRegister? Residents = null)
{
    /// <summary>Job and course listings (a read-only snapshot); none when the host gave no source.</summary>
    public IListingSource ListingSource => Listings ?? NoListings.Instance;

    /// <summary>Residents' registrations; none when the host gave no register.</summary>
    public Residents.IResidentRegister Register => Residents ?? HaiHau.InfoBot.Core.Residents.NoResidentRegister.Instance;
}

/// <summary>Engine limits and defaults; bound from InfoBot:Conversations.</summary>
public sealed record EngineOptions
{
    /// <summary>A conversation idle longer than this starts fresh.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Longer messages are refused politely (they are still stored).</summary>
    public int MaxTextLength { get; init; } = 2000;

    /// <summary>Guards against a dialog that loops without ever asking anything.</summary>
    public int MaxStepsPerTurn { get; init; } = 100;

    /// <summary>Channels whose residents are offered to be notified by phone (Zalo ZNS, when configured); none by default.</summary>
    public IReadOnlySet<string> PhoneNotifyChannels { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Channels whose typed questions may go to a language model service (the host's answerer); none by default.</summary>
    public IReadOnlySet<string> ModelAssistedChannels { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Who runs that language model service, as residents are told; null when not named.</summary>
    public string? ModelOperator { get; init; }
}

/// <summary>What a resident sent, cleaned: text (NFC, no control characters), a pressed button's id, a verified phone.</summary>
public sealed record TurnInput(string Text, string? Payload, string? ContactPhone = null);

/// <summary>
/// Something that happened in a turn, for statistics and the reach log (snake_case, past tense). <see cref="Data"/>
/// carries what the store must keep from it (a subscription's commune, a lead's consent time, a resident's registration
/// answers): the turn's writers persist them in the turn's transaction, and they never go into the event log itself.
/// </summary>
public sealed record TurnEvent(EventKind Kind, string? Subject = null, IReadOnlyDictionary<string, string>? Data = null);

/// <summary>The outcome of one turn: the new state, what to say, what happened.</summary>
public sealed record TurnResult(ConversationState State, IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<TurnEvent> Events);

/// <summary>One turn in progress (Bot Framework's TurnContext): nodes read the input and add replies here.</summary>
public sealed class TurnContext(ConversationState state, DialogServices services, TurnInput input)
{
    private readonly List<OutboundMessage> _replies = [];
    private readonly List<TurnEvent> _events = [];

    public ConversationState State { get; } = state;

    public DialogServices Services { get; } = services;

    public TurnInput Input { get; private set; } = input;

    /// <summary>
    /// What the last answer told for the prompt after it, carried to that prompt within the turn («có, thêm việc làm» at
    /// «more topics?»: the yes, then «việc làm» for «which topic?»). Taken by the next prompt entered, or dropped.
    /// </summary>
    internal string? Carried { get; set; }

    /// <summary>Reads <paramref name="read"/> as if the resident had typed <paramref name="text"/> alone, then the real input again.</summary>
    internal T Reading<T>(string text, Func<T> read)
    {
        var real = Input;
        Input = new TurnInput(text, null);
        try
        {
            return read();
        }
        finally
        {
            Input = real;
        }
    }

    /// <summary>
    /// The typed text was a command the waiting prompt has a button for, and <see cref="Input"/> carries that button:
    /// the command itself is not run («gặp cán bộ» at a prompt with a «Gặp cán bộ» button presses it).
    /// </summary>
    public bool CommandPressedButton { get; init; }

    /// <summary>Who is talking (set by the engine): the registration nodes look the resident up by it.</summary>
    public ConversationRef? From { get; init; }

    /// <summary>The topic the previous reply answered from (<see cref="ConversationState.AnsweredTopic"/>), for a follow-up.</summary>
    public string? PreviousTopic { get; init; }

    /// <summary>The entry or article the previous reply gave (<see cref="ConversationState.AnsweredEntry"/>), for a follow-up on it.</summary>
    public string? PreviousAnswer { get; init; }

    /// <summary>The button a typed «có» would have pressed on this turn (<see cref="ConversationState.Offer"/>): after a
    /// computed case it carries that case's numbers, for a follow-up that changes one of them.</summary>
    public string? PreviousOffer { get; init; }

    public IReadOnlyList<OutboundMessage> Replies => _replies;

    public IReadOnlyList<TurnEvent> Events => _events;

    public DialogFrame Frame => State.Stack[^1];

    /// <summary>The reply that asked the question now waiting, when it was asked in this turn (<see cref="TypedNumber"/>).</summary>
    internal int QuestionReply { get; set; } = -1;

    /// <summary>Set by the erase_data node: the engine ends the turn with an empty state, the store deletes the texts.</summary>
    public bool EraseRequested { get; set; }

    public void Say(string template, IReadOnlyList<QuickReply>? choices = null) =>
        _replies.Add(new OutboundMessage(Render(template), choices ?? []));

    /// <summary>When the conversation goes idle, the last message offers a way on (menu, a person) if it has no buttons.</summary>
    public void EnsureWayOn()
    {
        if (_replies.Count > 0 && _replies[^1].QuickReplies.Count == 0)
        {
            _replies[^1] = _replies[^1] with { QuickReplies = GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff) };
        }
    }

    /// <summary>Says words already rendered (the rest of a shortened answer: its braces are not templates any more).</summary>
    public void SayAsIs(string text, IReadOnlyList<QuickReply> choices) => _replies.Add(new OutboundMessage(text, choices));

    /// <summary>Replaces the last message (shortened by «Xem thêm»).</summary>
    public void ReplaceLast(OutboundMessage message) => _replies[^1] = message;

    /// <summary>Puts <paramref name="choice"/> first among the last message's buttons (a second question offered after an answer).</summary>
    public void OfferFirst(QuickReply choice)
    {
        if (_replies.Count > 0)
        {
            _replies[^1] = _replies[^1] with { QuickReplies = [choice, .. _replies[^1].QuickReplies] };
        }
    }

    public void Log(EventKind kind, string? subject = null, IReadOnlyDictionary<string, string>? data = null) => _events.Add(new TurnEvent(kind, subject, data));

    public void Set(string name, string value, bool conversationScope)
    {
        if (conversationScope)
        {
            State.Vars[name] = value;
        }
        else
        {
            Frame.Vars[name] = value;
        }
    }

    /// <summary>The innermost value: this dialog's answers, then its callers', then the conversation's.</summary>
    public string? Get(string name)
    {
        if (name == VerifiedPhoneChannels.Variable)
        {
            return VerifiedPhoneChannels.Supports(From?.Channel) ? "yes" : null;
        }

        if (name == PhoneNotifyChannels.Variable)
        {
            return From?.Channel is { } channel && Services.Options.PhoneNotifyChannels.Contains(channel) ? "yes" : null;
        }

        if (name is ModelAssistedChannels.Variable or ModelAssistedChannels.OperatorVariable)
        {
            var assisted = From?.Channel is { } channel && Services.Options.ModelAssistedChannels.Contains(channel);
            return !assisted ? null : name == ModelAssistedChannels.Variable ? "yes" : Services.Options.ModelOperator;
        }

        for (var i = State.Stack.Count - 1; i >= 0; i--)
        {
            if (State.Stack[i].Vars.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return State.Vars.GetValueOrDefault(name);
    }

    public string Render(string template) => TextTemplate.Render(template, Resolve);

    private string Resolve(TextTemplate.Reference reference) => reference.Kind switch
    {
        "fact" => Services.Content.FindFact(reference.Key) is { } fact
            ? FactFormatter.Format(fact, Screening.PovertyRuleSets.Today(Services.Time), reference.Style)
            : reference.Raw,
        "var" => FormatVar(Get(reference.Key)),
        "contact" => ContactBlock.Describe(Services.Content, Get("commune")),
        _ => reference.Raw,
    };

    private static string FormatVar(string? value) =>
        value is not null && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? VietnameseFormat.Number(number)
            : value ?? "…";
}
