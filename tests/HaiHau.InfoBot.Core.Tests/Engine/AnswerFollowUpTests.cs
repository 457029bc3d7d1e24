using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// A message right after an answer that asks more of it («thế mỗi tháng được bao nhiêu tiền», «nộp ở đâu») is read with
/// that answer (<see cref="AnswerFollowUp"/>). The messages are written for these tests, not taken from the follow-up sets.
/// </summary>
public sealed class AnswerFollowUpTests
{
    private const string Elderly = "mẹ tôi 80 tuổi không có lương hưu thì có được trợ cấp gì không";
    private static readonly string ElderlyEntry = new AnswerRef(AnswerRef.Faq, "tro-cap-nguoi-cao-tuoi").Payload;

    private static EngineHarness Today()
    {
        var bot = new EngineHarness();
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(7)));
        return bot;
    }

    [Fact]
    public void A_question_on_how_much_after_an_answer_gets_the_part_that_says_it_and_a_button_for_the_whole()
    {
        var bot = Today();
        bot.Send(Elderly);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == ElderlyEntry);

        var reply = bot.Send("thế mỗi tháng được bao nhiêu tiền");

        var text = EngineHarness.Joined(reply);
        Assert.Contains("Mức tiền hằng tháng hiện nay cháu chưa xác nhận được", text, StringComparison.Ordinal); // honest, from the entry
        Assert.Contains("UBND xã", text, StringComparison.Ordinal); // where to ask, from the entry
        Assert.DoesNotContain("từ đủ 75 tuổi", text, StringComparison.Ordinal); // not the whole answer again
        Assert.Contains(reply[^1].QuickReplies, b => b.Id == ElderlyEntry && b.Label == EngineHarness.Repo.Questions.Messages.WholeAnswer);

        // It does not know the amount, so staff see the question as one the bot could not answer, with the entry.
        var unanswered = Assert.Single(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
        Assert.StartsWith(ElderlyEntry, unanswered.Data![DialogEngine.CandidatesData], StringComparison.Ordinal);
        Assert.Equal(Referral.Default, unanswered.Data[AnswerEvaluator.ReferData]);

        Assert.Contains("từ đủ 75 tuổi", EngineHarness.Joined(bot.Press(ElderlyEntry)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("khoản vay ấy thì trả trong mấy năm")]
    [InlineData("khoản vay đó lãi suất bao nhiêu và thời hạn mấy năm")]
    public void A_follow_up_pointing_back_at_the_loan_just_answered_stays_with_that_loan(string followUp)
    {
        var bot = AfterTheCleanWaterLoan();

        var text = EngineHarness.Joined(bot.Send(followUp));

        // «khoản vay ấy» is the clean-water loan: read as words of its own, «khoản vay» found the poor household's loan.
        Assert.Contains("Mức vay, thời hạn, lãi suất hiện nay cháu chưa xác nhận được", text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.LastEvents, e => e.Subject == new AnswerRef(AnswerRef.Faq, "vay-ho-ngheo").Payload);
    }

    [Theory]
    [InlineData("bà ngoại em ở một mình, không phải hộ nghèo, thì vay được không")]
    [InlineData("ba ngoai e o 1 minh, k phai ho ngheo, thi vay dc ko")]
    public void Who_the_loan_would_be_for_told_with_a_household_of_one_stays_with_that_loan(string followUp)
    {
        var bot = AfterTheCleanWaterLoan();

        bot.Send(followUp);

        // A household's size with no income is a circumstance of the matter answered, not numbers to compute: read as a
        // question of its own, «không phải hộ nghèo … vay được không» got the student loan for families in sudden hardship.
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == CleanWaterLoan);
    }

    private static readonly string CleanWaterLoan = new AnswerRef(AnswerRef.Faq, "vay-nuoc-sach-ve-sinh").Payload;

    /// <summary>A conversation whose last answer is the clean-water loan's.</summary>
    private static EngineHarness AfterTheCleanWaterLoan()
    {
        var bot = Today();
        bot.Send("hộ nghèo vay tiền làm bể nước sạch với nhà vệ sinh được không");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == CleanWaterLoan);
        return bot;
    }

    [Fact]
    public void Read_alone_the_same_words_got_another_entry()
    {
        var bot = Today();
        bot.Send("thế mỗi tháng được bao nhiêu tiền");

        Assert.DoesNotContain(bot.LastEvents, e => e.Subject == ElderlyEntry);
    }

    [Fact]
    public void Where_to_go_gets_the_sentence_naming_the_place()
    {
        var bot = Today();
        bot.Send(Elderly);

        var text = EngineHarness.Joined(bot.Send("làm hồ sơ ở đâu"));

        Assert.Contains("Bác hỏi UBND xã nơi bác ở (Phòng Văn hóa – Xã hội) để làm tờ khai.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("neo đơn", text, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == ElderlyEntry);
    }

    [Fact]
    public void What_the_answer_does_not_say_is_said_honestly_with_where_to_ask_and_logged_for_staff()
    {
        var bot = Today();
        bot.Send("nhà bị bão làm tốc mái thì có được hỗ trợ không");
        var storm = new AnswerRef(AnswerRef.Faq, "nha-hu-hong-do-bao-lu").Payload;
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == storm);

        var text = EngineHarness.Joined(bot.Send("bao lâu thì có tiền"));

        Assert.Contains(EngineHarness.Repo.Questions.Messages.NotSaid, text, StringComparison.Ordinal);
        Assert.Contains("UBND xã", text, StringComparison.Ordinal);
        var unanswered = Assert.Single(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
        Assert.Equal("bao lau thi co tien nha bi bao lam hu hong co duoc ho tro gi khong", unanswered.Subject); // staff see what it followed
        Assert.StartsWith(storm, unanswered.Data![DialogEngine.CandidatesData], StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_follow_up_reads_with_the_same_answer()
    {
        var bot = Today();
        bot.Send("con tôi đỗ đại học nhà cận nghèo có được vay vốn không");
        var studentLoan = bot.State.AnsweredEntry;
        bot.Send("mỗi tháng vay được bao nhiêu"); // the answer does not know: said so, with where to ask

        var text = EngineHarness.Joined(bot.Send("nộp hồ sơ ở đâu"));

        Assert.Equal(studentLoan, bot.State.AnsweredEntry);
        Assert.Contains("Tổ tiết kiệm và vay vốn", text, StringComparison.Ordinal); // where that loan is asked for, not the poverty application
    }

    [Fact]
    public void A_bare_ask_after_an_i_dont_know_gets_the_i_dont_know_again_not_an_entry_its_words_match()
    {
        var bot = Today();
        bot.Send("con trai bác bị thiểu năng từ bé giờ hai mươi mấy tuổi rồi thì có được gì không");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
        var sentTo = bot.State.AnsweredEntry;
        Assert.StartsWith(AnswerRef.Refer + ":", sentTo, StringComparison.Ordinal);

        bot.Send("mỗi tháng được bao nhiêu tiền hả cháu");

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered); // read alone it got the electricity support
        var unanswered = Assert.Single(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
        Assert.Equal(sentTo, AnswerRef.Refer + ":" + unanswered.Data![AnswerEvaluator.ReferData]);

        bot.Send("à mà cho hỏi hộ nghèo vay vốn lãi suất bao nhiêu"); // a question of its own is still answered
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
    }

    [Fact]
    public void Another_household_category_asks_the_same_question_for_that_category()
    {
        var bot = Today();
        bot.Send("nhà tôi hộ nghèo thì được hưởng những chế độ gì");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:ho-ngheo-duoc-huong-gi");

        bot.Send("thế hộ cận nghèo thì sao");

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:ho-can-ngheo-duoc-huong-gi");
    }

    [Theory]
    [InlineData("thẻ bảo hiểm có được nhà nước đóng hết không")]
    [InlineData("thế thẻ bhyt được giảm bao nhiêu")]
    public void A_follow_up_naming_no_category_is_asked_for_the_household_the_answer_was_about(string text)
    {
        const string NearPoorCard = "faq:bhyt-ho-can-ngheo";
        var alone = Today();
        alone.Send(text);
        Assert.DoesNotContain(alone.LastEvents, e => e.Subject == NearPoorCard); // read alone: another household's card

        var bot = Today();
        bot.Send("hộ cận nghèo thì được nhà nước hỗ trợ những gì");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:ho-can-ngheo-duoc-huong-gi");
        bot.Send(text);

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == NearPoorCard);
    }

    [Fact]
    public void The_household_s_category_does_not_turn_another_matter_into_its_entry()
    {
        // Read with «hộ cận nghèo», a lost identity card found the poor household's certificate; alone it is sent to the police.
        var bot = Today();
        bot.Send("hộ cận nghèo thì được nhà nước hỗ trợ những gì");

        bot.Send("căn cước bị mất làm lại ở đâu");

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionReferred && e.Subject == "cong-an-xa");
    }

    [Fact]
    public void Asking_whom_to_ask_after_an_i_dont_know_gets_the_same_place_again()
    {
        var bot = Today();
        bot.Send("căn cước bị mất làm lại ở đâu");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionReferred && e.Subject == "cong-an-xa");

        bot.Send("vậy là bot không biết à, thế giờ hỏi ai"); // «vậy» folds to the loan's «vay»; «bot» is who is asked

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionReferred && e.Subject == "cong-an-xa");
    }

    [Fact]
    public void What_the_resident_tells_after_an_i_dont_know_does_not_hide_the_ask_for_the_same_place()
    {
        var bot = Today();
        bot.Send("căn cước bị mất làm lại ở đâu");

        bot.Send("tôi đợi mãi mà chẳng ai báo cho, thế tôi biết hỏi chỗ nào bây giờ"); // «chẳng ai»: nobody, no question

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionReferred && e.Subject == "cong-an-xa");
    }

    [Fact]
    public void Another_matter_after_thế_còn_is_not_read_with_the_answer_s_topic()
    {
        var bot = Today();
        bot.Send("người trên 80 tuổi có được thẻ bảo hiểm y tế miễn phí không");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:bhyt-nguoi-cao-tuoi");

        bot.Send("thế còn học phí thì sao");

        // Read with «bảo hiểm y tế» it found the maternity entry; school fees are their own matter.
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject!.StartsWith("faq:bhyt", StringComparison.Ordinal));
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject!.StartsWith("faq:hoc-phi", StringComparison.Ordinal));
    }

    [Fact]
    public void Someone_else_named_with_whose_gets_the_answer_again()
    {
        var bot = Today();
        bot.Send("cho hỏi chế độ với người bị nhiễm chất độc da cam");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:chat-doc-da-cam");

        bot.Send("thế con của ông ấy có được hưởng không");

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:chat-doc-da-cam");
    }

    [Theory]
    [InlineData("Hộ nghèo được hưởng những gì?", "thế hộ cận nghèo thì sao", "ho can ngheo duoc huong nhung gi")]
    [InlineData("Người cao tuổi được trợ cấp hằng tháng từ bao nhiêu tuổi?", "nếu nhà mới thoát nghèo thì sao", "nguoi cao tuoi duoc tro cap hang thang tu bao nhieu tuoi ho moi thoat ngheo")]
    [InlineData("Hộ nghèo có được hỗ trợ tiền điện không?", "thế nhà hàng xóm cận nghèo thì sao", "ho can ngheo co duoc ho tro tien dien khong")] // a neighbour is someone, not a word of its own
    [InlineData("Hộ cận nghèo được vay vốn không?", "còn nhà thoát cận nghèo thì sao", "ho moi thoat ngheo duoc vay von khong")] // leaving the near-poor list
    [InlineData("Hộ cận nghèo được vay vốn không?", "còn hộ cận nghèo thì sao", null)]
    [InlineData("Hộ nghèo được vay vốn không?", "hộ cận nghèo học nghề có được miễn phí không", null)]
    public void A_category_follow_up_reads_the_question_for_the_category_it_names(string question, string text, string? read)
    {
        var tokens = EngineHarness.Repo.Questions.Understand(text).Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(read, AnswerFollowUp.ForCategory(question, AnswerFollowUp.OwnWords(tokens, text), text));
    }

    [Fact]
    public void A_new_question_opened_with_a_ma_is_read_on_its_own()
    {
        var bot = Today();
        bot.Send(Elderly);

        bot.Send("à mà cho hỏi hộ nghèo vay vốn lãi suất bao nhiêu");

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == new AnswerRef(AnswerRef.Faq, "vay-ho-ngheo").Payload);
    }

    [Fact]
    public void A_bare_yes_after_an_answer_is_still_an_acknowledgement()
    {
        var bot = Today();
        bot.Send(Elderly);

        bot.Send("có");

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == ElderlyEntry);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnderstood && e.Subject == Topics.Greeting);
    }

    [Fact]
    public void Only_the_turn_after_an_answer_is_read_with_it()
    {
        var bot = Today();
        bot.Send(Elderly);
        Assert.Equal(ElderlyEntry, bot.State.AnsweredEntry);
        bot.Send("hôm nay trời mưa to quá");
        Assert.NotEqual(ElderlyEntry, bot.State.AnsweredEntry);

        bot.Send("thế mỗi tháng được bao nhiêu tiền");

        Assert.DoesNotContain(bot.LastEvents, e => e.Subject == ElderlyEntry || (e.Data?.Values.Any(v => v.Contains(ElderlyEntry, StringComparison.Ordinal)) ?? false));
    }

    [Theory]
    [InlineData("nộp hồ sơ ở đâu", nameof(FollowUpAsk.Place))]
    [InlineData("phải báo ai", nameof(FollowUpAsk.Place))]
    [InlineData("bao lâu thì có tiền", nameof(FollowUpAsk.Time))]
    [InlineData("cần giấy tờ gì", nameof(FollowUpAsk.Papers))]
    [InlineData("lai suat bn", nameof(FollowUpAsk.Amount))]
    [InlineData("còn bà nội tôi thì sao", nameof(FollowUpAsk.None))]
    [InlineData("có được gia hạn không", nameof(FollowUpAsk.None))] // «hạn» alone is no time asked
    [InlineData("hạn chót nộp là ngày nào", nameof(FollowUpAsk.Time))]
    public void What_a_follow_up_asks_for_is_read_from_its_words(string text, string ask) =>
        Assert.Equal(Enum.Parse<FollowUpAsk>(ask), AnswerFollowUp.AskOf(text));

    [Theory]
    [InlineData("thế mỗi tháng được bao nhiêu tiền", "")]
    [InlineData("thế hộ cận nghèo thì đc những gì", "can ngheo")]
    [InlineData("vay dc bn", "vay")]
    [InlineData("vậy thì sao", "")]
    [InlineData("có được gia hạn không", "gia han")]
    [InlineData("còn đứa em nó học lớp 8 thì sao", "hoc lop")] // «nó» is him, not «nợ»
    [InlineData("con dua em no hoc lop 8 thi sao", "hoc lop")]
    [InlineData("con no thi sao", "no")] // «con nó» or «còn nợ»: left a word of its own
    [InlineData("còn nợ thì sao", "no")]
    public void A_follow_up_s_own_words_leave_out_question_words_people_and_numbers(string text, string own)
    {
        var tokens = EngineHarness.Repo.Questions.Understand(text).Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(own, string.Join(' ', AnswerFollowUp.OwnWords(tokens, text)));
    }

    [Fact]
    public void An_excerpt_keeps_the_sentences_that_say_what_was_asked_and_where_to_go()
    {
        const string answer = "Hộ nghèo được vay tối đa 100.000.000 đồng. Thời hạn vay đến 5 năm. Không cần thế chấp. Bác hỏi UBND xã nơi bác ở.";

        Assert.Equal("Hộ nghèo được vay tối đa 100.000.000 đồng. Bác hỏi UBND xã nơi bác ở.", AnswerFollowUp.Excerpt(answer, FollowUpAsk.Amount));
        Assert.Equal("Thời hạn vay đến 5 năm. Bác hỏi UBND xã nơi bác ở.", AnswerFollowUp.Excerpt(answer, FollowUpAsk.Time));
        Assert.Equal("Bác hỏi UBND xã nơi bác ở.", AnswerFollowUp.Excerpt(answer, FollowUpAsk.Place));
        Assert.Null(AnswerFollowUp.Excerpt(answer, FollowUpAsk.Papers)); // nothing says it: no sentence is passed off as the answer
    }

    [Fact]
    public void The_place_kept_is_the_one_the_answer_sends_the_resident_to_not_one_it_only_mentions()
    {
        const string answer = "Mức tiền hỗ trợ hiện nay cháu chưa có thông tin chắc chắn. Bác đến UBND xã nơi bác ở (Phòng Văn hóa – Xã hội) để cán bộ ghi nhận. Hộ nghèo cũng có thể vay Ngân hàng Chính sách xã hội để sửa nhà.";
        const string sendsTo = "Bác đến UBND xã nơi bác ở (Phòng Văn hóa – Xã hội) để cán bộ ghi nhận.";

        Assert.Equal(sendsTo, AnswerFollowUp.PlaceToAsk(answer));
        Assert.Equal("Mức tiền hỗ trợ hiện nay cháu chưa có thông tin chắc chắn. " + sendsTo, AnswerFollowUp.Excerpt(answer, FollowUpAsk.Amount));
        Assert.Equal("Hộ nghèo cũng có thể vay Ngân hàng Chính sách xã hội để sửa nhà.", AnswerFollowUp.PlaceToAsk("Hộ nghèo cũng có thể vay Ngân hàng Chính sách xã hội để sửa nhà.")); // the only one named
    }

    [Theory]
    [InlineData("Bác đến UBND xã nơi bác ở (Phòng Văn hóa – Xã hội), nói rõ tình trạng nhà.", "ubnd-xa")]
    [InlineData("Bác hỏi tổ trưởng Tổ tiết kiệm và vay vốn ở thôn, hoặc Trung tâm dịch vụ việc làm của tỉnh.", "nhcsxh")] // the first named
    [InlineData("Bác mang căn cước đến cơ quan Bảo hiểm xã hội gần nhà.", "bhxh")]
    [InlineData("Bác hỏi cán bộ thôn.", null)]
    public void The_body_a_sentence_sends_to_is_found_by_its_name(string sentence, string? body)
    {
        var referrals = Referral.Ids.Select(EngineHarness.Repo.Questions.FindReferral).OfType<Referral>();

        Assert.Equal(body, AnswerFollowUp.BodyNamedIn(sentence, referrals)?.Id);
    }

    [Fact]
    public void How_much_after_an_answer_that_does_not_know_is_sent_where_the_answer_sends()
    {
        var bot = Today();
        bot.Send("nhà tôi mái dột tường nứt có được hỗ trợ sửa nhà không");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:ho-tro-lam-nha");

        var text = EngineHarness.Joined(bot.Send("thế được bao nhiêu tiền"));

        Assert.Contains("Bác đến UBND xã", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vay Ngân hàng Chính sách", text, StringComparison.Ordinal); // mentioned by the answer, not where to ask
        var unanswered = Assert.Single(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
        Assert.Equal(Referral.Default, unanswered.Data![AnswerEvaluator.ReferData]); // logged as sent to the commune, not the bank
    }

    [Fact]
    public void A_card_that_lapsed_is_no_length_of_time()
    {
        const string answer = "Thẻ hết hạn thì đi khám chưa được quỹ trả, nên bác làm lại càng sớm càng tốt. Bác hỏi UBND xã nơi bác ở.";

        Assert.Null(AnswerFollowUp.Excerpt(answer, FollowUpAsk.Time)); // not said: the resident is told so, not given this
        Assert.Equal("Thẻ được cấp trong vòng 7 ngày làm việc. Bác hỏi UBND xã nơi bác ở.", AnswerFollowUp.Excerpt("Thẻ được cấp trong vòng 7 ngày làm việc. Thẻ hết hạn thì làm lại. Bác hỏi UBND xã nơi bác ở.", FollowUpAsk.Time));
    }

    [Fact]
    public void A_list_item_kept_stays_on_its_own_line()
    {
        const string answer = "Hộ cận nghèo được vay vốn.\n• Mức vay tối đa 100.000.000 đồng.\n• Lãi suất 0,6% một tháng.\nKhông cần thế chấp.\nBác hỏi UBND xã nơi bác ở.";

        Assert.Equal("• Mức vay tối đa 100.000.000 đồng.\n• Lãi suất 0,6% một tháng. Bác hỏi UBND xã nơi bác ở.", AnswerFollowUp.Excerpt(answer, FollowUpAsk.Amount));
    }

    [Fact]
    public void A_part_that_only_says_it_does_not_know_is_told_apart_from_one_that_says_the_amount()
    {
        Assert.True(AnswerFollowUp.OnlySaysItDoesNotKnow("Mức tiền hằng tháng hiện nay cháu chưa xác nhận được. Bác hỏi UBND xã nơi bác ở."));
        Assert.False(AnswerFollowUp.OnlySaysItDoesNotKnow("Hộ nghèo được vay tối đa 100.000.000 đồng. Bác hỏi UBND xã nơi bác ở."));

        // Asked how much: a sentence kept for «không phải đóng» does not make the unknown allowance known; a sum does.
        const string fees = "Trẻ học trường công lập thì không phải đóng học phí. Mức trợ cấp cháu chưa xác nhận được. Bác hỏi UBND xã nơi bác ở.";
        Assert.True(AnswerFollowUp.OnlySaysItDoesNotKnow(fees, FollowUpAsk.Amount));
        Assert.False(AnswerFollowUp.OnlySaysItDoesNotKnow(fees));
        Assert.False(AnswerFollowUp.OnlySaysItDoesNotKnow("Hộ nghèo được vay tối đa 100.000.000 đồng. Mức lãi suất cháu chưa xác nhận được.", FollowUpAsk.Amount));
    }

    [Theory]
    [InlineData("à mà cho hỏi học nghề ở đâu", true)]
    [InlineData("cho hỏi thêm về thẻ bhyt", true)]
    [InlineData("thế còn bà tôi thì sao", false)]
    public void Words_that_open_a_new_question_are_known(string text, bool anew) =>
        Assert.Equal(anew, AnswerFollowUp.StartsAnew(text));

    [Theory]
    [InlineData("thế nhà nước cho bao nhiêu hả cháu", "")] // the state pays: «nước» is no water here
    [InlineData("làm trên điện thoại được không hay bắt buộc ra xã", "")] // the way it is done
    [InlineData("thế bà phải lên xã làm đơn hay là ông trưởng thôn làm cho", "")] // where and who
    [InlineData("không có chế độ gì thì có được không", "")] // the benefit referred to
    [InlineData("phai viet don gui ai v ad", "")] // «v» is «vậy», said around the ask
    [InlineData("thế bảo hiểm xã hội thì sao", "hiem xa")] // «xã hội» is a matter
    [InlineData("mẹ đơn thân thì sao", "don than")] // so is «đơn thân»
    [InlineData("còn tiền điện thì sao", "dien")] // and electricity
    public void Words_saying_how_and_where_it_is_done_are_asked_of_the_answer(string text, string own) =>
        Assert.Equal(own, string.Join(' ', AnswerFollowUp.OwnWords(Tokens(text), text)));

    [Theory]
    [InlineData("Mỗi đứa nhà nước cho mấy đồng một tháng", nameof(FollowUpAsk.Amount))]
    [InlineData("phai viet don gui ai", nameof(FollowUpAsk.Place))]
    [InlineData("chừng nào mới có tiền", nameof(FollowUpAsk.Time))]
    [InlineData("trợ cấp đó nhận đến khi con mấy tuổi thì thôi", nameof(FollowUpAsk.Time))]
    [InlineData("muốn xét khuyết tật thì phải qua những bước nào", nameof(FollowUpAsk.Papers))]
    public void What_is_asked_of_the_answer_is_read(string text, string ask) =>
        Assert.Equal(ask, AnswerFollowUp.AskOf(text).ToString());

    [Fact]
    public void After_a_referral_the_paper_named_is_a_matter_of_its_own()
    {
        const string text = "thế nộp đơn ở đâu";

        Assert.Empty(AnswerFollowUp.OwnWords(Tokens(text), text)); // after an answer: where its application goes
        Assert.Equal(["don"], AnswerFollowUp.OwnWords(Tokens(text), text, howItIsDone: false)); // after a referral: the poverty application
    }

    [Fact]
    public void What_the_resident_tells_beside_the_ask_does_not_make_it_a_new_question()
    {
        var bot = Today();
        bot.Send("nhà bị bão làm tốc mái thì có được hỗ trợ không");

        var text = EngineHarness.Joined(bot.Send("chừng nào mới có tiền, nhà đang dột nước vào mà"));

        Assert.Contains(EngineHarness.Repo.Questions.Messages.NotSaid, text, StringComparison.Ordinal); // it does not say when
        Assert.Contains("UBND xã", text, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
    }

    [Fact]
    public void Asking_why_after_telling_what_happened_is_no_request_for_the_same_answer()
    {
        var bot = Today();
        bot.Send("nhà bị bão làm tốc mái thì có được hỗ trợ không");
        const string storm = "faq:nha-hu-hong-do-bao-lu";

        bot.Send("lên xã thì người ta bảo chưa có tiền phải chờ, sao lại thế");

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == storm);
    }

    [Fact]
    public void How_much_asked_with_a_word_the_answer_lacks_gets_no_entry_of_another_matter()
    {
        var bot = Today();
        bot.Send("đi học nghề ngắn hạn có được nhà nước hỗ trợ không");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:hoc-nghe-ho-tro-bao-nhieu");

        var text = EngineHarness.Joined(bot.Send("thế có được cho tiền ăn không"));

        // Not the entry on a seriously ill family member, which the words alone find: the training answer does not say it,
        // and where to ask.
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
        Assert.Contains(EngineHarness.Repo.Questions.Messages.NotSaid, text, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
    }

    [Fact]
    public void Read_alone_the_few_words_find_an_entry_of_another_matter()
    {
        var bot = Today();

        bot.Send("thế có được cho tiền ăn không");

        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:nguoi-om-nang-trong-gia-dinh");
    }

    [Theory]
    [InlineData("nhờ con gái tôi đi nộp hộ được không")]
    [InlineData("mẹ tôi không đi lại được thì sao")]
    public void Asking_who_may_go_instead_is_told_the_answer_does_not_say_it_and_where_to_ask(string then)
    {
        var bot = Today();
        bot.Send(Elderly);

        var text = EngineHarness.Joined(bot.Send(then));

        // Not the same answer again, which sends her to the office she has just said she cannot reach.
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
        Assert.Contains(EngineHarness.Repo.Questions.Messages.NotSaid, text, StringComparison.Ordinal);
        Assert.Contains("UBND xã", text, StringComparison.Ordinal);
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnanswered);
    }

    [Theory]
    [InlineData("nho anh trai di lam ho dc ko", true)]
    [InlineData("bà đi nại khó lắm thì sao", true)]
    [InlineData("bố em bị điếc từ nhỏ thì có được không", false)] // «nhỏ», small
    [InlineData("ông vẫn đi lại được thì có được không", false)]
    [InlineData("làm hồ sơ hộ nghèo ở đâu", false)] // «hồ sơ», «hộ nghèo»
    [InlineData("giấy tờ cần những gì để bà nhờ người làm", false)] // the papers asked, which the answer may say
    [InlineData("nhờ cháu chỉ giúp nộp ở đâu", false)] // the assistant asked, as a courtesy, where to go
    [InlineData("em nhờ cô hàng xóm nộp hồ sơ hộ bà được không", true)]
    public void Who_may_go_instead_is_read(string text, bool asks) =>
        Assert.Equal(asks, AnswerFollowUp.AsksToBeDoneForThem(text));

    [Fact]
    public void The_same_matter_asked_for_someone_else_stays_in_that_matter()
    {
        const string ForHerSon = "thế còn con trai tôi bị tật ở tay thì có được học không";
        var alone = Today();
        alone.Send(ForHerSon);
        Assert.Contains(alone.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:tro-cap-nguoi-khuyet-tat");

        var bot = Today();
        bot.Send("bố em 50 tuổi muốn đi học nghề điện có được hỗ trợ tiền học không");
        var training = Assert.Single(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnderstood).Subject;

        bot.Send(ForHerSon);

        // Learning a trade, for the son: not the disability allowance his words found alone.
        Assert.Equal(training, Assert.Single(bot.LastEvents, e => e.Kind == EventKinds.QuestionUnderstood).Subject);
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:tro-cap-nguoi-khuyet-tat");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
    }

    [Fact]
    public void A_household_leaving_the_near_poor_list_is_asked_about_as_a_newly_escaped_one()
    {
        var bot = Today();
        bot.Send("thẻ bảo hiểm y tế hộ cận nghèo được nhà nước hỗ trợ bao nhiêu");
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:bhyt-ho-can-ngheo");

        bot.Send("năm sau nhà tôi thoát cận nghèo thì còn được hỗ trợ không");

        // Not the near-poor card again: what a household that has just left the list keeps.
        Assert.Contains(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject == "faq:bhyt-ho-moi-thoat-ngheo");
    }

    [Fact]
    public void A_neighbour_who_got_the_support_is_no_question_about_the_poverty_list()
    {
        var bot = Today();
        bot.Send("nhà bị bão làm tốc mái thì có được hỗ trợ không");

        var text = EngineHarness.Joined(bot.Send("sao nhà bên được mà nhà tôi thì chưa"));

        // Why one house got the storm support is the commune's to say; read alone it found why a neighbour is on the list.
        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered);
        Assert.Contains(EngineHarness.Repo.Questions.Messages.NotSaid, text, StringComparison.Ordinal);
        Assert.Contains("UBND xã", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sao hang xom dc ma nha e k dc", true)]
    [InlineData("nhà kia được hỗ trợ mà nhà tôi khó hơn lại không", true)]
    [InlineData("còn nhà hàng xóm bị đổ chuồng lợn thì có được gì không", false)] // the same matter for another house
    public void Another_house_that_got_it_is_read(string text, bool compares) =>
        Assert.Equal(compares, AnswerFollowUp.ComparesWithNeighbours(text));

    private static string[] Tokens(string text) =>
        EngineHarness.Repo.Questions.Understand(QuestionParts.WithoutFollowUpWord(text)).Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
