using System.Globalization;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// The honest "I don't know" (issue 12 §4): when no answer covers the question well enough, a weak match is never
/// shown as the answer. The resident hears one kind sentence, the right place to ask (the referral the question names,
/// else UBND xã) and gets «Gặp cán bộ»; staff get the question with the best candidates, to write the missing entry.
/// </summary>
public sealed partial class DialogEngine
{
    /// <summary>Event data: the answers that came closest, "faq:x 0.31|article:y 0.12" (answer and coverage).</summary>
    public const string CandidatesData = "candidates";

    /// <summary>
    /// Event data: the entries offered as buttons beside the "I don't know", "faq:x|faq:y" (see
    /// <see cref="UnderstoodQuestion.Suggestions"/>), or what a question back's buttons lead to (entries or topics).
    /// </summary>
    public const string SuggestedData = "suggested";

    /// <summary>
    /// An unanswered question as it is kept for staff: folded, at most <see cref="UnansweredSubjectLength"/> characters.
    /// A longer one is a letter, which tells its story first and asks last, so the story's start is kept with the ask
    /// («… » between): cut at 200 characters, staff saw a story and never the question (and could not tell which entry to
    /// link it to). Cuts fall between words and leave no space at the end: staff's decisions compare the words they keep
    /// with it, and a trailing space had kept a cut letter from ever matching (so erasing its resident left staff's copy).
    /// </summary>
    public static string UnansweredSubject(string? text)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length <= UnansweredSubjectLength)
        {
            return folded.TrimEnd();
        }

        var sentences = QuestionFocus.Sentences(text!).Where(s => VietnameseText.Fold(s).Length > 0).ToList();
        var asked = sentences.FindLastIndex(s => s.Contains('?', StringComparison.Ordinal));
        asked = asked < 0 ? sentences.Count - 1 : asked;
        if (asked <= 0)
        {
            return WordCut(folded, UnansweredSubjectLength);
        }

        var ask = WordCut(VietnameseText.Fold(sentences[asked]).Trim(), AskLength);
        return WordCut(folded, UnansweredSubjectLength - ask.Length - AskGap.Length) + AskGap + ask;
    }

    /// <summary>How much of a letter's ask <see cref="UnansweredSubject"/> keeps; the story's start gets the rest.</summary>
    private const int AskLength = 120;

    private const string AskGap = " … ";

    private static string WordCut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text.TrimEnd();
        }

        var cut = text[..length];
        var space = cut.LastIndexOf(' ');
        return (space > 0 ? cut[..space] : cut).TrimEnd();
    }

    private void SayUnanswered(TurnContext turn, IQuestionUnderstanding understanding, UnderstoodQuestion question, string text)
    {
        var folded = UnansweredSubject(text);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidates = new[] { question.Best, question.RunnerUp }
            .OfType<TopicGuess>()
            .Where(g => g.Answer.Kind is AnswerRef.Faq or AnswerRef.Article)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Answer.Payload} {g.Coverage:0.00}"))
            .ToList();
        if (candidates.Count > 0)
        {
            data[CandidatesData] = string.Join('|', candidates);
        }

        if (question.Referral is { } referral)
        {
            data[AnswerEvaluator.ReferData] = referral.Id;
        }

        var suggestions = question.Suggestions.Select(s => Choice(understanding, s, byAnswer: true)).ToList();
        if (suggestions.Count > 0)
        {
            data[SuggestedData] = string.Join('|', question.Suggestions.Select(s => s.Answer.Payload));
        }

        turn.Log(EventKinds.QuestionUnanswered, folded, data.Count > 0 ? data : null);
        // «thế mỗi tháng được bao nhiêu» right after is asked of this "I don't know", not of whatever entry its words match.
        turn.State.AnsweredEntry = question.Referral is { } sentTo ? new AnswerRef(AnswerRef.Refer, sentTo.Id).Payload : null;
        if (question.Referral is { Id: not Referral.Default } named)
        {
            turn.Log(EventKinds.QuestionReferred, named.Id); // the statistics' «referred», told apart from «not understood»
        }

        var sorry = question.WeakAnswer || question.Referral is { Id: not Referral.Default }
            ? "Cháu chưa có câu trả lời chắc chắn cho đúng câu bác hỏi, nên cháu không dám trả lời đại ạ."
            : understanding.Messages.NotUnderstood;
        var say = question.Referral is { } body ? $"{sorry}\n\n{body.Say}" : sorry;
        if (suggestions.Count > 0)
        {
            say += $"\n\n{understanding.Messages.Suggest}";
        }

        if (turn.State.Stack.Count > 0 && turn.Frame.Waiting && (suggestions.Count == 0 || InTopicDialog(turn)))
        {
            // The question's own buttons (at the menu: every topic, and «Gặp cán bộ») are the best way on: ask it again.
            // At the menu, suggested entries are that way on instead: the whole menu after them made «1» its first topic.
            turn.Say(say, suggestions.Count > 0 ? suggestions : null);
            Run(turn, new NodeOutcome.Continue(turn.Frame.NodeId));
        }
        else
        {
            turn.Say(say, [.. suggestions, .. GlobalCommands.Buttons(GlobalCommand.Menu, GlobalCommand.Handoff)]);
        }
    }
}
