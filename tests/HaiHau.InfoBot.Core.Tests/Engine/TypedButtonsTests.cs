using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// Replies typed where a button was offered go where the button goes (issue 12 §3, §5; found by `eval replies`,
/// Replies/README.md): a command the prompt has its own button for, a «thôi» or «cảm ơn» where a button ends the
/// dialog, several topics named with commas.
/// </summary>
public sealed class TypedButtonsTests
{
    private static EngineHarness AtCourseSearchWithNothingFound()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("hoc-nghe");
        bot.Press("tim");
        bot.Send("xyz");
        return bot;
    }

    private static string PressedDone()
    {
        var bot = AtCourseSearchWithNothingFound();
        return EngineHarness.Joined(bot.Press("xong"));
    }

    [Theory]
    [InlineData("thôi")] // was «Dạ, cháu đã dừng phần đang hỏi», the cancel of any dialog
    [InlineData("thôi vậy")] // was asked again
    [InlineData("ok xong r")]
    [InlineData("uk cam on nha")]
    public void A_reply_that_ends_things_presses_the_button_that_ends_the_dialog(string reply)
    {
        var bot = AtCourseSearchWithNothingFound();

        var replies = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(PressedDone(), replies);
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.Cancelled);
    }

    [Fact]
    public void A_command_typed_where_the_prompt_has_its_button_presses_the_button()
    {
        var pressed = new EngineHarness();
        pressed.Start();
        var typed = new EngineHarness();
        typed.Start();

        // At the menu, «cho bac noi chuyen voi can bo xa» went to the handoff and the menu again; its own «Gặp cán bộ»
        // button goes on to «Bác còn muốn hỏi gì nữa không?».
        Assert.Equal(EngineHarness.Joined(pressed.Press("can-bo")), EngineHarness.Joined(typed.Send("cho bac noi chuyen voi can bo xa")));
        Assert.Equal(ReplyWhere(pressed), ReplyWhere(typed));
        // Either way the request for an officer is logged once (a button had never logged it).
        Assert.Single(pressed.LastEvents, e => e.Kind == EventKinds.HandoffRequested);
        Assert.Single(typed.LastEvents, e => e.Kind == EventKinds.HandoffRequested);
    }

    [Fact]
    public void Topics_named_with_commas_are_all_kept()
    {
        var bot = DialogWalks.ToRegistrationCategory();
        bot.Press("ngheo");

        bot.Send("VAY VON, BAO HIEM");

        // Folding turned the comma into a space, so only «Vay vốn ưu đãi» was kept.
        Assert.Equal("credit health_insurance", bot.State.Stack[^1].Vars["chu_de"]);
    }

    [Theory]
    [InlineData("cho tôi gặp cán bộ xã", GlobalCommand.Handoff)]
    [InlineData("thôi cháu cho tôi nói chuyện với cán bộ", GlobalCommand.Handoff)]
    [InlineData("gặp cán bộ", GlobalCommand.Handoff)]
    [InlineData("gặp cán bộ ở đâu", null)] // a question, answered as one
    [InlineData("cán bộ xã có ở đó không", null)]
    public void An_officer_asked_for_in_polite_words_is_the_handoff(string text, GlobalCommand? expected)
    {
        Assert.Equal(expected, GlobalCommands.Recognise(text, null));
    }

    private static EngineHarness AtKnowsTheCode()
    {
        var bot = DialogWalks.ToMoreTopics("health_insurance");
        bot.Press("no");
        return bot;
    }

    [Theory]
    [InlineData("co, ma la HN0356", "HN0356")] // the yes and the code at once: the code had been asked for again
    public void A_yes_with_the_code_keeps_the_code(string reply, string code)
    {
        var bot = AtKnowsTheCode();

        var text = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(code, bot.State.Stack[^1].Vars["ma_ho"]);
        Assert.Contains("Chủ hộ tên là gì ạ?", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HA-2022-001", "HA-2022-001")]
    [InlineData("mã là HN0356 cháu ạ", "HN0356")]
    [InlineData("0 2 4 8 1", "02481")]
    [InlineData("ha 26 032", "ha26032")] // a code typed in pieces is one code (the register reads it so)
    [InlineData("xom 5", null)]
    [InlineData("xóm 5", null)] // had been kept as the code
    [InlineData("mã hộ là gì hả cháu", null)]
    public void The_code_is_what_holds_a_code(string reply, string? code)
    {
        var bot = AtKnowsTheCode();
        bot.Press("yes");

        var text = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(code, bot.State.Stack[^1].Vars.GetValueOrDefault("ma_ho"));
        if (code is null)
        {
            Assert.Contains("Mã hộ có cả số", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_code_forgotten_after_all_saves_the_registration_without_it()
    {
        var bot = AtKnowsTheCode();
        bot.Press("yes");

        // It was asked for three times, then the dialog gave up.
        var text = EngineHarness.Joined(bot.Send("quên mất rồi cháu ạ"));

        Assert.Contains("Cháu đã lưu đăng ký của bác.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thôi")] // was the cancel of the whole dialog
    [InlineData("biet roi")] // «bác có muốn biết …?»: known already; was asked again
    [InlineData("hình như biết rồi")]
    public void No_thank_you_said_as_people_say_it_is_the_no_button(string reply)
    {
        var pressed = new EngineHarness();
        pressed.Start();
        pressed.Press("bhyt");
        pressed.Press("chua-ro");
        var typed = new EngineHarness();
        typed.Start();
        typed.Press("bhyt");
        typed.Press("chua-ro");

        Assert.Equal(EngineHarness.Joined(pressed.Press("no")), EngineHarness.Joined(typed.Send(reply)));
        Assert.DoesNotContain(typed.LastEvents, e => e.Kind == EventKinds.Cancelled);
    }

    [Fact]
    public void In_the_estimate_thoi_still_stops_it()
    {
        var bot = DialogWalks.ToEstimateQuestion(1);

        bot.Send("thôi");

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.Cancelled);
    }

    [Theory]
    [InlineData("có, thêm việc làm", "credit jobs")]
    [InlineData("them hoc nghe nua", "credit vocational_training")] // had got the entry on training a second time
    [InlineData("bhyt", "credit health_insurance")] // had been asked again
    public void A_yes_that_names_the_next_answer_gives_both(string reply, string topics)
    {
        var bot = DialogWalks.ToMoreTopics("credit");

        var text = EngineHarness.Joined(bot.Send(reply));

        Assert.Equal(topics, bot.State.Stack[^1].Vars["chu_de_da_chon"].Trim());
        Assert.EndsWith("Bác có muốn nhận thêm chủ đề khác không?", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bác muốn nhận tin về chủ đề nào?", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("không biết nữa, sao giờ")]
    [InlineData("k biết tính thế nào cháu chỉ giúp")]
    public void Not_knowing_told_at_length_picks_the_not_sure_button(string reply)
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("bhyt");

        bot.Send(reply);

        // Asked again before: only «ko biết» of four words or fewer was read as not knowing.
        Assert.Contains(new TurnEvent(EventKinds.ArticleViewed, "bhyt-quyen-loi-chung"), bot.LastEvents);
    }

    [Fact]
    public void A_bare_no_where_the_prompt_cannot_read_it_is_asked_again_not_a_question()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("vay-von");

        bot.Send("không");

        Assert.Equal("vay-von/hoi-loai-vay", ReplyWhere(bot)[^"vay-von/hoi-loai-vay".Length..]);
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
    }

    private static string ReplyWhere(EngineHarness bot) => string.Join(" > ", bot.State.Stack.Select(f => $"{f.DialogId}/{f.NodeId}"));
}
