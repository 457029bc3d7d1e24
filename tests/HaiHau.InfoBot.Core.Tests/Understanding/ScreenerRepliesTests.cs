using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Tests.Engine;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// The estimate's size and income questions answered the way residents tell them (Replies/replyset.tsv): each of these
/// was asked again before.
/// </summary>
public sealed class ScreenerRepliesTests
{
    private static EngineHarness AtTheSize() => DialogWalks.ToEstimateSize();

    private static string Kept(EngineHarness bot, string var) => bot.State.Stack[^1].Vars[var];

    [Theory]
    [InlineData("2 ông bà với 2 đứa cháu", "4")]
    [InlineData("có mình tôi thôi", "1")]
    [InlineData("mẹ em nói nhà có lăm người", "5")] // «lăm» for «năm», as Nam Định says it
    [InlineData("2 vc vs 3 đứa nhỏ", "5")] // «vợ chồng», «với» as younger relatives type them
    public void The_household_told_by_who_lives_in_it_is_its_size(string reply, string size)
    {
        var bot = AtTheSize();

        var text = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(size, Kept(bot, "so_nguoi"));
        Assert.Contains("Về thu nhập", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_gives_its_middle_and_says_so()
    {
        var bot = DialogWalks.ToEstimateIncome("ca-ho");

        var text = EngineHarness.Joined(bot.Send("khoang 7 8 trieu"));

        Assert.Equal("7500000", Kept(bot, "thu_nhap_ho"));
        Assert.Contains("bác nói khoảng 7.000.000 đến 8.000.000 đồng, cháu lấy số ở giữa: 7.500.000 đồng", text, StringComparison.Ordinal);
        Assert.Contains("Câu 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_way_of_counting_and_the_amount_in_one_reply_give_both()
    {
        var bot = AtTheSize();
        bot.Send("4");

        var text = EngineHarness.Joined(bot.Send("ca nha tam 6tr"));

        // «Cả hộ một tháng» was taken and the amount asked for again.
        Assert.Equal("6000000", Kept(bot, "thu_nhap_ho"));
        Assert.Contains("Câu 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Some_hundreds_is_no_amount()
    {
        var bot = DialogWalks.ToEstimateIncome("moi-nguoi");

        var text = EngineHarness.Joined(bot.Send("mấy trăm"));

        // It had been «Dạ, cháu hiểu là 100.000 đồng.»
        Assert.False(bot.State.Stack[^1].Vars.ContainsKey("thu_nhap_nguoi"));
        Assert.DoesNotContain("100.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_said_in_hundreds_is_thousands_and_said_back()
    {
        var bot = DialogWalks.ToEstimateIncome("moi-nguoi");

        var text = EngineHarness.Joined(bot.Send("7 tram ruoi"));

        // Read as 750 đồng it was «ít quá, chắc bác quên chữ nghìn» and the question again.
        Assert.Equal("750000", Kept(bot, "thu_nhap_nguoi"));
        Assert.Contains("Dạ, cháu hiểu là 750.000 đồng.", text, StringComparison.Ordinal);
        Assert.Contains("Câu 1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("năm ngoái thì 5 triệu giờ ông ốm chả được bao", null)] // today's not told: asked again, not last year's taken
    [InlineData("năm ngoái được 5 triệu, năm nay thì 4 triệu thôi", "4000000")]
    public void Only_what_is_told_of_today_is_the_income(string reply, string? kept)
    {
        var bot = DialogWalks.ToEstimateIncome("ca-ho");

        var text = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(kept, bot.State.Stack[^1].Vars.GetValueOrDefault("thu_nhap_ho"));
        Assert.Contains(kept is null ? "Bác gõ số tiền cả hộ" : "Câu 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_s_sum_at_the_income_question_is_a_twelfth_a_month()
    {
        var bot = DialogWalks.ToEstimateIncome("ca-ho");

        bot.Send("cả năm lúa với tiền con gửi được chừng 60 triệu");

        Assert.Equal("5000000", Kept(bot, "thu_nhap_ho"));
    }

    [Fact]
    public void The_household_s_sum_told_at_the_per_person_question_is_shared_out()
    {
        var bot = DialogWalks.ToEstimateIncome("moi-nguoi");

        bot.Send("cả nhà 4 người tháng được 6 triệu");

        Assert.Equal("1500000", Kept(bot, "thu_nhap_nguoi"));
    }

    [Theory]
    [InlineData("khoang 7 8 trieu", 7_000_000, 8_000_000)]
    [InlineData("tầm 3-4tr", 3_000_000, 4_000_000)]
    [InlineData("3 đến 4 triệu một tháng", 3_000_000, 4_000_000)]
    public void A_range_of_amounts_is_read_with_the_unit_said_once(string text, long low, long high)
    {
        Assert.Equal((low, high), VietnameseNumber.ParseRange(text));
    }

    [Theory]
    [InlineData("2 10 triệu")] // too far apart to take a middle
    [InlineData("7 triệu")]
    [InlineData("nhà 4 người 6 triệu")]
    public void What_is_no_range_is_not_read_as_one(string text)
    {
        Assert.Null(VietnameseNumber.ParseRange(text));
    }

    [Fact]
    public void A_yearly_sum_is_an_income_only_where_income_is_asked_or_said()
    {
        Assert.Null(ResidentCase.Read("con học cấp 3, mỗi năm học phí 3 triệu").MonthlyIncome);
        Assert.Equal(250_000, ResidentCase.Read("con học cấp 3, mỗi năm học phí 3 triệu", incomeAsked: true).MonthlyIncome);
    }
}

/// <summary>
/// A question asked in the middle of the estimate, with or without «?»: answered when an entry does, then the estimate's
/// question again, the household's answers kept; otherwise the honest «I don't know», logged for staff, and the
/// question again. Both had left the estimate (or, without «?», asked again without a word on what was asked).
/// </summary>
public sealed class QuestionsInTheEstimateTests
{
    private static EngineHarness AtQuestionSix() => DialogWalks.ToEstimateQuestion(6);

    [Fact]
    public void A_question_without_a_question_mark_is_answered_and_the_estimate_goes_on()
    {
        var bot = AtQuestionSix();

        var text = EngineHarness.Joined(bot.Send("thế học phí có được miễn k"));

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject!.StartsWith("faq:", StringComparison.Ordinal));
        Assert.StartsWith("Câu 6", text.Split("\n---\n")[^1], StringComparison.Ordinal);
        Assert.Equal("5000000", bot.State.Stack[^1].Vars["thu_nhap_ho"]);
    }

    [Fact]
    public void A_question_no_entry_answers_is_logged_and_the_estimate_goes_on()
    {
        var bot = AtQuestionSix();

        // «hỏi cái này làm gì cháu» was this test's question until stop 50: the entry on the chatbot itself (its «cái này»,
        // «cháu») now ranks beside the Tết gifts for it, and a choice between two entries at the estimate asks the question
        // again, without logging it. A question no entry answers, written for this test:
        var text = EngineHarness.Joined(bot.Send("nhà tôi nuôi chim bồ câu thì có phải đăng ký không"));

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
        Assert.StartsWith("Câu 6", text.Split("\n---\n")[^1], StringComparison.Ordinal);
        Assert.Equal("kiem-tra-ho-ngheo/hoi-cs6", $"{bot.State.Stack[^1].DialogId}/{bot.State.Stack[^1].NodeId}");
    }

    [Fact]
    public void A_rhetorical_still_is_no_question()
    {
        Assert.False(VietnameseYesNo.EndsAsQuestion("đang nhắn cho cháu đây còn gì"));
        Assert.True(VietnameseYesNo.EndsAsQuestion("thế học phí có được miễn k"));
        Assert.True(VietnameseYesNo.EndsAsQuestion("có mất tiền không cháu"));
    }
}

/// <summary>
/// The estimate's twelve questions answered by telling rather than saying «có» or «không» (dialogs' yes_words and
/// no_words): each was asked again before; two phrases pulling apart are still asked again, and what follows «nhưng» or
/// «mà» decides.
/// </summary>
public sealed class ToldAnswersTests
{
    private static EngineHarness AtQuestion(int number) => DialogWalks.ToEstimateQuestion(number);

    [Theory]
    [InlineData(1, "thằng con trai đi phụ hồ không có hợp đồng gì cả", "yes")]
    [InlineData(4, "cả nhà có thẻ hết rồi", "no")]
    [InlineData(7, "nhà mái bằng kiên cố rồi", "no")]
    [InlineData(8, "chật lắm cháu ạ", "yes")]
    [InlineData(9, "nước máy về xóm rồi mà nhà chưa lắp", "no")]
    [InlineData(10, "nhà vệ sinh thì có nhưng hỏng rồi", "no")]
    [InlineData(11, "ông bà già rồi điện thoại cục gạch thôi", "no")]
    [InlineData(12, "chỉ nghe loa xã thôi", "yes")]
    // Harder replies (Replies/replyset2.tsv, stop 42).
    [InlineData(1, "có chứ, thằng cả đi nàm phụ hồ có hợp đồng gì đâu", "yes")]
    [InlineData(3, "nhà nàm gì có trẻ con", "no")]
    [InlineData(4, "con trai đi làm tự do chưa mua", "yes")]
    [InlineData(5, "thằng út nghỉ học từ lớp 8 đi phụ hồ rồi", "yes")]
    [InlineData(7, "nhà mái ngói tường gạch từ thời ông bà để lại, cũ nhưng chắc", "no")]
    [InlineData(10, "nhà vệ sinh thì có nhưng là cái hố đào ngoài vườn thôi", "no")]
    [InlineData(11, "chi co cai dien thoai bam so thoi", "no")]
    [InlineData(12, "không có ti vi nhưng loa xã ngày nào cũng nghe", "yes")] // said no, told yes after «nhưng»: the telling
    [InlineData(12, "ko co tv nhg van nghe loa xa", "yes")] // «nhg» is «nhưng»
    [InlineData(11, "wifi ko co", "no")] // a yes phrase said as missing
    [InlineData(9, "nuoc may chua keo ve xom e", "no")]
    [InlineData(1, "co, anh e lm phu ho k co hd", "yes")] // «lm», «hđ» written out: «làm», «không có hợp đồng»
    [InlineData(4, "thang ut chua co", "yes")]
    [InlineData(11, "nha k ai dung mang, e nhan ho thoi", "no")]
    public void An_answer_told_is_read_as_the_yes_or_no_it_gives(int number, string reply, string kept)
    {
        var bot = AtQuestion(number);

        bot.Send(reply);

        Assert.Equal(kept, bot.State.Stack[^1].Vars[$"cs{number}"]);
    }

    [Theory]
    [InlineData(1, "làm thuê nhưng có hợp đồng đàng hoàng", "no")] // «nhưng» decides
    [InlineData(1, "làm thuê có hợp đồng", null)] // «làm thuê» and «có hợp đồng» pull apart: asked again
    [InlineData(12, "tivi hỏng lâu rồi, loa thôn cũng k nghe rõ", null)]
    [InlineData(4, "dạ có thẻ ạ", null)] // says yes (someone lacks a card) and tells no (has one): asked again
    [InlineData(12, "có cái đài cũ hỏng rồi", null)] // a yes, a radio (yes) and broken (no): asked again, not «Có»
    public void Phrases_that_pull_apart_are_asked_again(int number, string reply, string? kept)
    {
        var bot = AtQuestion(number);

        var text = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(kept, bot.State.Stack[^1].Vars.GetValueOrDefault($"cs{number}"));
        if (kept is null)
        {
            Assert.Contains($"Câu {number}", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nhà 30 mét vuông mà 5 người ở", "yes", "Dạ, 30 m² cho 5 người là khoảng 6 m² mỗi người.")]
    [InlineData("nhà có 40m2 thôi", "no", "Dạ, 40 m² cho 4 người là khoảng 10 m² mỗi người.")] // the household's 4, told before
    [InlineData("20 m vuông, 3 khẩu", "yes", "Dạ, 20 m² cho 3 người là khoảng 6,7 m² mỗi người.")]
    public void The_crowding_question_is_worked_out_from_the_area_told(string reply, string kept, string saidBack)
    {
        var bot = AtQuestion(8);

        var text = EngineHarness.Joined(bot.Send(reply));

        // Asked again before: phrases cannot do the sum under «mỗi người chưa được 8 mét vuông?».
        Assert.Equal(kept, bot.State.Stack[^1].Vars["cs8"]);
        Assert.Contains(saidBack, text, StringComparison.Ordinal);
        Assert.Contains("Câu 9", text, StringComparison.Ordinal);
    }
}
