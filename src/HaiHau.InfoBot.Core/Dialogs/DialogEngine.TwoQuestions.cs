using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A message with two questions («ho can ngheo co dc bhyt ko, vay von dc ko»; «bhyt hộ nghèo thế nào? còn vay vốn
/// thì sao»), issue 12 §3. The design is deliberately simple: the first question is answered as if asked alone,
/// and the second is offered as the first button of that answer, «Còn câu hỏi: vay vốn dc ko», in the resident's own
/// words, or with the FAQ entry's question when the second part found one (so the label has diacritics). Why not both answers at once: two answers in a row are a wall of text on a phone, and a short second
/// part read alone is a less sure guess, so the resident chooses. The button carries the answer's payload
/// (<see cref="AnswerRef"/>), so pressing it, now or later, needs nothing remembered and works on every channel
/// (Zalo shows it as a numbered line). Only two parts that are each a clear question, on two different topics,
/// count: one question told in several clauses («nhà tôi 4 người, lương 3 triệu, có được hộ nghèo không») stays one.
/// </summary>
public sealed partial class DialogEngine
{
    /// <summary>Long enough to recognise the question on a button; Zalo and Telegram cut longer labels.</summary>
    private const int SecondQuestionLabelLength = 40;

    private const string SecondQuestionPrefix = "Còn câu hỏi: ";

    /// <summary>
    /// Two questions typed in one go are short («bhyt hộ nghèo thế nào? còn vay vốn thì sao»). A longer message is a
    /// story with one ask at its end (QuestionFocus reads it): cut into clauses, a clause of the story got a confident
    /// answer where the whole was rightly referred (on the real set, confident-wrong 5.5 % → 7.4 % without this limit).
    /// </summary>
    private const int TwoQuestionsMaxWords = 24;

    /// <summary>Two subjects listed with «với» / «và» are a short message; a longer one is a sentence about one thing.</summary>
    private const int ListedSubjectsMaxWords = 12;

    /// <summary>
    /// An entry that has (nearly) every word of a short message answers it as one thing, «với» or not. Not 1: a word
    /// of greeting or an address («ạ», «bác») is often missing from the entry.
    /// </summary>
    private const double CoveredWhole = 0.9;

    /// <param name="whole">The message read whole, as the caller already read it (not read again on the turn's path).</param>
    private bool AnswerFirstOfTwo(TurnContext turn, IQuestionUnderstanding understanding, string text, UnderstoodQuestion whole)
    {
        var words = VietnameseText.WordCount(text);
        var parts = QuestionParts.Split(text);
        // «thẻ bhyt với vay vốn cho con đi học»: no question word, two subjects in a list. Each part then needs only to
        // be understood on a topic of its own (a subject named is what the resident asks about), not to be a question.
        // A message read whole as a request of its own («cho bác nói chuyện với cán bộ xã»: the officer) is no list, nor
        // one an entry covers whole («tranh chấp đất với hàng xóm»: the land dispute; cut, «hàng xóm» alone read as the
        // neighbour's standing and the resident was asked to pick a topic).
        var listed = parts.Count < 2 && words <= ListedSubjectsMaxWords && !whole.IsQuestion
            && understanding.Settings(whole.Best.Topic)?.Action == TopicAction.Answer
            && !(whole.Decision == QuestionDecision.Answer && whole.Best.Answer.Kind == AnswerRef.Faq && whole.Best.Coverage >= CoveredWhole);
        if (listed)
        {
            parts = QuestionParts.SplitAtJoin(text);
        }

        if (parts.Count < 2 || words > TwoQuestionsMaxWords)
        {
            return false;
        }

        var read = parts.Select(p => understanding.Understand(QuestionParts.WithoutFollowUpWord(p))).ToList();
        // A clause of the story is no question, whatever it shares with one (QuestionParts.Asks).
        bool Clear(int i) => listed ? IsClearSubject(understanding, read[i]) : IsClearQuestion(understanding, read[i]) && QuestionParts.Asks(parts[i]);
        var first = Enumerable.Range(0, read.Count).FirstOrDefault(Clear, -1);
        if (first < 0)
        {
            return false;
        }

        var second = Enumerable.Range(first + 1, read.Count - first - 1).FirstOrDefault(i => Clear(i) && read[i].Best.Topic != read[first].Best.Topic, -1);
        if (second < 0)
        {
            return false;
        }

        if (listed)
        {
            // Two subjects named, nothing asked about either: each part's best entry would be a guess («thẻ bhyt» alone
            // is no question about a lost card), so the resident picks the topic, whose dialog asks what they need.
            var (a, b) = (read[first].Best.Topic, read[second].Best.Topic);
            QuickReply[] choices = [TopicChoice(understanding, a), TopicChoice(understanding, b)];
            turn.Log(EventKinds.QuestionAmbiguous, $"{a}|{b}", Offered(choices));
            turn.Say(understanding.Messages.WhichTopic, [.. choices, .. GlobalCommands.Buttons(GlobalCommand.Menu)]);
            return true;
        }

        // What came before the first question is its story («tôi hộ cận nghèo, bhyt được mấy phần?»): read together when that is still clear.
        var withStory = first == 0 ? read[0] : understanding.Understand(string.Join(", ", parts.Take(first + 1)));
        var answered = IsClearQuestion(understanding, withStory) && withStory.Best.Topic == read[first].Best.Topic ? withStory : read[first];
        var (now, later, laterText) = (answered, read[second], parts[second]);
        if (now.Best.Answer.Kind == AnswerRef.Topic)
        {
            // A topic's dialog asks questions of its own, and its buttons must stay the last ones: answer the other
            // part now and offer the dialog instead. Two dialogs: one message cannot hold both, read it whole.
            if (later.Best.Answer.Kind == AnswerRef.Topic)
            {
                return false;
            }

            (now, later, laterText) = (later, now, parts[first]);
        }

        // Answered as a question read alone is, so a guess of the entry model is marked for staff with the whole message.
        if (!AnswerRead(turn, understanding, now, text, insideDialog: false))
        {
            return false;
        }

        turn.OfferFirst(new QuickReply(later.Best.Answer.Payload, SecondQuestionPrefix + ButtonWords(SecondQuestionLabel(understanding, later, laterText))));
        return true;
    }

    /// <summary>
    /// What the button says: the FAQ entry's own question when the second part found one (it was read as a clear
    /// question, so the match is confident), written with diacritics («Còn câu hỏi: Hộ nghèo vay vốn ở đâu…») even when
    /// the resident typed none; otherwise the resident's words.
    /// </summary>
    private static string SecondQuestionLabel(IQuestionUnderstanding understanding, UnderstoodQuestion later, string laterText) =>
        later.Best.Answer.Kind == AnswerRef.Faq && understanding.FindFaq(later.Best.Answer.Id) is { } faq
            ? faq.Question
            : QuestionParts.WithoutFollowUpWord(laterText);

    private static QuickReply TopicChoice(IQuestionUnderstanding understanding, string topic) =>
        new(new AnswerRef(AnswerRef.Topic, topic).Payload, understanding.Settings(topic)?.Label ?? topic);

    private static bool IsClearQuestion(IQuestionUnderstanding understanding, UnderstoodQuestion question) =>
        question.IsQuestion && IsClearSubject(understanding, question);

    private static bool IsClearSubject(IQuestionUnderstanding understanding, UnderstoodQuestion question) =>
        question.Decision == QuestionDecision.Answer && understanding.Settings(question.Best.Topic)?.Action == TopicAction.Answer;

    /// <summary>The resident's words, cut at a word so the button stays one line.</summary>
    private static string ButtonWords(string words)
    {
        words = words.Trim().TrimEnd('?', '.', '!', ' ');
        if (words.Length <= SecondQuestionLabelLength)
        {
            return words;
        }

        var cut = words.LastIndexOf(' ', SecondQuestionLabelLength);
        return (cut > 0 ? words[..cut] : words[..SecondQuestionLabelLength]) + "…";
    }
}
