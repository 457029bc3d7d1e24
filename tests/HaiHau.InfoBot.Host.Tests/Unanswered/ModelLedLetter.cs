namespace HaiHau.InfoBot.Host.Tests.Unanswered;

/// <summary>
/// A long story the search finds too weak and the entry model answers (Core's ModelLedAnswerTests proves it through
/// the engine). The console tests and the browser walk share it, so when the content grows to answer it by search one
/// place changes; <see cref="ModelAnswersPageTests"/>' first test is the one that notices.
/// </summary>
internal static class ModelLedLetter
{
    public const string Text = "Tôi làm công nhân may được 6 năm, có đóng bảo hiểm đầy đủ, tháng trước công ty cắt giảm nên tôi bị cho nghỉ. Nhà có mẹ già với hai đứa con đang đi học, tôi lo quá. Tôi có được nhận tiền trợ cấp thất nghiệp không và được bao nhiêu tháng?";

    /// <summary>The entry the model gives it.</summary>
    public const string Faq = "tro-cap-that-nghiep";
}
