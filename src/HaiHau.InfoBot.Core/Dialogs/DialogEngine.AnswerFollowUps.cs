using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A follow-up on the answer just given (<see cref="AnswerFollowUp"/>): «lãi bao nhiêu» after the poor household's loan,
/// «nộp ở đâu» after the elderly allowance. Read alone it is answered only by a neighbour on the same matter («thủ tục
/// vay ra sao» after the clean-water loan: the loan procedure); otherwise the answer just given says the part asked
/// for (how much, where, which papers, when), with a button for the whole answer, or, when it does not say it, the
/// resident is told so and where to ask, and staff see the question.
/// </summary>
public sealed partial class DialogEngine
{
    /// <param name="read">The message read alone (without a leading «còn»/«thế»), shared with the question's own reading.</param>
    private bool AnswerOnPreviousAnswer(TurnContext turn, IQuestionUnderstanding understanding, string text, Lazy<UnderstoodQuestion> read)
    {
        if (AnswerRef.Parse(turn.PreviousAnswer) is { Kind: AnswerRef.Refer } sentTo)
        {
            return AskedOfAnUnanswered(turn, understanding, text, read, sentTo.Id);
        }

        if (AnswerRef.Parse(turn.PreviousAnswer) is not { } previous || WhatItSays(understanding, previous) is not var (question, body, words, topic)
            || !MayFollowUp(text))
        {
            return false;
        }

        if (AnswerFollowUp.AsksToBeDoneForThem(text) || (AnswerFollowUp.ComparesWithNeighbours(text) && read.Value.Best.Topic != topic))
        {
            // «nhờ con nộp hộ được không», «mẹ em không đi lại được thì sao»: the answer says where to go, not who may go
            // instead; «sao hàng xóm được mà nhà tôi không» after a support: not why one house got it. Those are the
            // office's to say, so the resident is told so and where to ask.
            turn.Log(EventKinds.QuestionUnderstood, topic);
            SayAnswerDoesNotSay(turn, understanding, previous, question, body, topic, text);
            return true;
        }

        var rest = QuestionParts.WithoutFollowUpWord(text);
        var alone = read.Value;
        var tokens = alone.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var asking = AskingParts(text);
        // Only the asking parts' words are needed, not a whole reading of them.
        var own = AnswerFollowUp.OwnWords(asking == text ? tokens : understanding.Tokens(QuestionParts.WithoutFollowUpWord(asking)), asking);
        var ask = AnswerFollowUp.AskOf(asking);
        if (ask == FollowUpAsk.None && AnswerFollowUp.ForCategory(question, own, text) is { } forCategory
            && understanding.Understand(forCategory) is { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article } swapped
            && swapped.Best.Answer != previous)
        {
            // «thế hộ cận nghèo thì sao» after what the poor household gets: the same question for the category named
            // (read alone it matched the entry comparing with the neighbours, or nothing). When that is the answer just
            // given, the follow-up is read as any other: giving that answer again was measured (7 December, stop 48) and
            // was wrong more often than right, the answer's own question outweighing the category's entry («hộ nghèo
            // đóng có được hỗ trợ không» after voluntary social insurance has an entry of its own).
            turn.Log(EventKinds.QuestionUnderstood, swapped.Best.Topic);
            return GoWith(turn, understanding, swapped, text);
        }

        if (tokens.Length == 0 || !AnswerFollowUp.LeansOn(own, asking, words))
        {
            return OnTheSameHousehold(turn, understanding, question, rest, text, alone)
                || AskedOfTheMatter(turn, understanding, previous, question, body, topic, rest, text, own, ask, alone)
                || ForSomeoneElse(turn, understanding, question, topic, rest, text, alone);
        }

        if (own.Count > 0 && alone is { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article, Best.Coverage: >= OwnQuestionCoverage } && alone.Best.Topic != topic)
        {
            // Words of its own that an entry of another matter answers («con tôi đi học nghề có được miễn học phí không»
            // after the student loan): a question of its own, whatever words it shares with the answer given.
            return OnTheSameHousehold(turn, understanding, question, rest, text, alone);
        }

        if (ask == FollowUpAsk.None && !AnswerFollowUp.NamesSomeone(tokens) && !AnswerFollowUp.AsksConditions(text))
        {
            // Nothing asked of the answer and nobody new asked about («còn vay vốn thì sao» after the farming loan): the
            // same answer again would tell the resident nothing; the follow-up is read as the other follow-ups are.
            return OnTheSameHousehold(turn, understanding, question, rest, text, alone);
        }

        turn.Log(EventKinds.QuestionUnderstood, topic);
        // A word of its own that the answer's question lacks («gia hạn» after the overdue loan, «thủ tục vay» after the
        // clean-water loan) may name a neighbour on the same matter, which the message alone finds; a bare ask («mỗi
        // tháng được bao nhiêu tiền», «vay được bao nhiêu» after the student loan) stays with the answer given.
        var asked = VietnameseText.Fold(question).Split(' ').ToHashSet(StringComparer.Ordinal);
        var neighbour = alone is { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article } && alone.Best.Topic == topic
            ? alone.Best.Answer : null;
        if (neighbour is not null && own.Any(w => !asked.Contains(w)))
        {
            return GoWith(turn, understanding, alone, text);
        }

        if (ask == FollowUpAsk.None)
        {
            return Go(turn, understanding, previous, insideDialog: false);
        }

        var said = turn.Render(body);
        var buttons = WholeAnswerAndWaysOn(understanding, previous, topic);
        if (AnswerFollowUp.Excerpt(said, ask) is not { } part)
        {
            // The answer does not say it. A neighbour on the same matter may: the message alone, or read with the
            // answer's question («cần giấy tờ gì» after the poor household's loan: the loan's papers).
            var within = understanding.Understand($"{question} {rest}");
            foreach (var other in new[] { own.Count > 0 && neighbour is not null ? alone : null, within is { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article } && within.Best.Topic == topic ? within : null })
            {
                if (other is not null && other.Best.Answer != previous)
                {
                    return GoWith(turn, understanding, other, text);
                }
            }

            SayNotSaid(turn, understanding, previous, question, topic, said, text, buttons, understanding.Messages.NotSaid);
            return true;
        }

        if (AnswerFollowUp.OnlySaysItDoesNotKnow(part, ask))
        {
            // «Mức tiền hằng tháng hiện nay cháu chưa xác nhận được. Bác hỏi UBND xã…»: said as the answer says it, and
            // counted as a question the bot could not answer, which it is (staff see which figure residents ask for).
            SayNotSaid(turn, understanding, previous, question, topic, said, text, buttons, part);
            return true;
        }

        turn.Say($"{question}\n\n{part}", buttons);
        KeepForTheNextTurn(turn, previous, topic);
        turn.Log(EventKinds.QuestionAnswered, previous.Payload);
        return true;
    }

    /// <summary>
    /// The parts of a follow-up that ask, when others only tell («chừng nào mới có tiền, nhà đang dột nước vào mà»,
    /// «bà đợi mãi mà chẳng ai báo cho, thế bà biết hỏi chỗ nào bây giờ»): what the resident tells is why they ask, not
    /// a matter of its own, and its words made the ask look like a new question. The whole message when every part asks
    /// or none does, or when the part that asks only asks why: «thế mà lên xã người ta bảo chưa có tiền phải chờ, sao lại
    /// thế» is a complaint about what it tells, and its telling is the matter.
    /// </summary>
    private static string AskingParts(string text)
    {
        var parts = QuestionParts.Split(text);
        var asking = parts.Where(QuestionParts.Asks).ToList();
        return asking.Count > 0 && asking.Count < parts.Count && !AnswerFollowUp.AsksWhy(string.Join(' ', asking)) ? string.Join(", ", asking) : text;
    }

    /// <summary>
    /// A follow-up of another matter that names no household category, after an answer about one category's households
    /// («thẻ bhyt có được miễn 100% không» after what a near-poor household gets): read alone it got an entry for any
    /// card (the one on using the identity card). Read with the category, it is answered when that finds an entry of
    /// the same matter as the message alone, asked for that same category; otherwise it is read alone, as before. The
    /// matter must stay: the category's words alone pull towards its entries («căn cước bị mất làm lại ở đâu», sent to the
    /// police read alone, found the poor household's certificate with them).
    /// </summary>
    private bool OnTheSameHousehold(TurnContext turn, IQuestionUnderstanding understanding, string question, string rest, string text, UnderstoodQuestion alone)
    {
        if (alone.Decision != QuestionDecision.Answer || AnswerFollowUp.CarriedCategory(question, rest) is not { } category
            || understanding.Understand($"{category} {rest}") is not { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article } carried
            || carried.Best.Answer == alone.Best.Answer || carried.Best.Topic != alone.Best.Topic
            || WhatItSays(understanding, carried.Best.Answer) is not { } found || !AnswerFollowUp.NamesCategory(found.Question, category))
        {
            return false;
        }

        turn.Log(EventKinds.QuestionUnderstood, carried.Best.Topic);
        return GoWith(turn, understanding, carried, text);
    }

    /// <summary>
    /// A short ask of how much or how long, of the matter just answered, with a word or two the answer lacks («tiền ăn ở
    /// viện có được hỗ trợ không» after a BHYT answer, «có được hỗ trợ tiền ăn với tiền đi lại không» after vocational
    /// training): read alone, those few words found an entry of another matter only loosely (the school meal of pupils),
    /// given as the answer. Read with the answer's question it gets the entry beside it that says it;
    /// else the resident is told the answer does not say it, and where to ask.
    /// </summary>
    private bool AskedOfTheMatter(TurnContext turn, IQuestionUnderstanding understanding, AnswerRef previous, string question, string body, string topic, string rest, string text, IReadOnlyList<string> own, FollowUpAsk ask, UnderstoodQuestion alone)
    {
        if (ask is not (FollowUpAsk.Amount or FollowUpAsk.Time) || own.Count > OwnWordsOfAnAsk || AnswerFollowUp.StartsAnew(text)
            || alone is not { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article, Best.Coverage: < OwnQuestionCoverage }
            || alone.Best.Topic == topic)
        {
            return false;
        }

        turn.Log(EventKinds.QuestionUnderstood, topic);
        if (understanding.Understand($"{question} {rest}") is { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article } within
            && within.Best.Topic == topic && within.Best.Answer != previous)
        {
            return GoWith(turn, understanding, within, text);
        }

        SayAnswerDoesNotSay(turn, understanding, previous, question, body, topic, text);
        return true;
    }

    /// <summary>
    /// The same matter asked for someone else («còn em trai em bị tật ở chân thì có được học không» after vocational
    /// training, «thế con bé nhà hàng xóm bị tự kỷ thì có được không» after what disabled people get): read alone, the
    /// person's words found an entry of another matter (the disability allowance, a refused loan). Read with the answer's
    /// question it is answered when that reading stays in the answer's matter; otherwise it is read alone, as before.
    /// </summary>
    private bool ForSomeoneElse(TurnContext turn, IQuestionUnderstanding understanding, string question, string topic, string rest, string text, UnderstoodQuestion alone)
    {
        // «còn em trai em…», «thế con bé nhà hàng xóm…»: the person opens what follows the follow-up word. «thế còn vay tiền
        // làm nhà vệ sinh…», «còn cái nhà bà bị bão…» open with a matter of their own.
        if (rest.Length == text.Trim().Length || !AnswerFollowUp.OpensWithSomeone(rest) || AnswerFollowUp.StartsAnew(text)
            || alone is not { Decision: QuestionDecision.Answer, Best.Coverage: < OwnQuestionCoverage } || alone.Best.Topic == topic
            || understanding.Understand($"{question} {rest}") is not { Decision: QuestionDecision.Answer, Best.Answer.Kind: AnswerRef.Faq or AnswerRef.Article } within
            || within.Best.Topic != topic)
        {
            return false;
        }

        turn.Log(EventKinds.QuestionUnderstood, topic);
        return GoWith(turn, understanding, within, text);
    }

    /// <summary>Most words of its own an ask of the matter just answered may have (<see cref="AskedOfTheMatter"/>).</summary>
    private const int OwnWordsOfAnAsk = 2;

    /// <summary>
    /// Whether a message may ask more of the last reply: it asks something, opens no new question («à mà cho hỏi…»), and
    /// tells no household's income (that is the case's to answer, <see cref="AnswerCase"/>, whatever came before). A size
    /// alone is who the matter is for: «bà ngoại em ở 1 mình, không phải hộ nghèo, thì vay được không» after the
    /// clean-water loan asks of that loan.
    /// </summary>
    private bool MayFollowUp(string text) =>
        !AnswerFollowUp.StartsAnew(text) && (AnswerFollowUp.AskOf(text) != FollowUpAsk.None || QuestionParts.Asks(text))
        && ResidentCase.Read(text, services.Content) is { MonthlyIncome: null, DailyWage: null };

    /// <summary>
    /// A bare ask right after an "I don't know" («thế mỗi tháng được bao nhiêu tiền», «phải báo với ai») asks it of that
    /// question, which the bot could not answer: read alone it got whatever entry shares its question words (the
    /// electricity support, domestic violence). It gets the honest "I don't know" and the same place again. A message
    /// with words of its own is a question of its own.
    /// </summary>
    private bool AskedOfAnUnanswered(TurnContext turn, IQuestionUnderstanding understanding, string text, Lazy<UnderstoodQuestion> read, string body)
    {
        var asking = AskingParts(text);
        var tokens = asking == text ? read.Value.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries) : understanding.Tokens(QuestionParts.WithoutFollowUpWord(asking));
        if (!MayFollowUp(text) || VietnameseText.WordCount(asking) > AnswerFollowUp.MaxWords || understanding.FindReferral(body) is not { } referral
            || AnswerFollowUp.OwnWords(tokens, asking, howItIsDone: false).Count > 0)
        {
            return false;
        }

        var unknown = new TopicGuess(UnderstoodQuestion.UnknownTopic, 1, new AnswerRef(AnswerRef.Topic, UnderstoodQuestion.UnknownTopic));
        SayUnanswered(turn, understanding, read.Value with { Decision = QuestionDecision.NotUnderstood, Best = unknown, RunnerUp = null, WeakAnswer = true, Referral = referral, Suggestions = [] }, text);
        return true;
    }

    /// <summary>
    /// The honest answer to a follow-up the answer just given does not answer («bao lâu thì có tiền» after storm damage):
    /// it says so, and where to ask as that answer names it (else the referral the place names, else UBND xã). Logged as
    /// unanswered, with the answer as its candidate and its question after the resident's words, so staff see which
    /// entry lacks what residents ask next.
    /// </summary>
    /// <param name="say">What is said: <see cref="UnderstandingMessages.NotSaid"/> before where to ask, or the answer's own
    /// sentences saying it does not know, which name where to ask themselves.</param>
    private static void SayNotSaid(TurnContext turn, IQuestionUnderstanding understanding, AnswerRef previous, string question, string topic, string said, string text, IReadOnlyList<QuickReply> buttons, string say)
    {
        var place = AnswerFollowUp.PlaceToAsk(said);
        var named = place is null ? null : AnswerFollowUp.BodyNamedIn(place, Referral.Ids.Select(understanding.FindReferral).OfType<Referral>());
        var body = named ?? understanding.Understand(place ?? question).Referral;
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [CandidatesData] = previous.Payload + " 1.00" };
        if (body is not null)
        {
            data[AnswerEvaluator.ReferData] = body.Id;
        }

        // Kept with the answer's question after it: «bao lau thi co tien» alone tells staff nothing, and linked to an entry
        // as it stands it would teach the bot that any «bao lâu thì có tiền» asks for that entry.
        turn.Log(EventKinds.QuestionUnanswered, UnansweredSubject($"{text} {question}"), data);
        if (body is { Id: not Referral.Default })
        {
            turn.Log(EventKinds.QuestionReferred, body.Id);
        }

        var where = say != understanding.Messages.NotSaid ? string.Empty : place ?? body?.Say ?? string.Empty;
        turn.Say($"{question}\n\n{say} {where}".TrimEnd(), buttons);
        KeepForTheNextTurn(turn, previous, topic);
    }

    /// <summary>The honest answer (<see cref="SayNotSaid"/>) with the answer's own place to ask and its buttons.</summary>
    private static void SayAnswerDoesNotSay(TurnContext turn, IQuestionUnderstanding understanding, AnswerRef previous, string question, string body, string topic, string text) =>
        SayNotSaid(turn, understanding, previous, question, topic, turn.Render(body), text, WholeAnswerAndWaysOn(understanding, previous, topic), understanding.Messages.NotSaid);

    /// <summary>Under a part of an answer, or what it does not say: a button for the whole answer, then the ways on from its topic.</summary>
    private static QuickReply[] WholeAnswerAndWaysOn(IQuestionUnderstanding understanding, AnswerRef previous, string topic) =>
        [new(previous.Payload, understanding.Messages.WholeAnswer), .. WaysOn(understanding.Settings(topic))];

    /// <summary>A part of an answer, or what it does not say, is still that answer: the next follow-up reads with it too.</summary>
    private static void KeepForTheNextTurn(TurnContext turn, AnswerRef answer, string topic)
    {
        turn.State.AnsweredTopic = topic;
        turn.State.AnsweredEntry = answer.Payload;
    }

    /// <summary>
    /// How much of a follow-up an entry of another matter must cover, read alone, for the follow-up to be a question of its
    /// own: «nhà tôi cận nghèo có được không» after house building aid matches the neighbour-comparison entry on a few
    /// words and still asks about the aid.
    /// </summary>
    private const double OwnQuestionCoverage = 0.75;

    /// <summary>
    /// An entry's question, the answer it says, the words it is about (question and keywords) and its topic; null when
    /// it is gone. The answer's own words are not counted as what it is about: an answer mentions the BHYT card a benefit
    /// brings, and «thẻ bhyt có tự gia hạn không» after the pension asks about the card, not the pension.
    /// </summary>
    private (string Question, string Body, string Words, string Topic)? WhatItSays(IQuestionUnderstanding understanding, AnswerRef answer) => answer.Kind switch
    {
        AnswerRef.Faq when understanding.FindFaq(answer.Id) is { Answer.Length: > 0 } faq =>
            (faq.Question, faq.Answer, $"{faq.Question} {string.Join(' ', faq.Keywords)}", faq.Topic),
        AnswerRef.Faq when understanding.FindFaq(answer.Id) is { } faq && services.Content.FindArticle(faq.AnswerArticle) is { } whole =>
            (faq.Question, whole.Body, $"{faq.Question} {string.Join(' ', faq.Keywords)}", faq.Topic),
        AnswerRef.Article when services.Content.FindArticle(answer.Id) is { } article =>
            (article.Title, article.Body, $"{article.Title} {article.Summary} {string.Join(' ', article.Keywords)}", article.Topic),
        _ => null,
    };
}
