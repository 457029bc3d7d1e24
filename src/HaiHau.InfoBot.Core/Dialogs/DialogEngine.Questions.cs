using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs.Nodes;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Free text the conversation cannot otherwise use, read by <see cref="DialogServices.Understanding"/>:
/// at the main menu (or with nothing running) it is a question, answered when clear, asked about when two topics are
/// close ("which one?" buttons), and admitted not understood otherwise, with the question recorded for staff.
/// Inside a topic's dialog only a clear question (put as one) interrupts: on the dialog's own topic it is answered and the waiting
/// question asked again (as after «gặp cán bộ»); on another topic the resident has moved on, so the dialog is left.
/// Anything else stays a wrong answer to the prompt. Buttons carry <see cref="AnswerRef.Payload"/>, so pressing
/// one later needs nothing remembered.
/// </summary>
public sealed partial class DialogEngine
{
    /// <summary>
    /// Enough of a question for staff to see what was asked, not a whole letter: an unanswered question is kept folded
    /// and cut here, and that is all staff can teach the bot from (StaffTeaching).
    /// </summary>
    public const int UnansweredSubjectLength = 200;

    /// <summary>
    /// What the prompt cannot use may be a question: answer it rather than re-ask blindly. At the menu a question
    /// also beats a loose word match with a menu label ("học nghề có mất tiền không" is a question, not the "Học nghề"
    /// button; "hủy đăng ký nhận tin" shares three words with "Đăng ký nhận tin" but may mean the opposite, so the
    /// close call is asked); the loose match is taken only when the question is not understood at all, and only for a
    /// message of a chat line's length (<see cref="QuestionUnderstanding.ShortMessageWords"/> words or fewer).
    /// </summary>
    private bool AnswerInsteadOfPrompt(TurnContext turn, PromptNode prompt, string text)
    {
        if (InTopicDialog(turn))
        {
            // In the screener a reply that asks nothing («?») is the household told, the answer to its question: «nhà có 2
            // người không có việc» at «anyone without a job?» was read as «có … không» and got the entry on children
            // working in factories, «ông nhà tôi đi làm thuê không hợp đồng» the one on unpaid wages. It is asked again.
            // A question may end on its question word without the «?» («thế tiền con gửi về có tính k», «tính cả lương hưu
            // à»): those were asked again.
            var asksInScreener = turn.Frame.DialogId != ScreenerDialogId || VietnameseYesNo.EndsAsQuestion(text) || EndsOnAskingParticle(text);
            if (prompt.Understands(turn))
            {
                KeepCase(turn, text); // what else the reply told, kept before the prompt takes its part
                return false;
            }

            if (VietnameseYesNo.IsIndifferent(text))
            {
                return false; // «tùy cháu»: the question again («tùy» had searched the jobs and found «tuyển dụng»)
            }

            return EstimateFromCase(turn, text) || FillFromCase(turn, text) || SearchFromDialog(turn, text) || Explain(turn, prompt, text)
                || (asksInScreener && AnswerQuestion(turn, text, statementMayLeave: prompt is AskChoiceNode or AskYesNoNode));
        }

        // A message longer than a chat line is a question, never a loose pick among the menu's labels: «Tôi vừa bị công ty
        // cho nghỉ việc… thẻ bảo hiểm y tế…» opened the BHYT menu («Hộ nhà bác đang thuộc diện nào?») and was neither
        // answered, referred nor shown to staff as unanswered.
        return !prompt.UnderstandsExactly(turn)
            && AnswerQuestion(turn, text, promptCanGuess: prompt.Understands(turn) && !LongerThanAChatLine(text));
    }

    /// <summary>
    /// A question about the waiting question itself («sao phải hỏi thu nhập, bác ngại nói lắm», «thị trấn là cái nào hả
    /// cháu», «nhắn tin có mất tiền không»), which no entry answers: the prompt's own <c>help</c>, then the question again.
    /// They had the honest «I don't know», though the dialog knows why it asks.
    /// </summary>
    private bool Explain(TurnContext turn, PromptNode prompt, string text)
    {
        if (prompt.Spec.Help is not { } help || !QuestionParts.Asks(text) || VietnameseYesNo.IsNotSure(turn.Input.Text) || VietnameseYesNo.Parse(text) is not null
            || services.Understanding is not { } understanding
            || understanding.Understand(text) is { Decision: QuestionDecision.Answer, Best.Answer.Kind: not AnswerRef.Topic })
        {
            return false;
        }

        turn.Log(EventKinds.PromptExplained, $"{turn.Frame.DialogId}/{turn.Frame.NodeId}");
        turn.Say(turn.Render(help));
        Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId));
        return true;
    }

    /// <summary>The estimate is under way: what the household told it is worth coming back to after a question.</summary>
    private static bool KeepsTheEstimate(TurnContext turn) => turn.State.Stack.Count > 0 && turn.Frame.DialogId == ScreenerDialogId;

    /// <summary>«… à», «… hả», «… hở» close a question; folded, «à» is the «ạ» of politeness, so it is read before folding.</summary>
    private static bool EndsOnAskingParticle(string text) =>
        text.TrimEnd(' ', '.', '!', '?').ToLowerInvariant() is var t && (t.EndsWith(" à", StringComparison.Ordinal) || t.EndsWith(" hả", StringComparison.Ordinal) || t.EndsWith(" hở", StringComparison.Ordinal));

    private static bool LongerThanAChatLine(string text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > QuestionUnderstanding.ShortMessageWords;

    /// <param name="statementMayLeave">The dialog asks for a button (a choice, yes or no): a statement one entry covers
    /// well (<see cref="StatementCoverage"/>) may interrupt it too (<see cref="AnswerWithinDialog"/>).</param>
    private bool AnswerQuestion(TurnContext turn, string text, bool promptCanGuess = false, bool statementMayLeave = false)
    {
        // Digits alone are an answer to a numbered menu ("9"), never a question.
        if (services.Understanding is not { } understanding || !text.Any(char.IsLetter))
        {
            return false;
        }

        var inTopicDialog = InTopicDialog(turn);
        // Read once: a follow-up on the last answer and the question itself read the same words.
        var alone = new Lazy<UnderstoodQuestion>(() => understanding.Understand(QuestionParts.WithoutFollowUpWord(text)));
        if (!inTopicDialog && HowToAsk.Is(text))
        {
            // «làm sao để hỏi», «bà không biết dùng cái này»: how to ask, then the menu to ask from. Read as questions they
            // found the domestic-violence entry («làm sao»), a referral, or the question whether to stop the messages.
            turn.Say(HowToAskReply);
            return Greet(turn, understanding);
        }

        if (!inTopicDialog && Acknowledgement.Is(text))
        {
            // «thế à», «ừ bà hiểu rồi», «thế thì thôi»: what was said is taken in, nothing asked. Read as questions they
            // found entries on a word («vậy hả cháu»: the commune merger) or a referral; now the menu, as «ok» gets.
            return Greet(turn, understanding);
        }

        if (!inTopicDialog && AnswerOnPreviousAnswer(turn, understanding, text, alone))
        {
            // First: «dc mấy tháng» after the unemployment benefit is no bare «được».
            return true;
        }

        if (!inTopicDialog && AnswerChangedCase(turn, text))
        {
            // «thế nếu 7 triệu thì sao» right after a computed case: that case again with the new number.
            return true;
        }

        if (!inTopicDialog && IsBareYesOrNo(text))
        {
            // «có», «dạ», «ko» with nothing asked: an acknowledgement, greeted with the menu (as «ok», «vâng» are). Read as
            // a question, «dạ» got the BHYT refund entry and «có ạ» the entry on reporting wrongdoing.
            return Greet(turn, understanding);
        }

        var question = AboutTheMessages(PlainStop(FollowUp(turn, understanding, text) ?? alone.Value, text), text);
        if (inTopicDialog)
        {
            return AnswerWithinDialog(turn, understanding, question, text, statementMayLeave);
        }

        if (AsksForTheEstimate(text) || TypesTheEstimateButton(text))
        {
            // What the message tells of the household («tính thử nhà tôi 4 người») is filled in, as after a case answer.
            turn.Log(EventKinds.QuestionUnderstood, Topics.Eligibility);
            return StartPrefilledScreener(turn, ScreenerPayload(ResidentCase.Read(text, services.Content))[(AnswerRef.Screener.Length + 1)..]);
        }

        if (AnswerCase(turn, question, text) || AnswerListings(turn, question, text) || AnswerFirstOfTwo(turn, understanding, text, question))
        {
            return true;
        }

        if (promptCanGuess && question.Decision == QuestionDecision.NotUnderstood)
        {
            return false;
        }

        switch (question.Decision)
        {
            case QuestionDecision.NotUnderstood:
                SayUnanswered(turn, understanding, question, text);
                return true;

            case QuestionDecision.Ask when question.RunnerUp is { } runnerUp:
                QuickReply[] choices = [Choice(understanding, question.Best, question.BetweenAnswers), Choice(understanding, runnerUp, question.BetweenAnswers)];
                turn.Log(EventKinds.QuestionAmbiguous, $"{question.Best.Topic}|{runnerUp.Topic}", Offered(choices));
                turn.Say(understanding.Messages.WhichTopic, [.. choices, .. GlobalCommands.Buttons(GlobalCommand.Menu)]);
                return true;

            default:
                return AnswerRead(turn, understanding, question, text, insideDialog: false);
        }
    }

    /// <summary>
    /// «ước tính hộ nghèo», «tính thử nhà tôi có nghèo không», «tự kiểm tra hộ nghèo»: the estimate asked for by name, typed
    /// where its button is two taps away (the poverty topic, then «Ước tính hộ nhà tôi»). It got «cháu chưa có câu trả lời
    /// chắc chắn» and the menu. A short message only: a letter that mentions an estimate asks something of its own.
    /// </summary>
    private static bool AsksForTheEstimate(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        return VietnameseText.WordCount(folded) <= EstimateRequestWords && EstimateWords.Any(w => folded.Contains(w, StringComparison.Ordinal))
            && (folded.Contains(" ngheo ", StringComparison.Ordinal) || folded.Contains(" nha ", StringComparison.Ordinal) || folded.Contains(" ho ", StringComparison.Ordinal));
    }

    private const int EstimateRequestWords = 10;

    private static readonly string[] EstimateWords = [" uoc tinh ", " tinh thu ", " tu kiem tra ", " kiem tra ho ngheo ", " tu danh gia ", " tinh giup nha ", " tinh ho nha "];

    /// <summary>Most words of a follow-up read with the previous answer's topic: «còn hộ cận nghèo thì sao».</summary>
    private const int FollowUpWords = 8;

    /// <summary>
    /// «còn hộ cận nghèo thì sao», «thế còn người già?», «hộ mới thoát nghèo thì sao» right after an answer ask the same
    /// matter for someone else: read alone, the first got the entry on leaving the near-poor list after the poor
    /// household's BHYT card. Unless read alone it stays in that topic, it is read with the topic's name added, taken when
    /// that reading answers within the topic. A follow-up that only names another topic («thế còn vay vốn») is that
    /// topic; null when it is no follow-up.
    /// </summary>
    private UnderstoodQuestion? FollowUp(TurnContext turn, IQuestionUnderstanding understanding, string text)
    {
        var rest = QuestionParts.WithoutFollowUpWord(text);
        var folded = VietnameseText.Fold(text);
        var asksSameAgain = rest.Length < text.Trim().Length || folded.EndsWith(" thi sao", StringComparison.Ordinal);
        if (turn.PreviousTopic is not { } previous || !asksSameAgain || VietnameseText.WordCount(folded) > FollowUpWords
            || understanding.Settings(previous) is not { Action: TopicAction.Answer } settings)
        {
            return null;
        }

        // Read alone within the same topic, or naming a subject's topic («vay vốn»), it needs nothing added. The poverty
        // topic's name is the groups («hộ cận nghèo»), which are who is asked about, not what.
        var alone = understanding.Understand(rest);
        if (alone.Decision == QuestionDecision.Answer
            && (alone.Best.Topic == previous || (alone.Best.Answer.Kind == AnswerRef.Topic && alone.Best.Topic != Topics.Eligibility)))
        {
            return alone;
        }

        // The entry the topic's name finds must be about what the follow-up names: «thế còn học phí thì sao» after the
        // older person's BHYT card found, with «bảo hiểm y tế», the entry on maternity care, not about school fees at all.
        var within = understanding.Understand($"{rest} {settings.Label}");
        var own = AnswerFollowUp.OwnWords(alone.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries), text);
        return within is { Decision: QuestionDecision.Answer, Best.Topic: var topic } && topic == previous
            && (WhatItSays(understanding, within.Best.Answer) is not { } found || AnswerFollowUp.LeansOn(own, text, found.Words))
            ? within : alone;
    }

    /// <summary>Most words of a bare «có», «dạ không ạ», «ko biết».</summary>
    private const int BareYesNoWords = 3;

    /// <summary>
    /// Stopping asked in so many words (<see cref="StopRequest.IsPlain"/>) and read first as stopping stops, though the
    /// reading is unsure: «đừng làm phiền» (its «dung» is also «dùng», use) was asked whether it meant stopping or the
    /// health-insurance card of a company.
    /// </summary>
    private static UnderstoodQuestion PlainStop(UnderstoodQuestion question, string text) =>
        question is { Decision: QuestionDecision.Ask, Best.Answer: { Kind: AnswerRef.Topic, Id: Topics.OptOut } } && StopRequest.IsPlain(text)
            ? question with { Decision = QuestionDecision.Answer }
            : question;

    /// <summary>
    /// A complaint about the bot's messages (<see cref="StopRequest.IsComplaint"/>) is read as stopping, and so asked
    /// about first (or, said plainly, stopped), whatever entry its words came nearest.
    /// </summary>
    private static UnderstoodQuestion AboutTheMessages(UnderstoodQuestion question, string text) =>
        StopRequest.IsComplaint(text) && question is not { Decision: QuestionDecision.Answer, Best.Answer: { Kind: AnswerRef.Topic, Id: Topics.OptOut } }
            ? question with
            {
                Decision = QuestionDecision.Answer,
                Best = new TopicGuess(Topics.OptOut, 1, new AnswerRef(AnswerRef.Topic, Topics.OptOut)),
                RunnerUp = null,
                WeakAnswer = false,
                Suggestions = [],
            }
            : question;

    /// <remarks>«đừng làm phiền» is no bare «đừng» (no): it asks to stop the messages (<see cref="StopRequest"/>).</remarks>
    private static bool IsBareYesOrNo(string text) =>
        !text.Contains('?', StringComparison.Ordinal) && VietnameseYesNo.Parse(text) is not null
        && VietnameseText.WordCount(text) <= BareYesNoWords && !StopRequest.IsPlain(text);

    private bool AnswerWithinDialog(TurnContext turn, IQuestionUnderstanding understanding, UnderstoodQuestion question, string text, bool statementMayLeave)
    {
        // "nhà bác khổ lắm" is an answer, however sure the classifier is that "nhà" means housing: only a question,
        // and a clear one, may interrupt what the resident is answering. Where a button is asked for, a problem told
        // as a statement that one entry covers well («thẻ của bà hết hạn rồi» at «which household are you?») is the
        // resident's question too: it was asked again, twice, and the dialog gave up.
        // A bare «không», «có ạ» where the prompt could not read it (a choice of four actions) is a reply gone astray, never
        // a question: «không» at «Bác muốn làm gì tiếp?» opened the poverty topic.
        if (IsBareYesOrNo(text))
        {
            return false;
        }

        var statementAsks = statementMayLeave && question.Best.Answer.Kind == AnswerRef.Faq
            && question.Best.Coverage >= StatementCoverage && VietnameseText.WordCount(text) >= StatementWords;
        if (question.Decision == QuestionDecision.NotUnderstood && AsksBeyondTheDialog(turn, question, text))
        {
            // «bà 70 tuổi có được học nghề miễn phí không ạ» at the jobs menu: a question of its own that no entry
            // answers. It got «bấm số thứ tự» until the dialog gave up, and staff never saw it; now the honest «I don't
            // know», the place to ask and the nearest entries, logged as unanswered as at the menu (issue 12 §4). A
            // close call between two topics is still asked again there: the dialog's own choices are nearer than two
            // guessed topics.
            // What the resident has answered so far is kept: the honest «I don't know», then the waiting question again
            // («hỏi cái này làm gì cháu» at question 10 had left the estimate, every answer lost; «có chỗ nào tuyển may không»
            // at the jobs menu, «nhà bà có cái sổ cận nghèo … năm nay chưa thấy ai bảo gì» at the BHYT category left theirs).
            SayUnanswered(turn, understanding, question, text);
            return true;
        }

        if (question.Decision == QuestionDecision.Answer && question.Best.Answer == GreetingAnswer && IsThanks(understanding, turn.Input.Text))
        {
            // «cảm ơn cháu» at a waiting question: the resident has what they came for. It was asked the category
            // again («bấm nút đúng với diện của nhà mình»); now thanks back and the menu, the dialog left.
            turn.State.Stack.Clear();
            turn.State.History.Clear();
            return Greet(turn, understanding);
        }

        // A question word that asks nothing («ở đâu cũng được không cần gần nhà») makes no question (QuestionParts.Asks).
        if (question.Decision != QuestionDecision.Answer || !((question.IsQuestion && QuestionParts.Asks(text)) || statementAsks))
        {
            return false;
        }

        // «ko biết» is the resident's answer to what was asked ("I don't know"), never a question that leaves the dialog.
        if (VietnameseYesNo.IsNotSure(turn.Input.Text))
        {
            return false;
        }

        var topic = question.Best.Topic;
        var answer = question.Best.Answer;
        var settings = understanding.Settings(topic);
        if (settings?.Action == TopicAction.Answer && services.Dialogs.Find(turn.Frame.DialogId)?.Topic != topic && KeepsTheEstimate(turn))
        {
            // «thế học phí có được miễn k» at the estimate's question on schooling: answered, then the question again.
            return AnswerRead(turn, understanding, question, text, insideDialog: true);
        }

        if (settings?.Action == TopicAction.Answer && services.Dialogs.Find(turn.Frame.DialogId)?.Topic != topic)
        {
            // A new subject: the resident has left this dialog. Answer as at the menu rather than drag them back, the
            // household's own numbers and a job search included («thu nhập nhà cháu 900 nghìn mỗi người…» inside the
            // loan dialog gets the estimate for that case, not the general income-line entry).
            turn.State.Stack.Clear();
            turn.State.History.Clear();
            if (AnswerCase(turn, question, text) || AnswerListings(turn, question, text))
            {
                return true;
            }

            return AnswerRead(turn, understanding, question, text, insideDialog: false);
        }

        // "bảo hiểm y tế" inside the BHYT dialog, or "chào cháu" halfway through: nothing to answer, ask again.
        if (answer.Kind == AnswerRef.Topic && (settings?.Action == TopicAction.Answer || settings?.Dialog == DialogCatalog.MainDialogId))
        {
            return false;
        }

        return AnswerRead(turn, understanding, question, text, insideDialog: true);
    }

    /// <summary>
    /// How much of a statement an entry must cover to be taken as a question inside a dialog: more than a question needs
    /// at the menu (<see cref="QuestionUnderstanding.DefaultMinCoverage"/>), since the statement may be a reply gone
    /// astray; not calibrated (no labelled set of replies typed inside dialogs exists). «thẻ của bà hết hạn rồi» is 0.62
    /// («bà», «của» are not the entry's words), «nhà bác khổ lắm» is below the menu's threshold.
    /// </summary>
    private const double StatementCoverage = 0.6;

    /// <summary>A statement of fewer words is a short answer gone astray («hộ nghèo», «chưa rõ»), not a problem told.</summary>
    private const int StatementWords = 3;

    /// <summary>
    /// Whether a message the understanding could not answer is still a question of its own, not a reply gone astray:
    /// it asks in its own words (<see cref="QuestionParts.Asks"/>: a «?», a question word, a closing «không»), has
    /// <see cref="OwnQuestionWords"/> words or more, and is no «không biết». A short or plain reply is asked again.
    /// </summary>
    private static bool AsksBeyondTheDialog(TurnContext turn, UnderstoodQuestion question, string text) =>
        question.IsQuestion && QuestionParts.Asks(text) && VietnameseText.WordCount(text) >= OwnQuestionWords
        && !VietnameseYesNo.IsNotSure(turn.Input.Text) && VietnameseYesNo.Parse(text) is null;

    /// <summary>«có được không», «bao nhiêu tiền ạ» are replies to what the dialog asked; a question of its own says more.</summary>
    private const int OwnQuestionWords = 5;

    /// <summary>Thanks are read as a greeting (content/understanding/examples/greeting.yaml) and answered there.</summary>
    private static readonly AnswerRef GreetingAnswer = new(AnswerRef.Topic, Topics.Greeting);

    /// <summary>A message that asks nothing (a bare yes, thanks, an acknowledgement) is met as a greeting: thanks back, or the menu.</summary>
    private bool Greet(TurnContext turn, IQuestionUnderstanding understanding)
    {
        turn.Log(EventKinds.QuestionUnderstood, Topics.Greeting);
        return Go(turn, understanding, GreetingAnswer, insideDialog: false);
    }

    /// <summary>Told to a resident who asks how to use the assistant (<see cref="HowToAsk"/>), before the menu.</summary>
    internal static readonly string HowToAskReply = $"Bác cứ gõ điều bác muốn hỏi như nói chuyện với cháu, có dấu hay không dấu đều được, ví dụ «thẻ bảo hiểm y tế hộ cận nghèo làm ở đâu». Hoặc bác bấm một nút dưới đây. Muốn hỏi người thật thì bác bấm «{GlobalCommands.Label(GlobalCommand.Handoff)}».";

    private const string ThanksReply = "Dạ, không có gì ạ. Bác cần hỏi thêm gì cứ nhắn cháu nhé.";

    /// <summary>
    /// «cảm ơn», «cám ơn», «cảm tạ» as the understanding reads them: its short forms («tks», «thanks», «camon»:
    /// content/understanding/abbreviations.yaml) are written out there, so they are not listed again here.
    /// </summary>
    private static bool IsThanks(IQuestionUnderstanding understanding, string? text) =>
        text is not null && (" " + understanding.Understand(text).Normalized + " ") is var read
        && ThanksWords.Any(w => read.Contains(" " + w + " ", StringComparison.Ordinal));

    private static readonly string[] ThanksWords = ["cam on", "cam ta"];

    /// <summary>A button of an earlier answer or "which one?" question, pressed now or later.</summary>
    private bool PressedAnswer(TurnContext turn, string? payload) =>
        services.Understanding is { } understanding && AnswerRef.Parse(payload) is { } answer
        && Go(turn, understanding, answer, InTopicDialog(turn));

    /// <summary>Shows the answer or runs the topic's action; false when it no longer exists (stale button).</summary>
    /// <summary>Asked when a sentence is read as stopping the messages without saying so plainly (<see cref="StopRequest"/>).</summary>
    internal const string StopCheck = "Bác muốn cháu thôi gửi tin nhắn thông báo cho bác (cả tin việc làm, khóa học), phải không ạ? Nếu đúng, bác bấm «Dừng nhận tin». Nếu bác cần hỏi việc khác, bác bấm «Về menu chính» hoặc nhờ cán bộ giúp.";

    private bool Go(TurnContext turn, IQuestionUnderstanding understanding, AnswerRef answer, bool insideDialog)
    {
        switch (answer.Kind)
        {
            case AnswerRef.Faq when understanding.FindFaq(answer.Id) is { } faq:
                turn.State.AnsweredTopic = faq.Topic;
                turn.State.AnsweredEntry = answer.Payload;
                var faqTopic = understanding.Settings(faq.Topic);
                if (faq.Answer.Length == 0 && services.Content.FindArticle(faq.AnswerArticle) is { } whole)
                {
                    ShowArticleNode.Show(turn, whole, insideDialog ? null : WaysOn(faqTopic));
                }
                else
                {
                    // A general article says no more of this entry than its answer: no «Đọc bài đầy đủ» to it (Article.General).
                    QuickReply[] read = services.Content.FindArticle(faq.AnswerArticle) is { General: true }
                        ? [] : [new QuickReply(new AnswerRef(AnswerRef.Article, faq.AnswerArticle).Payload, understanding.Messages.ReadArticle)];
                    // The age told, against the ages the answer states («bà tôi 78 tuổi»): that person's standing first.
                    var forTheAge = faq.Answer.Contains(SocialPensionAge.AgeTemplate, StringComparison.Ordinal)
                        && SocialPensionAge.Line(turn.Input.Text, services.Content, PovertyRuleSets.Today(services.Time)) is { } line ? $"{line}\n\n" : string.Empty;
                    turn.Say($"{faq.Question}\n\n{forTheAge}{faq.Answer}", insideDialog ? null : [.. read, .. WaysOn(faqTopic)]);
                }

                break;

            case AnswerRef.Article when services.Content.FindArticle(answer.Id) is { } article:
                ShowArticleNode.Show(turn, article, insideDialog ? null : WaysOn(understanding.Settings(article.Topic)));
                break;

            case AnswerRef.Screener:
                return StartPrefilledScreener(turn, answer.Id);

            case AnswerRef.Topic when answer.Id == Topics.OptOut && !StopRequest.IsPlain(turn.Input.Text):
                // Read as stopping, but not in so many words: asked first, since stopping ends every message at once.
                turn.Say(StopCheck, GlobalCommands.Buttons(GlobalCommand.OptOut, GlobalCommand.Menu, GlobalCommand.Handoff));
                if (insideDialog)
                {
                    Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId)); // back to the question the resident was answering
                }

                return true;

            case AnswerRef.Topic when understanding.Settings(answer.Id) is { } settings:
                turn.Log(EventKinds.QuestionAnswered, answer.Payload);
                if (answer.Id == Topics.Greeting && IsThanks(understanding, turn.Input.Text))
                {
                    // Thanks are met with thanks before the menu: «cảm ơn cháu nhé» got «Bác muốn hỏi về việc gì?» alone.
                    turn.Say(ThanksReply);
                }

                RunTopic(turn, understanding, settings, insideDialog);
                return true;

            default:
                return false;
        }

        turn.Log(EventKinds.QuestionAnswered, answer.Payload);
        if (insideDialog)
        {
            Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId)); // back to the question the resident was answering
        }

        return true;
    }

    private void RunTopic(TurnContext turn, IQuestionUnderstanding understanding, TopicSettings settings, bool insideDialog)
    {
        switch (settings.Action)
        {
            case TopicAction.Reply:
                if (settings.Topic == Topics.OptOut)
                {
                    turn.Log(EventKinds.OptOutRequested);
                }

                turn.Say(settings.Reply ?? string.Empty, insideDialog ? null : GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff));
                if (insideDialog)
                {
                    Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId));
                }

                return;

            case TopicAction.Dialog when settings.Dialog == DialogCatalog.MainDialogId:
                StartMain(turn);
                return;

            case TopicAction.Dialog when settings.Dialog == DialogCatalog.HandoffDialogId:
                Handoff(turn);
                return;

            case TopicAction.Dialog when settings.Dialog == DialogCatalog.EraseDialogId:
                Erase(turn);
                return;

            default:
                if (settings.Dialog is not null)
                {
                    RunDialog(turn, settings.Dialog);
                }
                else if (services.Content.ArticlesOnTopic(settings.Topic) is [var article, ..])
                {
                    Go(turn, understanding, new AnswerRef(AnswerRef.Article, article.Id), insideDialog);
                }

                return;
        }
    }

    /// <summary>
    /// Runs a dialog the way the current one would: from the menu, through the menu's own call node (so afterwards
    /// the resident is asked "anything else?" as after a button); from elsewhere, on top, returning here.
    /// </summary>
    private void RunDialog(TurnContext turn, string dialogId)
    {
        var caller = turn.State.Stack.Count > 0 ? services.Dialogs.Find(turn.Frame.DialogId) : null;
        var call = caller?.Nodes.Values.OfType<CallNode>().FirstOrDefault(c => c.Dialog.Id == dialogId);
        Run(turn, call is not null ? new NodeOutcome.Continue(call.Id) : new NodeOutcome.Call(dialogId));
    }

    /// <summary>After an answer at the menu: more on the topic (its dialog), the menu, a person.</summary>
    private static IReadOnlyList<QuickReply> WaysOn(TopicSettings? settings)
    {
        var more = settings is { Dialog: not null, More: { } label }
            ? [new QuickReply(new AnswerRef(AnswerRef.Topic, settings.Topic).Payload, label)]
            : Array.Empty<QuickReply>();
        return [.. more, .. GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff)];
    }

    /// <summary>
    /// A button for one reading of the message, labelled with what it gives. A button that gives an entry reads as the
    /// entry's question: a close call between two topics' entries labelled «Các hỗ trợ khác» / «Bảo hiểm y tế» left
    /// «bị ung thư có được hỗ trợ gì không» to a guess, and «Các hỗ trợ khác», the likelier one for a support question,
    /// gave the childbirth entry; its own question («Nhà có người ốm nặng, chữa bệnh tốn kém thì được hỗ trợ gì?») is
    /// plain at a glance. An article reads as its title: two articles of one topic beside a referral were two buttons
    /// both labelled «Bảo hiểm y tế». A reading that covers too little of the message («vay tiền đóng bảo hiểm» and the
    /// entry on loans taken in someone's name) is labelled with the topic («Vay vốn ưu đãi») and opens the topic's dialog,
    /// which asks what the resident needs, unless <paramref name="byAnswer"/> asks for the entry whatever its coverage.
    /// </summary>
    private QuickReply Choice(IQuestionUnderstanding understanding, TopicGuess guess, bool byAnswer = false)
    {
        var label = understanding.Settings(guess.Topic)?.Label ?? guess.Topic;
        if (!byAnswer && guess.Coverage < QuestionUnderstanding.DefaultMinCoverage && understanding.Settings(guess.Topic) is { Dialog: not null })
        {
            return new(new AnswerRef(AnswerRef.Topic, guess.Topic).Payload, label);
        }

        return guess.Answer.Kind switch
        {
            AnswerRef.Faq when understanding.FindFaq(guess.Answer.Id) is { } faq => new(guess.Answer.Payload, faq.Question),
            AnswerRef.Article when services.Content.FindArticle(guess.Answer.Id) is { } article => new(guess.Answer.Payload, article.Title),
            _ => new(guess.Answer.Payload, label),
        };
    }

    /// <summary>
    /// The question back's event data: what its buttons lead to (<see cref="SuggestedData"/>), so `eval answers` can tell a
    /// question back whose button is the right entry (one tap from the answer) from one whose buttons are not.
    /// </summary>
    private static Dictionary<string, string> Offered(IEnumerable<QuickReply> choices) =>
        new(StringComparer.Ordinal) { [SuggestedData] = string.Join('|', choices.Select(c => c.Id)) };

    /// <summary>True inside a topic's dialog; false at the main menu or with nothing running.</summary>
    private static bool InTopicDialog(TurnContext turn) =>
        turn.State.Stack.Count > 0 && turn.Frame.DialogId != DialogCatalog.MainDialogId;
}
