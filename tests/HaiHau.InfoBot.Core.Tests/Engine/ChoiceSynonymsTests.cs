using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// The dialogs' own choices answered in the resident's words (dialogs/*.yaml, <c>synonyms</c>): «Bác muốn vay vốn để
/// làm gì?» is answered with what the money is for, which no button says.
/// </summary>
public sealed class ChoiceSynonymsTests
{
    [Theory]
    [InlineData("chăn nuôi", "VAY VỐN ƯU ĐÃI Ở NGÂN HÀNG CHÍNH SÁCH XÃ HỘI")]
    [InlineData("nuoi bo", "VAY VỐN ƯU ĐÃI Ở NGÂN HÀNG CHÍNH SÁCH XÃ HỘI")]
    [InlineData("cho con học đại học", "Vay vốn cho học sinh, sinh viên")]
    public void What_the_loan_is_for_picks_the_loan(string reply, string shown)
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("vay-von");

        var text = EngineHarness.Joined(bot.Send(reply));

        // «chăn nuôi» and «nuôi bò» were asked again three times, and the dialog gave up.
        Assert.Contains(shown, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Bác muốn vay vốn để làm gì?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaking_roof_picks_the_housing_support()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("ho-tro-khac");

        bot.Send("nhà dột");

        Assert.Contains(new TurnEvent(EventKinds.ArticleViewed, "ho-tro-nha-o"), bot.LastEvents);
    }
}

/// <summary>
/// Choices answered in a sentence (up to eight words, asking nothing back) by a phrase of their synonyms, or as the yes
/// or no the question asks; at the main menu a sentence stays a question. Found by `eval replies` (Replies/README.md).
/// </summary>
public sealed class ChoiceInASentenceTests
{
    [Theory]
    [InlineData("nha lam ruong thoi, k ngheo", "bhyt-ho-nong-nghiep-muc-song-trung-binh")]
    [InlineData("nhà tôi có sổ cận nghèo", "bhyt-ho-can-ngheo")]
    public void The_household_told_by_its_living_or_its_book_picks_its_BHYT_article(string reply, string article)
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("bhyt");

        bot.Send(reply);

        Assert.Contains(new TurnEvent(EventKinds.ArticleViewed, article), bot.LastEvents);
    }

    [Fact]
    public void A_word_alone_in_a_sentence_names_no_choice()
    {
        var bot = DialogWalks.ToAnythingElse();

        // «thôi» is a synonym of «Không, cảm ơn»; in this sentence it asks to stop the announcements.
        var text = EngineHarness.Joined(bot.Send("thoi dung gui thong bao cho toi nua"));

        Assert.Contains("Cháu sẽ không gửi tin nào cho bác", text, StringComparison.Ordinal);
    }

    [Fact]
    public void At_the_main_menu_a_sentence_stays_a_question()
    {
        var bot = DialogWalks.ToAnythingElse();

        bot.Send("co, hoi them ve vay von");

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject!.StartsWith("faq:", StringComparison.Ordinal));
    }

    [Fact]
    public void Asking_to_be_told_when_there_is_work_is_the_announcements_button()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("viec-lam");
        bot.Press("tim");
        bot.Send("xyz");

        // It got the entry on unemployment benefit.
        var text = EngineHarness.Joined(bot.Send("khi nào có việc thì báo tôi"));

        Assert.Contains("Nhà bác ở xã nào? Cháu sẽ ưu tiên báo việc làm gần nhà bác.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_no_stressed_with_dau_is_no_question()
    {
        var bot = DialogWalks.ToRegistrationCategory();

        bot.Send("thôi cái này bác không nói đâu");

        Assert.Equal("khong-noi", bot.State.Stack[^1].Vars["loai_ho"]);
    }

    [Theory]
    [InlineData("không, nhà tôi ở xóm 9 Hải Đông", "rural")]
    [InlineData("ko", "rural")]
    [InlineData("có", "former_town")]
    [InlineData("gần thị trấn thôi chứ k phải", "rural")]
    public void The_old_town_question_is_answered_as_the_yes_or_no_it_is(string reply, string area)
    {
        var bot = DialogWalks.ToOldTownQuestion();

        bot.Send(reply);

        Assert.Equal(area, bot.State.Stack[^1].Vars["khu_vuc"]);
    }
}
