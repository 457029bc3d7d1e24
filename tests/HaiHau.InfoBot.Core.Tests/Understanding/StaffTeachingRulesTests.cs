using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>What each staff decision adds to the data the understanding is built from (StaffTeaching).</summary>
public sealed class StaffTeachingRulesTests
{
    private const string Message = "con hoc dai hoc xa nha co duoc ho tro tien tau xe khong";
    private const string Letter = "chong toi nam nay 52 tuoi bi tai nan lao dong phai cat cut chan phai gio di lai phai chong nang khong lam duoc viec nang nha co hai con dang di hoc moi chi tieu trong vao may sao ruong xin hoi truong";

    [Fact]
    public void A_linked_message_is_a_keyword_and_a_linked_letter_a_practice_letter_of_the_entry()
    {
        var data = EngineHarness.Repo;
        var taught = StaffTeaching.With(data.Understanding,
            [new StaffWording(1, Message, FaqId: "vay-cho-con-di-hoc"), new StaffWording(2, Letter, FaqId: "nguoi-khuyet-tat-duoc-gi")], data.Questions.IsLetter);

        Assert.Contains(Message, taught.Faqs.Single(f => f.Id == "vay-cho-con-di-hoc").Keywords);
        Assert.DoesNotContain(taught.Faqs, f => f.Keywords.Contains(Letter));
        Assert.Equal(data.Understanding.PracticeLetters.Count + 1, taught.PracticeLetters.Count);
        Assert.NotEqual(data.Understanding.PracticeLetters.Digest, taught.PracticeLetters.Digest); // a stored build is not mistaken for the content's
        var added = taught.PracticeLetters.Read()[^1];
        Assert.Equal((new AnswerRef(AnswerRef.Faq, "nguoi-khuyet-tat-duoc-gi"), StaffTeaching.Voice, Letter), (added.Answer, added.Voice, added.Text));
    }

    [Fact]
    public void A_message_taught_to_a_topic_is_an_example_and_a_letter_teaches_the_topic_nothing()
    {
        var data = EngineHarness.Repo;
        var withMessage = StaffTeaching.With(data.Understanding, [new StaffWording(7, Message, Topic: "credit")], data.Questions.IsLetter);
        var withLetter = StaffTeaching.With(data.Understanding, [new StaffWording(8, Letter, Topic: "other_support")], data.Questions.IsLetter);

        var example = Assert.Single(withMessage.Examples.Except(data.Understanding.Examples));
        Assert.Equal(("credit", Message, StaffTeaching.Origin, 7), (example.Topic, example.Text, example.Location.File, example.Location.Line));
        Assert.Same(data.Understanding, withLetter); // nothing to rebuild: the console's exact match is all it teaches
    }
}
