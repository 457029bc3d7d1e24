using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A node that asks and waits (Bot Framework's prompt with a validator): it re-asks with <see cref="RetryText"/> and the question again
/// and gives up politely after <see cref="MaxAttempts"/> answers it could not understand.
/// </summary>
public abstract class PromptNode : DialogNode
{
    public const string DefaultGiveUpText =
        "Cháu chưa hiểu ý bác, nên cháu xin dừng câu hỏi này. Bác gõ «gặp cán bộ» bất cứ lúc nào để được cán bộ giúp nhé.";

    /// <summary>The fields all prompts share.</summary>
    public required PromptSpec Spec { get; init; }

    public string Text => Spec.Text;

    public string? RetryText => Spec.RetryText;

    public int MaxAttempts => Spec.MaxAttempts;

    /// <summary>Where the answer is kept; null when only the branch taken matters.</summary>
    public string? Var => Spec.Var;

    public Reference? OnGiveUp => Spec.OnGiveUp;

    protected abstract string DefaultRetryText { get; }

    /// <summary>
    /// True when a message this prompt cannot use may be a question of its own ("thẻ bhyt hết hạn thì sao" while the
    /// bot asks which household the resident belongs to): the engine then tries to answer it before re-asking.
    /// False where any text is an answer (ask_text).
    /// </summary>
    public virtual bool TakesQuestions => true;

    /// <summary>Whether this turn's input answers the prompt, without acting on it.</summary>
    public bool Understands(TurnContext turn) => Recognize(turn) is not null;

    /// <summary>Whether the input answers the prompt beyond doubt (a button, a number, a whole label), not by a guess.</summary>
    public virtual bool UnderstandsExactly(TurnContext turn) => Understands(turn);

    public override NodeOutcome Enter(TurnContext turn)
    {
        if (Prefill.Skip(turn, this) is { } told)
        {
            return told; // the resident said it already (a prefilled screener): do not ask again
        }

        turn.Frame.Attempts = 0;
        if (turn.Carried is { } carried)
        {
            // The reply to the question before also answered this one: taken as if typed here, not asked.
            turn.Carried = null;
            if (turn.Reading(carried, () => Recognize(turn)) is not null)
            {
                return turn.Reading(carried, () => Resume(turn));
            }
        }

        turn.Say(Text, Choices(turn));
        return NodeOutcome.Wait;
    }

    /// <summary>Whether this prompt reads <paramref name="text"/> as its answer (nothing is kept).</summary>
    internal bool Reads(TurnContext turn, string text) => turn.Reading(text, () => Recognize(turn)) is not null;

    /// <summary>Reads the resident's answer to this prompt.</summary>
    public NodeOutcome Resume(TurnContext turn)
    {
        if (Recognize(turn) is { } answer)
        {
            if (Var is not null)
            {
                turn.Set(Var, answer.Value, Spec.ConversationScope);
            }

            turn.Frame.Attempts = 0;
            Accepted(turn, answer);
            return NodeOutcome.GoTo((answer.Next ?? Next)?.Id);
        }

        if (Clarify(turn) is { } clarification)
        {
            // Understood but not enough to answer (a former commune whose successor is unknown): ask more, no attempt spent.
            turn.Say(clarification, Choices(turn));
            return NodeOutcome.Wait;
        }

        if (OnGiveUp is not null && GivesUpNow(turn))
        {
            return new NodeOutcome.Continue(OnGiveUp.Id); // the resident says they cannot answer: go on without it
        }

        turn.Frame.Attempts++;
        if (turn.Frame.Attempts >= MaxAttempts)
        {
            turn.Log(EventKinds.PromptAbandoned, $"{turn.Frame.DialogId}/{Id}");
            if (OnGiveUp is not null)
            {
                return new NodeOutcome.Continue(OnGiveUp.Id);
            }

            turn.Say(DefaultGiveUpText);
            return NodeOutcome.End;
        }

        turn.Log(EventKinds.PromptRetried, $"{turn.Frame.DialogId}/{Id}");

        // The hint alone («bác bấm một nút») leaves the resident scrolling up for what was asked (issue 12 §5): the
        // question itself comes again, last, next to its buttons.
        turn.Say($"{RetryText ?? DefaultRetryText}\n\n{Text}", Choices(turn));
        return NodeOutcome.Wait;
    }

    public override IEnumerable<Reference> Targets() =>
        OnGiveUp is null ? base.Targets() : base.Targets().Append(OnGiveUp);

    public override IEnumerable<(string Text, SourceLocation At)> Texts()
    {
        yield return (Text, Spec.TextAt);
        if (RetryText is not null)
        {
            yield return (RetryText, Spec.TextAt);
        }

        if (Spec.Help is not null)
        {
            yield return (Spec.Help, Spec.TextAt);
        }
    }

    /// <summary>Whether this prompt's own buttons include <paramref name="choiceId"/> (else the press is from an older message).</summary>
    public bool Offers(TurnContext turn, string choiceId) => Choices(turn).Any(c => c.Id == choiceId);

    protected virtual IReadOnlyList<QuickReply> Choices(TurnContext turn) => [];

    /// <summary>
    /// The id of this prompt's own button for a command typed anywhere («gặp cán bộ», «thôi»): the button labelled as the
    /// command, or for «thôi» the one that ends the dialog («Xong rồi», «Không, cảm ơn»); null when it has none. The
    /// button keeps the dialog's own way (the training dialog's «Gặp cán bộ» goes on to its own next step).
    /// </summary>
    public virtual string? ButtonFor(TurnContext turn, GlobalCommand command)
    {
        var own = VietnameseText.Fold(GlobalCommands.Label(command));
        var choices = Choices(turn);
        return choices.FirstOrDefault(c => VietnameseText.Fold(c.Label) == own)?.Id
            ?? (command == GlobalCommand.Cancel ? choices.FirstOrDefault(c => Finishes(c.Label))?.Id : null);
    }

    /// <summary>«Xong rồi», «Không, cảm ơn»: the button that ends what is being asked.</summary>
    public static bool Finishes(string label) =>
        VietnameseText.Fold(label) is "xong" or "xong roi" or "khong cam on" or "thoi";

    /// <summary>
    /// The reply says the answer is not known («quên mất rồi», «không biết»): where the prompt has somewhere to go without
    /// it (<c>on_give_up</c>), it goes there now rather than after asking again and again.
    /// </summary>
    protected virtual bool GivesUpNow(TurnContext turn) => false;

    /// <summary>Called once an answer is taken, before moving on (e.g. to say a one-time note about it).</summary>
    protected virtual void Accepted(TurnContext turn, Answer answer)
    {
    }

    /// <summary>A question to ask instead of the retry text when the input was understood but is not an answer yet.</summary>
    protected virtual string? Clarify(TurnContext turn) => null;

    /// <summary>The answer understood, or null to re-ask.</summary>
    protected abstract Answer? Recognize(TurnContext turn);

    protected sealed record Answer(string Value, Reference? Next = null);
}

/// <summary>What every prompt says and how patient it is.</summary>
public sealed record PromptSpec(string Text, SourceLocation TextAt, string? RetryText, int MaxAttempts, string? Var, bool ConversationScope, Reference? OnGiveUp)
{
    /// <summary>
    /// Said when the resident asks about the question itself instead of answering it («sao phải hỏi thu nhập», «thị trấn
    /// là cái nào»), a question no entry answers; then the question again. Null when the prompt has none.
    /// </summary>
    public string? Help { get; init; }

    public static PromptSpec Read(NodeSeed seed) => new(
        seed.Text(),
        seed.At("text"),
        seed.Reader.OptionalString(seed.Map, "retry_text"),
        seed.Reader.OptionalInt(seed.Map, "max_attempts", 1, 10) ?? 3,
        seed.Reader.OptionalString(seed.Map, "var"),
        seed.ConversationScope(),
        seed.Ref("on_give_up"))
    {
        Help = seed.Reader.OptionalString(seed.Map, "help"),
    };
}
