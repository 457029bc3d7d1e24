using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>Runs one turn of a conversation. Pure: state in, state + replies + events out (STYLE.md habit 7).</summary>
public interface IDialogEngine
{
    TurnResult RunTurn(ConversationState state, InboundMessage message);
}

/// <summary>
/// The dialog runtime: a dialog stack with call/return, prompts that validate and retry, global commands
/// ("menu", "quay lại", "hủy", "gặp cán bộ") and idle expiry. It never saves, sends or reads the clock
/// except through <see cref="DialogServices"/>.
/// </summary>
public sealed partial class DialogEngine(DialogServices services) : IDialogEngine
{
    private const int HistoryLimit = 10;

    public TurnResult RunTurn(ConversationState state, InboundMessage message)
    {
        var next = state.Clone();
        var now = services.Time.GetUtcNow();
        if (TypedNumber.Pressed(next, message, QuestionTakesNumbers(next)) is { } pressed)
        {
            message = message with { Text = null, ButtonPayload = pressed };
        }

        next.LastButtons = null;
        var text = VietnameseText.Clean(message.Text);
        var nonText = NonTextContent.KindOf(message.ButtonPayload);
        var input = new TurnInput(text, nonText is null ? message.ButtonPayload : null, message.ContactPhone);
        var turn = new TurnContext(next, services, input) { From = message.From, PreviousTopic = next.AnsweredTopic, PreviousAnswer = next.AnsweredEntry, PreviousOffer = next.Offer };
        if (CommandButton(turn) is { } button)
        {
            turn = new TurnContext(next, services, input with { Payload = button }) { From = message.From, PreviousTopic = next.AnsweredTopic, PreviousAnswer = next.AnsweredEntry, PreviousOffer = next.Offer, CommandPressedButton = true };
        }

        next.AnsweredTopic = null;
        next.AnsweredEntry = null;
        var lastActivity = next.LastActivityAt;
        next.LastActivityAt = now;
        next.Turns++;
        turn.Log(EventKinds.MessageReceived);
        var offer = next.Offer;
        next.Offer = null;

        Dispatch(turn, message, text, nonText, lastActivity is { } last ? now - last : null, offer);
        if (turn.EraseRequested)
        {
            // Nothing of the conversation survives: not its answers, not where it was, not that it greeted.
            return new TurnResult(new ConversationState { LastActivityAt = now }, turn.Replies, turn.Events);
        }

        ReadMore.Shorten(turn, questionWaits: next.Stack.Count > 0 && next.Stack[^1].Waiting && InTopicDialog(turn));
        ModelNotice.TellAfterAnAnswerIfUntold(turn, services);
        next.LastButtons = TypedNumber.Shown(turn);

        return new TurnResult(next, turn.Replies, turn.Events);
    }

    /// <summary>The waiting question is answered by a number or free words (household size, a search word).</summary>
    private bool QuestionTakesNumbers(ConversationState state) =>
        state.Stack is [.., { Waiting: true } frame] && FindNode(frame) is AskNumberNode or AskTextNode;

    private void Dispatch(TurnContext turn, InboundMessage message, string text, string? nonText, TimeSpan? idle, string? offer)
    {
        var state = turn.State;
        if (text.Length > services.Options.MaxTextLength)
        {
            turn.Log(EventKinds.InputRejected, "too_long");
            turn.Say($"Tin nhắn của bác dài quá ({VietnameseFormat.Number(text.Length)} ký tự). "
                + $"Bác nhắn ngắn gọn, dưới {VietnameseFormat.Number(services.Options.MaxTextLength)} ký tự, giúp cháu nhé.");
            Reask(turn);
            return;
        }

        if (message.IsStart)
        {
            if (!string.IsNullOrWhiteSpace(message.StartPayload))
            {
                state.Vars["start_payload"] = message.StartPayload;

                // A commune's QR code (t.me/<bot>?start=hai-chau) says where the resident lives: {contact} names its office.
                if (services.Content.FindCommune(message.StartPayload) is { } commune)
                {
                    state.Vars["commune"] = commune.Code;
                }
            }

            turn.Log(EventKinds.ConversationStarted, message.StartPayload);
            StartMain(turn);
            return;
        }

        if (nonText is not null)
        {
            // A photo or sticker: say kindly that only words are read, then read the caption if there is one.
            turn.Log(EventKinds.InputRejected, "non_text");
            turn.Say(NonTextNotice.For(nonText, hasCaption: text.Length > 0));
            if (text.Length == 0)
            {
                if (state.Stack.Count == 0 || idle > services.Options.IdleTimeout)
                {
                    StartMain(turn);
                }
                else
                {
                    Reask(turn);
                }

                return;
            }
        }

        if (idle > services.Options.IdleTimeout && state.Stack.Count > 0)
        {
            turn.Log(EventKinds.ConversationExpired);
            turn.Say($"Đã {VietnameseFormat.Duration(idle.Value)} kể từ lần trước bác nhắn, nên cháu xin bắt đầu lại từ đầu ạ.");
            StartMain(turn);
            return;
        }

        switch (turn.CommandPressedButton ? null : GlobalCommands.Recognise(text, turn.Input.Payload))
        {
            case GlobalCommand.Menu:
                StartMain(turn);
                return;
            case GlobalCommand.Cancel:
                Cancel(turn);
                return;
            case GlobalCommand.Back:
                Back(turn);
                return;
            case GlobalCommand.Handoff:
                Handoff(turn);
                return;
            case GlobalCommand.Erase:
                Erase(turn);
                return;
            case GlobalCommand.Goodbye:
                Goodbye(turn);
                return;
            case GlobalCommand.OptOut:
                // «dừng»: stop announcements if registered; either way the current question stops, as «hủy» would.
                turn.State.Stack.Clear();
                turn.State.History.Clear();
                Run(turn, new NodeOutcome.Call(DialogCatalog.OptOutDialogId));
                return;
        }

        if (ReadMore.ShowRest(turn))
        {
            return;
        }

        if (string.IsNullOrEmpty(message.Text) && message.ButtonPayload is null && message.ContactPhone is null)
        {
            // A sticker, a photo without a caption, a voice note: no words came at all, so it is not a wrong answer.
            // A verified phone has no words either, but it is the answer ask_contact waits for.
            // (Words that clean away to nothing, such as control characters, are a wrong answer and asked again.)
            turn.Log(EventKinds.InputRejected, "not_text");
            turn.Say("Dạ, cháu chỉ đọc được tin nhắn bằng chữ thôi ạ, chưa xem được hình, nhãn dán hay tin nhắn thoại. Bác gõ bằng chữ giúp cháu nhé.");
            AskAgainOrStart(turn);
            return;
        }

        if (PressedAnswer(turn, message.ButtonPayload) || TookOffer(turn, offer, message.ButtonPayload is null ? text : null))
        {
            return;
        }

        if (state.Stack.Count == 0)
        {
            if (!AnswerQuestion(turn, text))
            {
                StartMain(turn);
            }

            return;
        }

        var frame = turn.Frame;
        if (frame.Waiting && FindNode(frame) is PromptNode prompt)
        {
            if (message.ButtonPayload is { } pressed && text.Length == 0 && !prompt.Offers(turn, pressed))
            {
                // A button left on an older message (chat apps keep them): not a wrong answer, so no attempt is counted.
                turn.Log(EventKinds.InputRejected, "stale_button");
                turn.Say("Nút bác vừa bấm thuộc một câu hỏi trước rồi ạ. Cháu xin hỏi lại câu đang dở:");
                Run(turn, new NodeOutcome.Continue(frame.NodeId));
                return;
            }

            if (!(prompt.TakesQuestions && AnswerInsteadOfPrompt(turn, prompt, text)))
            {
                Run(turn, prompt.Resume(turn));
            }

            return;
        }

        // The dialogs changed under a running conversation (a new release): begin again rather than guess.
        turn.Say("Nội dung vừa được cập nhật, cháu xin bắt đầu lại từ đầu ạ.");
        StartMain(turn);
    }

    /// <summary>
    /// The waiting prompt's own button for a typed command (<see cref="PromptNode.ButtonFor"/>): «gặp cán bộ» typed at the
    /// estimate's last question went to the handoff and asked that question again, where its «Gặp cán bộ» button goes on.
    /// </summary>
    private string? CommandButton(TurnContext turn) =>
        turn.Input.Payload is null && turn.State.Stack.Count > 0 && turn.Frame.Waiting && FindNode(turn.Frame) is PromptNode prompt
        && (GlobalCommands.Recognise(turn.Input.Text, null) ?? CommandAskedFor(turn, prompt)) is { } command
            ? prompt.ButtonFor(turn, command)
            : null;

    /// <summary>
    /// A command asked for in a sentence the understanding reads as one («nhắn nhiều quá bác đọc không hết, đừng gửi nữa
    /// nhé» is stopping the announcements): at a prompt with that command's own button («Dừng nhận tin») it presses it,
    /// instead of leaving the dialog to answer it. A question about it («dừng rồi sau này đăng ký lại được không?») is not.
    /// Not at the main menu, where the question's own reading does the same (and reading twice there would cost every message).
    /// </summary>
    private GlobalCommand? CommandAskedFor(TurnContext turn, PromptNode prompt) =>
        InTopicDialog(turn) && turn.Input.Text.Any(char.IsLetter) && !VietnameseYesNo.EndsAsQuestion(turn.Input.Text) && AskedCommands.Any(c => prompt.ButtonFor(turn, c) is not null)
        && services.Understanding?.Understand(turn.Input.Text ?? string.Empty) is { Decision: QuestionDecision.Answer, Best.Answer: { Kind: AnswerRef.Topic } topic }
            ? topic.Id switch
            {
                Topics.OptOut => GlobalCommand.OptOut,
                Topics.EraseData => GlobalCommand.Erase,
                Topics.Handoff => GlobalCommand.Handoff,
                _ => null,
            }
            : null;

    private static readonly GlobalCommand[] AskedCommands = [GlobalCommand.OptOut, GlobalCommand.Erase, GlobalCommand.Handoff];

    /// <summary>Most words a yes or no to an offer is: «dạ có ạ», «ok cháu», «thôi không cần».</summary>
    private const int OfferReplyWords = 4;

    /// <summary>
    /// «có» typed to the last reply's «… không?» presses its offer; «không» declines it kindly. Before, «có» there was
    /// read as a question and opened the poverty topic's own menu, losing the household's numbers.
    /// </summary>
    private bool TookOffer(TurnContext turn, string? offer, string? text)
    {
        if (offer is null || text is null || VietnameseText.WordCount(text) > OfferReplyWords)
        {
            return false;
        }

        if (TypesTheEstimateButton(text) && AnswerRef.Parse(offer) is { Kind: AnswerRef.Screener })
        {
            // The button's words typed (issue 12 §5): read as a question they got an "I don't know" and the numbers were lost.
            return PressedAnswer(turn, offer);
        }

        switch (VietnameseYesNo.Parse(text))
        {
            case YesNoAnswer.Yes:
                return PressedAnswer(turn, offer);
            case YesNoAnswer.No:
                turn.Say("Dạ vâng ạ. Bác cần hỏi gì thêm thì cứ nhắn cho cháu nhé.", GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff));
                return true;
            default:
                return false;
        }
    }

    private void StartMain(TurnContext turn)
    {
        turn.State.Stack.Clear();
        turn.State.History.Clear();
        Run(turn, new NodeOutcome.Call(DialogCatalog.MainDialogId));
    }

    private static void Cancel(TurnContext turn)
    {
        turn.State.Stack.Clear();
        turn.State.History.Clear();
        turn.Log(EventKinds.Cancelled);
        turn.Say("Dạ, cháu đã dừng phần đang hỏi. Khi cần, bác bấm «Về menu chính» hoặc gõ «menu» nhé.",
            GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff));
    }

    /// <summary>
    /// Ends whatever was being asked and says goodbye in the words of the goodbye topic (topics.yaml), so the sentence
    /// lives in content only; without that topic (custom test content) it is a plain cancel.
    /// </summary>
    private void Goodbye(TurnContext turn)
    {
        if (services.Understanding is not { } understanding || understanding.Settings(Topics.Goodbye) is not { } settings)
        {
            Cancel(turn);
            return;
        }

        if (turn.State.Stack.Count > 0)
        {
            turn.Log(EventKinds.Cancelled); // a dialog was waiting: the goodbye ends it
        }

        turn.State.Stack.Clear();
        turn.State.History.Clear();
        turn.Log(EventKinds.QuestionAnswered, new AnswerRef(AnswerRef.Topic, Topics.Goodbye).Payload);
        RunTopic(turn, understanding, settings, insideDialog: false);
    }

    private void Back(TurnContext turn)
    {
        var history = turn.State.History;
        if (history.Count < 2)
        {
            turn.Say("Đây là bước đầu tiên rồi ạ.");
            Reask(turn);
            return;
        }

        history.RemoveAt(history.Count - 1);
        var previous = history[^1];
        history.RemoveAt(history.Count - 1);
        turn.State.Stack = previous.Select(f => f.Clone()).ToList();
        Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId));
    }

    private void Erase(TurnContext turn)
    {
        turn.State.Stack.Clear();
        turn.State.History.Clear();
        Run(turn, new NodeOutcome.Call(DialogCatalog.EraseDialogId));
    }

    private void Handoff(TurnContext turn)
    {
        if (turn.State.Stack.Count > 0 && turn.Frame.DialogId == DialogCatalog.HandoffDialogId)
        {
            turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
        }

        Run(turn, new NodeOutcome.Call(DialogCatalog.HandoffDialogId));
    }

    /// <summary>Asks the waiting prompt again; with nothing waiting, opens the menu.</summary>
    private void AskAgainOrStart(TurnContext turn)
    {
        if (turn.State.Stack.Count > 0 && turn.Frame.Waiting && FindNode(turn.Frame) is PromptNode)
        {
            Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId));
        }
        else
        {
            StartMain(turn);
        }
    }

    /// <summary>Asks the waiting prompt again, or shows the menu when nothing waits.</summary>
    private void Reask(TurnContext turn)
    {
        if (turn.State.Stack.Count > 0 && turn.Frame.Waiting)
        {
            Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId));
        }
        else if (turn.State.Stack.Count == 0)
        {
            turn.Say("Bác gõ «menu» để xem các mục cháu có thể giúp nhé.", GlobalCommands.Buttons(GlobalCommand.Menu));
        }
    }

    private void Run(TurnContext turn, NodeOutcome outcome)
    {
        var stack = turn.State.Stack;
        for (var step = 0; step < services.Options.MaxStepsPerTurn; step++)
        {
            switch (outcome)
            {
                case NodeOutcome.WaitForInput:
                    turn.Frame.Waiting = true;
                    turn.QuestionReply = turn.Replies.Count - 1;
                    return;

                case NodeOutcome.Continue(var nodeId):
                    var frame = turn.Frame;
                    frame.NodeId = nodeId;
                    frame.Waiting = false;
                    var node = FindNode(frame);
                    if (node is null)
                    {
                        outcome = NodeOutcome.End;
                        continue;
                    }

                    outcome = node.Enter(turn);
                    if (outcome is NodeOutcome.WaitForInput)
                    {
                        frame.Waiting = true;
                        turn.QuestionReply = turn.Replies.Count - 1;
                        Remember(turn.State);
                        return;
                    }

                    continue;

                case NodeOutcome.EndDialog:
                    turn.Log(EventKinds.DialogCompleted, turn.Frame.DialogId);
                    stack.RemoveAt(stack.Count - 1);
                    if (stack.Count == 0)
                    {
                        turn.EnsureWayOn();
                        return;
                    }

                    var parent = turn.Frame;
                    outcome = parent.Waiting
                        ? new NodeOutcome.Continue(parent.NodeId)          // a command interrupted a prompt: ask it again
                        : NodeOutcome.GoTo(FindNode(parent)?.Next?.Id);    // a call node returns to its next
                    continue;

                case NodeOutcome.Call(var dialogId):
                    if (Push(turn, dialogId) is not { } called)
                    {
                        return; // validation makes every called dialog exist; stop rather than loop
                    }

                    outcome = called;
                    continue;

                case NodeOutcome.Jump(var dialogId):
                    turn.Log(EventKinds.DialogCompleted, turn.Frame.DialogId);
                    stack.RemoveAt(stack.Count - 1);
                    if (Push(turn, dialogId) is not { } jumped)
                    {
                        return;
                    }

                    outcome = jumped;
                    continue;
            }
        }

        // Only a dialog that loops without a prompt gets here; validation cannot rule every loop out.
        stack.Clear();
        turn.Say("Xin lỗi bác, cháu bị rối một chút. Bác gõ «menu» để bắt đầu lại nhé.", GlobalCommands.Buttons(GlobalCommand.Menu));
    }

    private NodeOutcome.Continue? Push(TurnContext turn, string dialogId)
    {
        var dialog = services.Dialogs.Find(dialogId);
        if (dialog is null)
        {
            return null;
        }

        turn.State.Stack.Add(new DialogFrame { DialogId = dialog.Id, NodeId = dialog.Start });
        turn.Log(EventKinds.DialogStarted, dialog.Id);
        if (dialog.Id == DialogCatalog.HandoffDialogId)
        {
            // However it was asked for: typed («gặp cán bộ»), or a «Gặp cán bộ» button of any dialog (which never logged it).
            turn.Log(EventKinds.HandoffRequested);
        }

        return new NodeOutcome.Continue(dialog.Start);
    }

    private static void Remember(ConversationState state)
    {
        var top = state.Stack[^1];
        if (state.History.Count > 0 && state.History[^1] is { Count: > 0 } last
            && last[^1].DialogId == top.DialogId && last[^1].NodeId == top.NodeId && last.Count == state.Stack.Count)
        {
            state.History[^1] = state.Stack.Select(f => f.Clone()).ToList();
            return;
        }

        state.History.Add(state.Stack.Select(f => f.Clone()).ToList());
        if (state.History.Count > HistoryLimit)
        {
            state.History.RemoveAt(0);
        }
    }

    private DialogNode? FindNode(DialogFrame frame) => services.Dialogs.Find(frame.DialogId)?.Find(frame.NodeId);
}
