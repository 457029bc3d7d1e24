namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// What the bot remembers of one conversation between turns (Bot Framework's DialogState): the dialog stack,
/// answers, and the prompts visited (for "quay lại"). Stored as JSON after every turn.
/// </summary>
public sealed class ConversationState
{
    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>Conversation-wide values (set with scope: conversation), e.g. the resident's commune.</summary>
    public Dictionary<string, string> Vars { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Snapshots of the stack at each prompt asked, newest last, so "quay lại" can re-ask the previous one.</summary>
    public List<List<DialogFrame>> History { get; set; } = [];

    public DateTimeOffset? LastActivityAt { get; set; }

    public int Turns { get; set; }

    /// <summary>
    /// The button a typed «có» presses on the next turn: the one offer the last reply asked about («Bác muốn cháu ước
    /// tính đầy đủ … không?»). Kept for that turn only (the case's numbers in it go with the next message).
    /// </summary>
    public string? Offer { get; set; }

    /// <summary>
    /// The topic of the entry or article the last reply gave, for a follow-up on the next turn only («còn hộ cận nghèo
    /// thì sao» after the poor household's BHYT card is the near-poor's card). A topic's name, nothing the resident said.
    /// </summary>
    public string? AnsweredTopic { get; set; }

    /// <summary>
    /// The FAQ entry or article the last reply gave (its payload, «faq:vay-ho-ngheo»), for a follow-up on the next turn
    /// only that asks more of it without naming it again («lãi bao nhiêu», «nộp ở đâu»). An entry's id, nothing the
    /// resident said.
    /// </summary>
    public string? AnsweredEntry { get; set; }

    /// <summary>
    /// The buttons of the last message, when that message was not the waiting question's own (an answer's «Đọc bài đầy
    /// đủ», a referral's suggested entries): Zalo and Telegram number them, so a number typed next presses one of them,
    /// not the question's button of that number (<see cref="TypedNumber"/>). Button ids only, for the next turn only.
    /// </summary>
    public List<string>? LastButtons { get; set; }

    public ConversationState Clone() => new()
    {
        Stack = Stack.Select(f => f.Clone()).ToList(),
        Vars = new Dictionary<string, string>(Vars, StringComparer.Ordinal),
        History = History.Select(s => s.Select(f => f.Clone()).ToList()).ToList(),
        LastActivityAt = LastActivityAt,
        Turns = Turns,
        Offer = Offer,
        AnsweredTopic = AnsweredTopic,
        AnsweredEntry = AnsweredEntry,
        LastButtons = LastButtons is null ? null : [.. LastButtons],
    };
}

/// <summary>One running dialog: where it is and its own answers (dropped when it ends: store the minimum).</summary>
public sealed class DialogFrame
{
    public string DialogId { get; set; } = string.Empty;

    public string NodeId { get; set; } = string.Empty;

    /// <summary>True while the frame waits at a prompt; false while it waits for a called dialog to return.</summary>
    public bool Waiting { get; set; }

    public int Attempts { get; set; }

    public Dictionary<string, string> Vars { get; set; } = new(StringComparer.Ordinal);

    public DialogFrame Clone() => new()
    {
        DialogId = DialogId,
        NodeId = NodeId,
        Waiting = Waiting,
        Attempts = Attempts,
        Vars = new Dictionary<string, string>(Vars, StringComparer.Ordinal),
    };
}
