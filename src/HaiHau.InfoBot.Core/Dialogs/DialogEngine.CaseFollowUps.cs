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
        if (OfferedCase(turn.PreviousOffer) is not { } before || CaseChange.Read(text, before) is not { } changed)
        {
            return false;
        }

        // «tính lại» only when a computation was shown before: the income told after the standing answer is the first.
        var lead = !before.HasIncomeTest ? string.Empty
            : changed.AddedIncome is { } added ? $"Cháu tính lại, cộng thêm {VietnameseFormat.Number(added)} đồng một tháng: "
            : "Cháu tính lại: ";
        return SayIncomeTest(turn, changed.Case, lead);
    }
}
