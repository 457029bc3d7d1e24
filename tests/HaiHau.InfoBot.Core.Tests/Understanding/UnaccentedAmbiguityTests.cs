using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Tests.Listings;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>
/// A syllable typed without diacritics may stand for several words (issue 12): «can» is «cận» (cận nghèo) and «căn»
/// (căn cước), «tuyen» is «tuyến» (BHYT) and «tuyển» (tuyển dụng), «lop» is «lớp» and «lợp». Neither the answer search
/// nor the listing search may take one for the other.
/// </summary>
public sealed class UnaccentedAmbiguityTests
{
    [Theory]
    [InlineData("ho can ngheo co dc bhyt ko", "faq:bhyt-ho-can-ngheo")]
    [InlineData("hộ cận nghèo có được bảo hiểm y tế không", "faq:bhyt-ho-can-ngheo")]
    public void Near_poor_is_not_read_as_the_identity_card(string text, string expected)
    {
        var question = EngineHarness.Repo.Questions.Understand(text);

        Assert.Equal(QuestionDecision.Answer, question.Decision);
        Assert.Equal(expected, question.Best.Answer.Payload);
    }

    [Theory]
    [InlineData("Khám, chữa bệnh BHYT không đúng tuyến mức hưởng thế nào?")]
    [InlineData("kham khong dung tuyen huyen co dc tra ko")]
    [InlineData("con e hoc lop 10 truong cong co phai dong hoc phi ko")]
    [InlineData("tuyen dung luong cao phai dong tien truoc co lua ko")]
    [InlineData("nguoi khuyet tat tim viec o dau")]
    [InlineData("hỗ trợ tôn lợp mái")]
    [InlineData("nhận trợ cấp thất nghiệp mà đã có việc làm mới thì có phải báo không")]
    [InlineData("khi tim viec lam can giay to gi")]
    [InlineData("đội tuyển việt nam thắng không")]
    [InlineData("truong nghe co tuyen sinh khong")]
    [InlineData("vay tien lam an co can nguoi bao lanh khong")]
    [InlineData("vay vốn có cần người đứng tên không")]
    // Help finding work for one back from abroad is that entry's, not a listing search («tìm việc»)
    [InlineData("lao dong nuoc ngoai ve co duoc ho tro tim viec lam khong")]
    // Being cheated by a recruiter is that entry's, not a search for jobs («tuyển dụng»)
    [InlineData("bị lừa tuyển dụng đi làm thì báo ai")]
    // A school grade is no course («lớp 1», «lớp chín», «lớp mẫu giáo»): the first searched the training courses
    [InlineData("chau hoc lop 1 co dc ho tro gi ko")]
    [InlineData("con tôi học lớp chín có được hỗ trợ gì không")]
    [InlineData("lớp mẫu giáo có được hỗ trợ tiền ăn trưa không")]
    // ... nor does a question about a course («có được nhà nước hỗ trợ không»), with the entry's phrase and more than a trade
    [InlineData("hoc lai xe tai co duoc nha nuoc ho tro tien ko")]
    // ... nor a course named and asked what support it has: the search looked for «lái máy xúc hỗ trợ»
    [InlineData("khóa học lái máy cẩu có được hỗ trợ tiền không")]
    [InlineData("lop hoc nghe han co duoc ho tro tien an ko")]
    // ... nor whether a free course is held with no trade named: where to learn answers it
    [InlineData("xã có lớp học nghề nào miễn phí không")]
    public void A_listing_word_inside_another_question_does_not_search_the_listings(string text)
    {
        var bot = new EngineHarness();
        bot.Send(text);

        var answered = bot.LastEvents.Where(e => e.Kind == EventKinds.QuestionAnswered).Select(e => e.Subject).ToList();
        Assert.DoesNotContain(answered, s => s!.StartsWith(AnswerRef.Listings + ":", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("co lop hoc nau an ko", "listings:courses")]
    [InlineData("co lop hoc lai xe o hai quang khong", "listings:courses")]
    [InlineData("có lớp nấm rơm không", "listings:courses")]
    // A trade beside the phrase an entry is written for («lớp học nghề»): it got the entry on registering for training
    [InlineData("co lop hoc nghe han ko", "listings:courses")]
    [InlineData("có lớp học nghề hàn không", "listings:courses")]
    [InlineData("tuyen tho han khu cn", "listings:jobs")]
    [InlineData("có việc làm thời vụ ở hải tiến k ạ", "listings:jobs")]
    [InlineData("xưởng may nào cần người làm", "listings:jobs")]
    // «tuyen» with whom is hired, typed without diacritics; and a place in the search is where to look: the former
    // district's entry matched «Hải Hậu» alone
    [InlineData("tuyen cong nhan o hai thinh ko", "listings:jobs")]
    [InlineData("o hai hau co cho nao tuyen lao dong pho thong ko", "listings:jobs")]
    [InlineData("ở hải hậu có chỗ nào tuyển lao động phổ thông không", "listings:jobs")]
    public void A_search_for_a_job_or_a_class_still_searches_the_listings(string text, string expected)
    {
        var bot = new EngineHarness();
        bot.Send(text);

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, expected), bot.LastEvents);
    }
    [Fact]
    public void A_course_asked_for_free_is_searched_by_its_trade_alone()
    {
        var bot = new EngineHarness(listings: SewingListings());
        var reply = EngineHarness.Joined(bot.Send("có lớp học may miễn phí không"));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, "listings:courses"), bot.LastEvents);
        Assert.Contains("Lớp may công nghiệp", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("miễn phí»", reply, StringComparison.Ordinal); // it searched «may miễn phí»
    }

    [Theory]
    [InlineData("co khoa hoc nghe may mien phi ko a")]
    [InlineData("có lớp học nghề may miễn phí không ạ")]
    public void Whether_a_free_course_is_held_searches_the_courses_and_offers_what_support_a_course_has(string text)
    {
        // «học nghề … miễn phí» is the training-support entry's phrase: it answered how much support there is, not whether
        // such a course is held.
        var bot = new EngineHarness(listings: SewingListings());
        var reply = bot.Send(text);

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, "listings:courses"), bot.LastEvents);
        Assert.Contains("Lớp may công nghiệp", EngineHarness.Joined(reply), StringComparison.Ordinal);
        var support = Assert.Single(reply[^1].QuickReplies, b => b.Id.StartsWith(AnswerRef.Faq + ":", StringComparison.Ordinal));
        var entry = EngineHarness.Repo.Understanding.Faqs.Single(f => support.Id == new AnswerRef(AnswerRef.Faq, f.Id).Payload);
        Assert.Equal(entry.Question, support.Label);
        Assert.Equal(Topics.VocationalTraining, entry.Topic);
    }

    [Theory]
    [InlineData("lớp học nghề may khi nào mở")]
    [InlineData("có lớp may nào sắp mở không")]
    public void A_course_asked_when_it_opens_is_searched_by_its_trade_alone(string text)
    {
        // It searched «may khi mở», «may sắp mở», and said so («Cháu tìm được 1 tin lớp học nghề «may khi mở»»; with no
        // course for one word of it, «chưa thấy tin … «điện dân dụng khi mở»»).
        var bot = new EngineHarness(listings: SewingListings());
        var reply = EngineHarness.Joined(bot.Send(text));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, "listings:courses"), bot.LastEvents);
        Assert.Contains("Lớp may công nghiệp", reply, StringComparison.Ordinal);
        Assert.Contains("«may»", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("topic:vocational_training", "may", "listings:courses")]
    [InlineData("topic:jobs", "may", "listings:jobs")]
    public void A_trade_typed_at_the_training_or_jobs_menu_searches_its_listings(string dialog, string text, string expected)
    {
        var bot = new EngineHarness(listings: SewingListings());
        bot.Start();
        bot.Press(dialog);

        // It was asked again («bấm số thứ tự») until the dialog gave up.
        var reply = EngineHarness.Joined(bot.Send(text));

        Assert.Contains(new TurnEvent(EventKinds.QuestionAnswered, expected), bot.LastEvents);
        Assert.Contains("«may»", reply, StringComparison.Ordinal);
        Assert.Empty(bot.State.Stack); // the results' buttons lead on, not the menu's numbers
    }

    [Theory]
    [InlineData("dạ")]
    [InlineData("không biết")]
    [InlineData("xyzq")]
    public void A_reply_or_a_word_no_listing_has_is_asked_again_at_the_training_menu(string text)
    {
        var bot = new EngineHarness(listings: SewingListings());
        bot.Start();
        bot.Press("topic:vocational_training");

        bot.Send(text);

        Assert.DoesNotContain(bot.LastEvents, e => e.Kind == EventKinds.QuestionAnswered && e.Subject!.StartsWith(AnswerRef.Listings + ":", StringComparison.Ordinal));
        Assert.NotEmpty(bot.State.Stack);
    }
    /// <summary>One open sewing course and one open sewing job.</summary>
    private static MemoryListings SewingListings() => new(
        MemoryListings.Open(ListingKind.Course, "k1", "Lớp may công nghiệp"), MemoryListings.Open(ListingKind.Job, "v1", "Công nhân may"));
}
