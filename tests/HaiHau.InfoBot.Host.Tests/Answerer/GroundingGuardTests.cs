using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Host.Answerer;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>
/// The grounding guard on its own: what a composed answer may say (what its entries and today's facts say, however
/// the model spells the number), and what sends the retrieval answer instead.
/// </summary>
public sealed class GroundingGuardTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly Grounding Entries = new([
        "Chuẩn thu nhập hộ nghèo nông thôn: 1.500.000 đồng (từ 1/1/2027: 2.200.000 đồng)",
        "Người thuộc hộ cận nghèo được quỹ bảo hiểm y tế trả 100% chi phí.",
        "Việc này bác hỏi UBND xã nơi bác ở (Phòng Văn hóa – Xã hội).",
        "Nghị định 07/2021/NĐ-CP, Điều 3",
    ]);

    private static IReadOnlyList<string> Check(string composed) =>
        GroundingGuard.Check(composed, Entries, BotDataCache.Load(RepoPaths.Dialogs, RepoPaths.Content, PreparedUnderstanding.Store()).Content.LegalActs, Today);

    [Theory]
    [InlineData("Chuẩn nghèo ở nông thôn hiện là 1.500.000 đồng mỗi người một tháng.")]
    [InlineData("Chuẩn nghèo ở nông thôn hiện là 1,5 triệu đồng; từ 01/01/2027 là 2,2 triệu đồng.")]
    [InlineData("Hộ cận nghèo được trả 100% chi phí. Bác hỏi UBND xã nơi bác ở (Phòng Văn hóa – Xã hội) nhé.")]
    [InlineData("Theo Nghị định 07/2021/NĐ-CP, từ năm 2027 chuẩn mới là 2.200.000 đồng.")]
    [InlineData("Bác làm thế này:\n1. Đến UBND xã.\n2. Mang theo căn cước.")]
    public void An_answer_that_says_only_what_its_entries_say_passes(string composed) =>
        Assert.Empty(Check(composed));

    [Theory]
    [InlineData("Chuẩn nghèo hiện là 5.000.000 đồng mỗi người.", "number:5.000.000")]
    [InlineData("Mỗi tháng nhà bác được hỗ trợ 3 triệu đồng.", "number:3 triệu")]
    [InlineData("Hạn nộp hồ sơ là 14/12/2026.", "reference:14/12/2026")]
    [InlineData("Theo Nghị định 351/2025/NĐ-CP thì hộ bác thuộc diện cận nghèo.", "reference:351/2025")]
    [InlineData("Bác đến UBND huyện Hải Hậu để làm hồ sơ.", "office:UBND huyện Hải Hậu")]
    [InlineData("Bác hỏi Sở Lao động tỉnh nhé.", "office:Sở Lao")]
    public void An_invented_number_date_act_or_office_is_caught(string composed, string expected) =>
        Assert.Contains(expected, Check(composed));

    [Fact]
    public void A_repealed_decree_is_caught_even_when_an_entry_cites_it()
    {
        var grounding = new Grounding(["Nghị định 146/2018/NĐ-CP quy định mức hưởng 95%."]);

        var problems = GroundingGuard.Check("Theo Nghị định 146/2018/NĐ-CP, bác được hưởng 95%.", grounding,
            BotDataCache.Load(RepoPaths.Dialogs, RepoPaths.Content, PreparedUnderstanding.Store()).Content.LegalActs, Today);

        Assert.Contains("repealed:Nghị định 146/2018/NĐ-CP", problems);
    }

    [Fact]
    public void What_a_kernel_function_returned_grounds_the_answer_from_then_on()
    {
        var grounding = new Grounding(["Chuẩn nghèo: 1.500.000 đồng"]);
        Assert.Contains("number:750.000", GroundingGuard.Check("Bình quân 750.000 đồng/người.", grounding, [], Today));

        grounding.Add("Thu nhập bình quân 750.000 đồng/người/tháng");

        Assert.Empty(GroundingGuard.Check("Bình quân 750.000 đồng/người.", grounding, [], Today));
    }
}
