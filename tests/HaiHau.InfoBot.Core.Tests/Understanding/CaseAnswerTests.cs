using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// Reading the case (issue 12 §3): the household's own numbers get their own computation, and the screener that
/// follows does not ask again what was said.
/// </summary>
public sealed class CaseAnswerTests
{
    [Theory]
    [InlineData("nhà tôi 4 người, lương tháng 3 triệu, có được hộ nghèo không", 4, 3_000_000, false)]
    [InlineData("nha e 5 nguoi thu nhap 6tr", 5, 6_000_000, false)]
    [InlineData("Gia đình tôi có bốn khẩu, bình quân mỗi người 1tr2 một tháng", 4, 1_200_000, true)]
    [InlineData("nhà 3 người, thu được 36 triệu một năm", 3, 3_000_000, false)]
    [InlineData("vợ chồng già chúng tôi 2 người, con cái gửi về 1 triệu 5 mỗi tháng", 2, 1_500_000, false)]
    [InlineData("nha e 4 nguoi, chong lam trong sai gon gui ve thang 5tr", 4, 5_000_000, false)] // sent home, its month before it
    [InlineData("nhà 3 người, tháng 4 triệu", 3, 4_000_000, false)]
    // The «1» of «1 tháng», «1 năm», «1 người» counts the period or the person, not the hundreds of thousands («3 triệu 1»).
    [InlineData("nha toi 4 nguoi thu nhap 3 trieu 1 thang co duoc ho ngheo ko", 4, 3_000_000, false)]
    [InlineData("nhà tôi 3 người, thu nhập 24 triệu 1 năm", 3, 2_000_000, false)]
    [InlineData("nhà em 5 người, bình quân 1 triệu 1 người mỗi tháng", 5, 1_000_000, true)]
    [InlineData("nhà tôi 4 người, lương tháng 3 triệu 1", 4, 3_100_000, false)]
    [InlineData("vo chong e va 1 con, moi thang tong 5tr", 3, 5_000_000, false)]
    [InlineData("hai vợ chồng tôi với ba đứa con, thu nhập mỗi tháng 6 triệu", 5, 6_000_000, false)]
    [InlineData("nha e 2 vo chong + 2 dua nho, luong thang 4tr", 4, 4_000_000, false)]
    // An older couple alone is a household of two; with their children after it, it is not.
    [InlineData("2 vợ chồng già thu nhập 3 củ một tháng có được cận nghèo không", 2, 3_000_000, false)]
    [InlineData("hai ông bà già, con gửi về mỗi tháng 2 triệu", 2, 2_000_000, false)]
    // Living with the spouse, told as the older residents tell it, and nobody named after: two.
    [InlineData("bà lăm nay 72 tuổi ở với ông nhà bà 75, mỗi tháng được độ 2 triệu, con cái đi làm ăn xa cả", 2, 2_000_000, false)]
    [InlineData("bác sống với ông nhà bác thôi, mỗi tháng 2 triệu", 2, 2_000_000, false)]
    // «ng» is «người» typed short.
    [InlineData("nha e 4 ng thu nhap 6tr co dc ho ngheo k", 4, 6_000_000, false)]
    [InlineData("nhà 3 ng, thu nhập 1tr/ng 1 tháng", 3, 1_000_000, true)]
    // Said in words, as voice typing writes it
    [InlineData("nhà tôi có bốn người thu nhập cả nhà tháng được độ ba triệu", 4, 3_000_000, false)]
    [InlineData("hai vợ chồng già mỗi tháng được hai triệu rưỡi", 2, 2_500_000, false)]
    [InlineData("nhà em năm người, thu nhập một tháng mười lăm triệu", 5, 15_000_000, false)]
    [InlineData("nhà tôi ba người lương tháng một triệu hai", 3, 1_200_000, false)]
    [InlineData("nhà sáu khẩu, cả năm thu được ba mươi sáu triệu một năm", 6, 3_000_000, false)]
    // The size told first, then some of them described: the size; an older couple telling the two of them, without «có».
    [InlineData("nhà 5 người có 2 người già, thu nhập 6 triệu 1 tháng có được hộ nghèo k", 5, 6_000_000, false)]
    [InlineData("nhà 2 người già, thu nhập 2 triệu một tháng", 2, 2_000_000, false)]
    [InlineData("nhà tôi có 4 người, thu nhập 5 triệu một tháng", 4, 5_000_000, false)]
    // Five said with «l» (the delta's n/l), then how many of them farm: the household is five.
    [InlineData("nhà bác lăm người bốn người làm ruộng một tháng cả nhà thu được chừng năm triệu thì có phải hộ nghèo không cháu", 5, 5_000_000, false)]
    [InlineData("nhà tôi mười lăm người, thu nhập 15 triệu một tháng", 15, 15_000_000, false)]
    // A decimal comma or point, thousands grouped: the fold had dropped the separator (4,5 triệu read as 5 triệu).
    [InlineData("nhà 4 người thu nhập 4,5 triệu một tháng", 4, 4_500_000, false)]
    [InlineData("nhà 4 người thu nhập 4.5tr một tháng", 4, 4_500_000, false)]
    [InlineData("gia đình tôi 4 người thu nhập bình quân đầu người 1,2 triệu/tháng", 4, 1_200_000, true)]
    [InlineData("nhà 4 người thu nhập 1.500.000 mỗi người", 4, 1_500_000, true)]
    // Everyone counted, and a year named.
    [InlineData("nhà tôi có bố mẹ già và 2 con nhỏ, tổng cộng 6 người, thu nhập 7 triệu", 6, 7_000_000, false)]
    [InlineData("nhà tôi 4 người, năm ngoái thu nhập 48 triệu", 4, 4_000_000, false)]
    // A range told: its middle, as the screener takes it (the upper end had been taken).
    [InlineData("nhà 4 người, thu nhập 3 đến 4 triệu một tháng", 4, 3_500_000, false)]
    [InlineData("nhà 6 người mà thu nhập có 5 6 triệu thôi", 6, 5_500_000, false)]
    [InlineData("nha 5 nguoi thu nhap tam 3-4tr/thang", 5, 3_500_000, false)]
    [InlineData("nhà 4 người thu nhập 1 đến 4 triệu một tháng", 4, 4_000_000, false)]
    // A parent and child, or a grandparent and grandchild, counted as the household.
    [InlineData("hai mẹ con em thu nhập 3 triệu một tháng có được hộ nghèo không", 2, 3_000_000, false)]
    [InlineData("nhà có 2 bố con, tháng được khoảng 2 triệu", 2, 2_000_000, false)]
    [InlineData("3 mẹ con tôi, lương tháng 4 triệu", 3, 4_000_000, false)]
    // Two members' earnings, each in its own clause, add up; a sum after «trừ», «trong đó» is no other earner's.
    [InlineData("nha e 5 nguoi, chong e luong 6tr, e ban hang duoc 2tr moi thang", 5, 8_000_000, false)]
    [InlineData("nhà tôi 4 người, chồng lương 5 triệu, tôi làm thuê được 2 triệu một tháng", 4, 7_000_000, false)]
    [InlineData("nhà 4 người, bố lương hưu 3 triệu, con gửi về 2 triệu mỗi tháng", 4, 5_000_000, false)]
    [InlineData("nhà 4 người thu nhập 6 triệu, trừ chi phí còn 4 triệu", 4, 6_000_000, false)]
    [InlineData("nhà 3 người lương 5 triệu, trong đó chồng 3 triệu", 3, 5_000_000, false)]
    // What is spent is not what is earned; an allowance is.
    [InlineData("bà ở một mình, chi phí trông coi, tiền thuốc khoảng 6.000.000 đồng/tháng, bà chỉ có trợ cấp 2.700.000 đồng/tháng", 1, 2_700_000, false)]
    // Typed short: «1 mình» alone, «dc» for «được» after the work that earns it (stop 57, chatset6's short rows).
    [InlineData("me e o 1 minh, thang dc 2 củ con gui ve, vay co vao ho ngheo dc ko", 1, 2_000_000, false)]
    [InlineData("ho e 6 khau ma chi co 1 ng di lam dc 5tr, xet dc gi ko a", 6, 5_000_000, false)]
    [InlineData("nha 5 nguoi, chi co chong di lam thue dc 4tr thi co dc ho ngheo ko", 5, 4_000_000, false)]
    // Hundreds of thousands said in words, as older residents dictate them.
    [InlineData("hai ông bà già ở riêng, mỗi tháng chỉ có ba trăm nghìn tiền bán rau", 2, 300_000, false)]
    [InlineData("nhà 3 người mỗi tháng được chín trăm năm mươi nghìn", 3, 950_000, false)]
    // One who raises children alone is not a household of one.
    [InlineData("e 1 minh nuoi 2 con, luong 4tr", 3, 4_000_000, false)]
    [InlineData("bà một mình nuôi hai đứa cháu, tháng được 1 triệu", 3, 1_000_000, false)]
    public void The_household_size_and_income_are_read_in_any_form(string text, int members, decimal income, bool perPerson)
    {
        var told = ResidentCase.Read(text);

        Assert.Equal(members, told.Members);
        Assert.Equal(income, told.MonthlyIncome);
        Assert.Equal(perPerson, told.IncomePerPerson);
    }

    [Theory]
    [InlineData("Tôi đặt cọc 150 triệu để mua miếng đất, sau đó một người khác hỏi mua lại với giá cao hơn, tôi phải làm sao?", null, null)]
    [InlineData("nhà tôi 4 người, vay ngân hàng 50 triệu để nuôi lợn, giờ trả thế nào", 4, null)]
    [InlineData("một người bạn bảo tôi đi làm thuê được 5 triệu một tháng", null, 5_000_000)]
    [InlineData("nhà 4 người, tháng kiếm được 900 triệu", 4, null)]
    // «ngày» is no person: a day's pay, not per person.
    [InlineData("một ngày làm thuê được 200k", null, null)]
    [InlineData("nhà tôi bốn người, vay ba triệu để nuôi lợn", 4, null)]
    [InlineData("2 vợ chồng và các con làm thuê", null, null)]
    [InlineData("tôi ở với chồng và 2 con, làm thuê", null, null)] // the children after: not two
    [InlineData("tôi sống với vợ, con trai đi làm xa", null, null)]
    // People the household has, described («khuyết tật», «đi làm»), are some of it, not its size: it was a household of
    // one at 4 triệu a head, told it was not poor.
    [InlineData("nhà tôi có 1 người khuyết tật, thu nhập cả nhà 4 triệu một tháng có được cận nghèo không", null, 4_000_000)]
    [InlineData("nha e co 2 nguoi di lam, luong thang 7tr", null, 7_000_000)]
    [InlineData("gia đình có một người già ốm, thu nhập 3 triệu mỗi tháng", null, 3_000_000)]
    // What is spent is not what is earned.
    [InlineData("nhà tôi 3 người, mỗi tháng tiêu hết 5 triệu", 3, null)]
    [InlineData("nhà tôi 3 người, tháng trước vay 5 triệu", 3, null)] // a loan, whatever month
    // Each earner's pay is not each member's share: which is meant is not told, so neither is taken.
    [InlineData("nhà tôi 4 người, 2 vợ chồng đi làm thuê mỗi người 3 triệu một tháng, có được cận nghèo không", 4, null)]
    public void Sums_and_people_that_are_not_the_household_s_are_not_read_as_its_case(string text, int? members, int? income)
    {
        var told = ResidentCase.Read(text);

        Assert.Equal(members, told.Members);
        Assert.Equal(income, told.MonthlyIncome);
        Assert.False(told.HasIncomeTest);
    }

    [Theory]
    [InlineData("nhà tôi ở thị trấn Yên Định 4 người thu nhập 7 triệu có được cận nghèo không", true)]
    [InlineData("nhà tôi ở TT Thịnh Long, 3 người, thu nhập 4 triệu, có được hộ nghèo không", true)]
    [InlineData("nhà tôi ở Hải Châu 4 người thu nhập 7 triệu có được cận nghèo không", false)]
    public void A_former_town_named_is_told_which_line_was_taken_and_who_confirms(string text, bool told)
    {
        var bot = EngineHarness.On(2026, 12, 5);
        var reply = bot.Send(text)[0].Text;

        Assert.Equal(told, reply.Contains("Thị trấn cũ nay thuộc xã; cháu tạm tính chuẩn nông thôn, UBND xã sẽ xác nhận.", StringComparison.Ordinal));
        // The verdict stays on the first screen with it.
        Assert.Contains("Mức này", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_is_computed_at_its_middle_and_the_reply_says_so()
    {
        var reply = new EngineHarness().Send("nhà 4 người, thu nhập 3 đến 4 triệu một tháng, có được cận nghèo không").Single();

        Assert.StartsWith("Nhà bác 4 người, thu nhập cả hộ khoảng 3.000.000 đến 4.000.000 đồng một tháng; cháu lấy số ở giữa, 3.500.000 đồng, tính ra mỗi người khoảng 875.000 đồng", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    // A farmer counts by the year: the reply says the sum told and its twelfth to the thousand, not «1.666.667 đồng».
    [InlineData("Tôi 70 tuổi sống với vợ, hai ông bà trồng lúa được khoảng 20 triệu một năm, có được xét nghèo không",
        "Nhà bác 2 người, thu nhập cả hộ 20.000.000 đồng một năm, tức khoảng 1.667.000 đồng một tháng, tính ra mỗi người khoảng 833.000 đồng")]
    [InlineData("nhà 4 người, mỗi năm thu được 30 đến 40 triệu có được cận nghèo không",
        "Nhà bác 4 người, thu nhập cả hộ khoảng 30.000.000 đến 40.000.000 đồng một năm; cháu lấy số ở giữa, tức khoảng 2.917.000 đồng một tháng, tính ra mỗi người khoảng 729.000 đồng")]
    public void An_income_told_for_a_year_is_said_for_the_year_and_the_month(string text, string computation)
    {
        var reply = new EngineHarness().Send(text).Single();

        Assert.StartsWith(computation, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_members_earnings_are_added_and_the_reply_says_so()
    {
        var bot = new EngineHarness();
        var reply = bot.Send("nha e 5 nguoi, chong e luong 6tr, e ban hang duoc 2tr moi thang, co dc can ngheo ko").Single();

        Assert.StartsWith("Nhà bác 5 người, cộng các khoản bác kể thì thu nhập cả hộ 8.000.000 đồng một tháng, tính ra mỗi người khoảng 1.600.000 đồng", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_about_one_support_that_tells_its_costs_and_allowance_gets_no_income_test()
    {
        // Read since the separators are kept («6.000.000 đồng/tháng»), the sums had made a letter about disability support
        // a household of one with its allowance for income.
        var bot = new EngineHarness();
        var reply = EngineHarness.Joined(bot.Send("Mẹ tôi năm nay 81 tuổi, ở một mình, bị tai biến nằm một chỗ đã hai năm, tiền thuốc và tiền người trông khoảng 6.000.000 đồng/tháng, trong khi bà chỉ có khoản trợ cấp 2.700.000 đồng/tháng. Xin hỏi bà có được hưởng chế độ người khuyết tật hay hỗ trợ người chăm sóc không?"));

        Assert.DoesNotContain("Chuẩn nghèo về thu nhập", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);
    }

    [Fact]
    public void A_land_deposit_story_with_sums_gets_no_poverty_estimate()
    {
        var bot = new EngineHarness();
        var reply = EngineHarness.Joined(bot.Send("Tôi đặt cọc 150 triệu để mua một miếng đất 2 tỷ. Sau khi cọc vài ngày, một người khác hỏi mua lại miếng đất với giá cao hơn. Người chủ đất không chịu bán nữa, cũng không trả lại tiền cọc. Tôi phải xử lí ra sao?"));

        Assert.DoesNotContain("Chuẩn nghèo về thu nhập", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);
    }

    [Fact]
    public void Age_category_and_commune_are_read_when_told()
    {
        var told = ResidentCase.Read("Tôi 70 tuổi, nhà tôi là hộ cận nghèo ở Hải Hậu", EngineHarness.Repo.Content);

        Assert.Equal(70, told.Age);
        Assert.Equal(ResidentCase.NearPoor, told.Category);
        Assert.Null(ResidentCase.Read("con vụ vay vốn nuôi lợn thế nào").Members);
    }

    [Fact]
    public void A_household_case_gets_its_own_computation_and_a_prefilled_screener()
    {
        var bot = new EngineHarness();
        var reply = bot.Send("nhà tôi 4 người, lương tháng 3 triệu, có được hộ nghèo không").Single();

        Assert.Contains("Nhà bác 4 người, thu nhập cả hộ 3.000.000 đồng một tháng, tính ra mỗi người khoảng 750.000 đồng", reply.Text, StringComparison.Ordinal);
        Assert.Contains("có thể thuộc diện hộ nghèo hoặc hộ cận nghèo", reply.Text, StringComparison.Ordinal);
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);
        var full = reply.QuickReplies[0];
        Assert.Equal("Ước tính đầy đủ", full.Label);

        var next = EngineHarness.Joined(bot.Press(full.Id));

        // The commune is asked (it was not told); the household size and income are not asked again.
        Assert.Contains("xã", next, StringComparison.Ordinal);
        var afterCommune = AfterTheCommune(bot);
        Assert.DoesNotContain("thu nhập khoảng bao nhiêu", afterCommune, StringComparison.Ordinal);
        Assert.Contains("Câu 1", afterCommune, StringComparison.Ordinal);
    }

    [Fact]
    public void The_household_size_told_in_the_poverty_dialog_begins_the_estimate_with_it()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("topic:eligibility"); // «Bác muốn biết điều gì?»: estimate, what poor means, how to apply…

        // It got the income-averaging entry, then «bấm số thứ tự» until the dialog gave up, the size lost.
        var reply = EngineHarness.Joined(bot.Send("nhà tôi 5 người"));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);
        Assert.Contains("Nhà bác ở xã nào?", reply, StringComparison.Ordinal);
        var afterCommune = AfterTheCommune(bot);
        Assert.Contains("thu nhập", afterCommune, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lam the nao biet nha minh co phai ho ngheo ko")]
    [InlineData("nhà tôi có phải hộ nghèo không")]
    [InlineData("Nhà em có được xét hộ cận nghèo không ạ?")]
    [InlineData("bà ngoại cháu 80 tuổi sống một mình có được hộ nghèo hay cận nghèo không")]
    [InlineData("lam sao biet minh co thuoc dien ho ngheo k")]
    // «được tính», and whom it is said to after the question: it got the entry on owning things, then on being removed
    [InlineData("nhà bà thì có được tính hộ cận nghèo không hả cháu")]
    [InlineData("nha toi co duoc xep vao ho ngheo khong chau")]
    // The household's hardship told, nothing asked: it got «Sao nhà kia được hộ nghèo mà nhà tôi không?».
    [InlineData("nhà tôi nghèo lắm")]
    [InlineData("gia dinh em kho khan qua a")]
    public void Asking_whether_the_household_is_poor_without_its_income_gets_who_decides_today_s_line_and_the_screener(string text)
    {
        var bot = EngineHarness.On(2026, 12, 5);
        var reply = bot.Send(text).Single();

        Assert.Contains("do UBND xã xét", reply.Text, StringComparison.Ordinal);
        Assert.Contains("trưởng thôn hoặc UBND xã nơi bác ở", reply.Text, StringComparison.Ordinal);
        // December 2026: today's line, and the 2027 one a month away.
        Assert.Contains("1.500.000 đồng (từ 1/1/2027: 2.200.000 đồng) mỗi người một tháng ở nông thôn", reply.Text, StringComparison.Ordinal);
        Assert.Equal("Ước tính thử", reply.QuickReplies[0].Label);
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);

        // The screener from its first question: the commune, then the household's size; «sống một mình» told it (a
        // household of one), so the income comes next there.
        Assert.Contains("Nhà bác ở xã nào?", EngineHarness.Joined(bot.Press(reply.QuickReplies[0].Id)), StringComparison.Ordinal);
        Assert.Contains(text.Contains("một mình", StringComparison.Ordinal) ? "Về thu nhập" : "bao nhiêu người", EngineHarness.Joined(bot.Send("Hải Châu")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nhà có xe máy có được hộ nghèo không", "faq:co-tai-san-co-duoc-ho-ngheo")]
    [InlineData("nhà có ô tô có được cận nghèo không", "faq:co-tai-san-co-duoc-ho-ngheo")]
    [InlineData("nhà có người đi làm công ty có được hộ nghèo không", "faq:co-nguoi-di-lam-co-duoc-ho-ngheo")]
    // A solid house is an asset too («kiên cố» was in no entry: the general reply)
    [InlineData("có nhà kiên cố có được hộ nghèo không", "faq:co-tai-san-co-duoc-ho-ngheo")]
    public void A_standing_question_that_tells_a_circumstance_gets_the_entry_on_it(string text, string entry)
    {
        // The general reply (who decides, today's line, the screener) had answered them all.
        var bot = new EngineHarness();
        bot.Send(text);

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, entry), bot.LastEvents);
        Assert.DoesNotContain(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);
    }

    [Theory]
    [InlineData("nhà tôi là hộ nghèo, có được vay vốn làm ăn không")]
    [InlineData("hộ nghèo có được miễn học phí không")]
    [InlineData("nhà tôi 4 người, lương tháng 3 triệu, có được hộ nghèo không")]
    public void Telling_the_standing_and_asking_something_else_or_telling_the_income_is_not_the_standing_question(string text)
    {
        var bot = new EngineHarness();

        Assert.DoesNotContain(bot.Send(text).SelectMany(m => m.QuickReplies), q => q.Label == "Ước tính thử");
    }

    [Theory]
    [InlineData("có")]
    [InlineData("dạ có ạ")]
    [InlineData("ok")]
    public void A_typed_yes_to_the_offer_starts_the_prefilled_screener(string yes)
    {
        var bot = new EngineHarness();
        bot.Send("nhà tôi 4 người, lương tháng 3 triệu, có được hộ nghèo không");

        var next = EngineHarness.Joined(bot.Send(yes));
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);

        // As the button: the commune is asked, then the indicators, never the size or the income again.
        Assert.Contains("xã", next, StringComparison.Ordinal);
        var afterCommune = AfterTheCommune(bot);
        Assert.Contains("Câu 1", afterCommune, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_no_declines_the_offer_and_a_later_yes_is_not_taken_for_it()
    {
        var bot = new EngineHarness();
        bot.Send("nhà tôi 4 người, lương tháng 3 triệu, có được hộ nghèo không");

        Assert.StartsWith("Dạ vâng ạ.", bot.Send("không cần").Single().Text, StringComparison.Ordinal);
        Assert.DoesNotContain(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);

        // The offer lasted one turn: a «có» after it does not start the screener.
        bot.Send("có");
        Assert.DoesNotContain(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);
    }

    [Theory]
    [InlineData("nha toi 3 nguoi luong 2tr", "Nhà bác 3 người, thu nhập cả hộ 2.000.000 đồng một tháng, tính ra mỗi người khoảng 667.000 đồng")]
    [InlineData("nhà em 4 người lương 3 triệu", "Nhà bác 4 người, thu nhập cả hộ 3.000.000 đồng một tháng, tính ra mỗi người khoảng 750.000 đồng")]
    public void A_household_s_size_and_income_told_with_no_question_get_the_computation(string text, string computation)
    {
        // «lương» alone leans to the base salary's entry, and the bot had asked which topic was meant.
        var reply = new EngineHarness().Send(text).Single();

        Assert.Contains(computation, reply.Text, StringComparison.Ordinal);
        Assert.Equal("Ước tính đầy đủ", reply.QuickReplies[0].Label);
    }

    [Fact]
    public void Income_told_per_person_is_enough_for_the_estimate_and_the_screener_asks_only_the_household_size()
    {
        var bot = new EngineHarness();
        var reply = bot.Send("thu nhập bình quân nhà cháu 900 nghìn mỗi người một tháng, vậy có được hộ nghèo không ạ").Single();

        Assert.Contains("Thu nhập mỗi người nhà bác khoảng 900.000 đồng một tháng", reply.Text, StringComparison.Ordinal);
        Assert.Contains("không hỏi lại thu nhập", reply.Text, StringComparison.Ordinal);
        bot.Press(reply.QuickReplies[0].Id);
        var afterCommune = EngineHarness.Joined(bot.Send("Hải Châu"));

        Assert.Contains("bao nhiêu người", afterCommune, StringComparison.Ordinal);
        var afterMembers = EngineHarness.Joined(bot.Send("4"));
        Assert.DoesNotContain("thu nhập", afterMembers, StringComparison.Ordinal);
        Assert.Contains("Câu 1", afterMembers, StringComparison.Ordinal);
    }

    [Fact]
    public void The_household_s_income_told_at_the_household_or_per_person_choice_is_kept_and_not_asked_again()
    {
        var bot = new EngineHarness();
        var mode = ToTheIncomeChoice(bot);
        Assert.Contains("cả hộ hay cho mỗi người", mode, StringComparison.Ordinal);

        // It got the income-averaging entry and the same choice again, three times, until the dialog gave up.
        var afterIncome = EngineHarness.Joined(bot.Send("thu nhap ca nha 5 trieu"));

        Assert.Contains("Câu 1", afterIncome, StringComparison.Ordinal);
        Assert.DoesNotContain("thu nhập", afterIncome, StringComparison.Ordinal);
        Assert.Contains("Thu nhập bình quân khoảng 1.250.000 đồng mỗi người một tháng", FinishWithNo(bot, afterIncome), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ko biết")]
    [InlineData("chưa rõ")]
    public void Not_knowing_how_to_tell_the_income_gets_the_household_question_that_says_what_to_count(string notSure)
    {
        var bot = new EngineHarness();
        ToTheIncomeChoice(bot);

        // It was «Bác gõ số thứ tự…» and the same choice again, until the dialog gave up.
        var reply = EngineHarness.Joined(bot.Send(notSure));

        Assert.Contains("Cả hộ một tháng thu nhập khoảng bao nhiêu tiền?", reply, StringComparison.Ordinal);
        Assert.Contains("Thu nhập bình quân khoảng 1.000.000 đồng", FinishWithNo(bot, EngineHarness.Joined(bot.Send("4 triệu"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nhà có 2 người không có việc")]
    [InlineData("ông nhà tôi đi làm thuê không hợp đồng")]
    public void In_the_screener_a_reply_telling_the_household_is_not_taken_for_a_question(string told)
    {
        var bot = new EngineHarness();
        ToTheIncomeChoice(bot);
        // «cả nhà» picks «Cả hộ» and the 5tr told with it is kept, not asked again.
        var first = EngineHarness.Joined(bot.Send("thu nhập 5tr cả nhà"));
        Assert.Contains("Câu 1", first, StringComparison.Ordinal);

        // Read as «có … không», it got an entry (children working in factories, unpaid wages) and left the estimate; it is
        // the yes to question 1, told (the question's yes_words), and question 2 follows.
        var reply = EngineHarness.Joined(bot.Send(told));

        Assert.Contains("Câu 2", reply, StringComparison.Ordinal);
        Assert.Equal("yes", bot.State.Stack[^1].Vars["cs1"]);
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
        // A question put as one still gets its answer there.
        bot.Send("hộ nghèo được vay vốn bao nhiêu?");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
    }

    /// <summary>«nhà tôi có phải hộ nghèo không» → «Ước tính thử» → Hải Châu → 4 people; returns «cả hộ hay mỗi người?».</summary>
    private static string ToTheIncomeChoice(EngineHarness bot)
    {
        var standing = bot.Send("nhà tôi có phải hộ nghèo không").Single();
        bot.Press(standing.QuickReplies[0].Id); // «Ước tính thử»
        bot.Send("Hải Châu");
        return EngineHarness.Joined(bot.Send("4"));
    }

    /// <summary>Answers «không» to the screener's questions until its result, and returns the result.</summary>
    private static string FinishWithNo(EngineHarness bot, string reply)
    {
        for (var i = 0; i < 20 && !reply.Contains("Thu nhập bình quân", StringComparison.Ordinal); i++)
        {
            reply = EngineHarness.Joined(bot.Send("không"));
        }

        return reply;
    }

    [Fact]
    public void A_household_case_told_inside_another_topic_s_dialog_gets_its_own_computation_too()
    {
        var bot = new EngineHarness();
        var loans = EngineHarness.Joined(bot.Send("vay vốn"));
        Assert.Contains("vay vốn để làm gì", loans, StringComparison.Ordinal);

        var reply = EngineHarness.Joined(bot.Send("thu nhập bình quân nhà cháu 900 nghìn mỗi người một tháng, vậy có được hộ nghèo không ạ"));

        Assert.Contains("Thu nhập mỗi người nhà bác khoảng 900.000 đồng một tháng", reply, StringComparison.Ordinal);
        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, AnswerRef.Screener), bot.LastEvents);
    }

    [Fact]
    public void Income_above_today_s_line_but_not_the_coming_one_is_told_to_ask_for_the_new_review_now()
    {
        var bot = EngineHarness.On(2026, 12, 5);

        // 5.000.000 for three people: 1.667.000 each, above today's rural line, not above the one from 1/1/2027.
        var reply = bot.Send("vo chong e va 1 con, moi thang tong 5tr").Single().Text;

        Assert.Contains("Nhà bác 3 người", reply, StringComparison.Ordinal);
        Assert.Contains("lúc này nhà bác chưa thuộc diện", reply, StringComparison.Ordinal);
        Assert.Contains("từ ngày 1/1/2027 chuẩn là 2.200.000 đồng, thu nhập nhà bác không vượt mức này", reply, StringComparison.Ordinal);

        // In February 2027 the new line is today's: the same household is at or below it.
        var later = new EngineHarness();
        later.Time.SetUtcNow(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.Contains("không cao hơn chuẩn nghèo", later.Send("vo chong e va 1 con, moi thang tong 5tr").Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nha 3 nguoi, me ban rau 1 ngay dc 100k", 3, 100_000)]
    [InlineData("nha 4 nguoi moi ngay kiem tam 200 nghin", 4, 200_000)]
    [InlineData("nha 3 nguoi, chong chay xe om dc tam 150 nghin 1 ngay", 3, 150_000)]
    public void A_day_s_pay_is_read_whether_the_day_is_told_before_or_after_it(string text, int members, int wage)
    {
        var told = ResidentCase.Read(text);

        Assert.Equal((members, null, (decimal)wage), (told.Members, told.MonthlyIncome, told.DailyWage));
    }

    [Fact]
    public void A_day_s_pay_is_not_taken_for_a_month_s_income_the_screener_asks_it_and_not_the_household_size()
    {
        var told = ResidentCase.Read("nha e 2 vo chong + 2 dua nho, chong lam phu ho 200k/ngay, e o nha, co can ngheo ko");
        Assert.Equal((4, null, 200_000m), (told.Members, told.MonthlyIncome, told.DailyWage));

        var bot = new EngineHarness();
        var reply = bot.Send("nha e 2 vo chong + 2 dua nho, chong lam phu ho 200k/ngay, e o nha, co can ngheo ko").Single();

        Assert.Contains("Nhà bác 4 người. Tiền công 200.000 đồng một ngày", reply.Text, StringComparison.Ordinal);
        Assert.Contains("chưa tính được", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mỗi người khoảng", reply.Text, StringComparison.Ordinal); // no month is guessed
        Assert.Equal("Ước tính đầy đủ", reply.QuickReplies[0].Label);
        bot.Press(reply.QuickReplies[0].Id);
        var afterCommune = EngineHarness.Joined(bot.Send("Hải Châu"));

        Assert.DoesNotContain("bao nhiêu người", afterCommune, StringComparison.Ordinal);
        Assert.Contains("thu nhập", afterCommune, StringComparison.Ordinal);
    }

    [Fact]
    public void Income_above_the_line_is_said_plainly()
    {
        var bot = new EngineHarness();
        var reply = bot.Send("nha e 3 nguoi thu nhap 30 trieu mot thang co duoc ho ngheo ko").Single();

        Assert.Contains("cao hơn chuẩn nghèo về thu nhập", reply.Text, StringComparison.Ordinal);
    }
    /// <summary>
    /// The prefilled screener's next step: the commune answered («Hải Châu»), what follows must not ask the household's
    /// size again (it was told). The reply is returned for what each test expects next.
    /// </summary>
    private static string AfterTheCommune(EngineHarness bot)
    {
        var afterCommune = EngineHarness.Joined(bot.Send("Hải Châu"));
        Assert.DoesNotContain("bao nhiêu người", afterCommune, StringComparison.Ordinal);
        return afterCommune;
    }
}
