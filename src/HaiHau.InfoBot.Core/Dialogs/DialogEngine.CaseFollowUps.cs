using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A household's case computed, the next message changes one of its numbers (issue 12 §3): «thế nếu 7 triệu thì
/// sao», «nếu nhà 6 người thì sao», «nếu thằng út đi làm lương 6 triệu thì sao». The income test is computed again
/// with the new number and the rest as told (<see cref="CaseChange"/>), and the full estimate offered with it. Read alone,
/// they got an "I don't know" or a question back, and the resident had to tell the whole case again.
/// </summary>
public sealed partial class DialogEngine
{
    private bool AnswerChangedCase(TurnContext turn, string text)
    {
        if (OfferedCase(turn.PreviousOffer) is not { } before)
        {
            return false;
        }

        if (CaseChange.Read(text, before) is not { } changed)
        {
            return AskedOfTheCase(turn, text);
        }

        if (!changed.Case.HasIncomeTest)
        {
            // Still no income: the size alone decides nothing, so the new size is kept for the estimate and the income is
            // asked for (read alone, «thế nếu nhà 6 người thì sao» got the entry on a poor household's missing BHYT card).
            OfferScreener(turn, changed.Case, $"Cháu ghi lại: nhà bác {changed.Case.Members} người. Chỉ số người thì chưa tính được; "
                + "bác cho cháu biết thu nhập cả nhà mỗi tháng khoảng bao nhiêu (ví dụ: 5 triệu), hoặc bấm nút dưới đây để cháu ước tính thử.", TryEstimateLabel);
            return true;
        }

        // «tính lại» only when a computation was shown before: the income told after the standing answer is the first.
        var lead = !before.HasIncomeTest ? string.Empty
            : changed.AddedIncome is { } added ? $"Cháu tính lại, cộng thêm {VietnameseFormat.Number(added)} đồng một tháng: "
            : "Cháu tính lại: ";
        return SayIncomeTest(turn, changed.Case, lead);
    }

    /// <summary>
    /// «thế phải làm đơn ở đâu», «ai quyết định cho nhà mình vào danh sách» right after the case: where, which papers,
    /// when or who of being recognised poor, which the message alone did not say (read alone, the first got the entry on
    /// a lost BHYT card). Read with the poverty topic's name, when it asks one of those and names no matter of its own.
    /// </summary>
    private bool AskedOfTheCase(TurnContext turn, string text)
    {
        if (services.Understanding is not { } understanding || VietnameseText.WordCount(text) > AnswerFollowUp.MaxWords
            || (AnswerFollowUp.AskOf(text) == FollowUpAsk.None && !AsksWhoDecides(text))
            || understanding.Settings(Topics.Eligibility) is not { } poverty)
        {
            return false;
        }

        // A matter of its own («bhyt ở đâu làm», «được hộ nghèo rồi có được vay vốn không») stays its own with the name added.
        var rest = QuestionParts.WithoutFollowUpWord(text);
        if (understanding.Understand($"{rest} {poverty.Label}") is not { Decision: QuestionDecision.Answer, Best: { Topic: Topics.Eligibility, Answer.Kind: AnswerRef.Faq or AnswerRef.Article } } within)
        {
            return false;
        }

        turn.Log(EventKinds.QuestionUnderstood, Topics.Eligibility);
        return GoWith(turn, understanding, within, text);
    }

    private static bool AsksWhoDecides(string text) =>
        VietnameseText.Fold(text) is var folded && (folded.Contains("ai quyet dinh", StringComparison.Ordinal) || folded.Contains("ai xet", StringComparison.Ordinal)
            || folded.Contains("hoi ai", StringComparison.Ordinal));
}
