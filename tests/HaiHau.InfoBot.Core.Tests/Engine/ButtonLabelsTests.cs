using HaiHau.InfoBot.Core.Tests.Answers;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>
/// A button reads as what it gives. «bị ung thư có được hỗ trợ gì không» leans to other support (the childbirth entry's
/// «được hỗ trợ gì») while the entry on a family member's grave illness holds all of it: the question back's buttons
/// read «Các hỗ trợ khác» and «Bảo hiểm y tế», and the first, the likelier for a support question, gave the childbirth
/// entry.
/// </summary>
public sealed class ButtonLabelsTests
{
    private const string Illness = "nguoi-om-nang-trong-gia-dinh";

    [Theory]
    [InlineData("bị ung thư có được hỗ trợ gì không")]
    [InlineData("bi ung thu co duoc ho tro gi khong")]
    public void A_grave_illness_question_offers_the_illness_entry_by_its_own_question(string text)
    {
        var bot = new EngineHarness();
        var illness = EngineHarness.Repo.Questions.FindFaq(Illness)!;

        var reply = bot.Send(text).Single();
        var button = Assert.Single(reply.QuickReplies, q => q.Id == $"faq:{Illness}");
        var chosen = bot.Press(button.Id).Single();

        Assert.Equal(EngineHarness.Repo.Understanding.Messages.WhichTopic, reply.Text);
        Assert.Equal(illness.Question, button.Label);
        Assert.DoesNotContain(reply.QuickReplies, q => q.Label == "Các hỗ trợ khác" || q.Label == "Bảo hiểm y tế");
        Assert.StartsWith(illness.Question, chosen.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reading_whose_entry_covers_too_little_keeps_the_topic_button_that_opens_its_dialog()
    {
        var bot = new EngineHarness();

        var reply = bot.Send("e muon hoc nghe tin hoc van phong").Single();
        var topic = Assert.Single(reply.QuickReplies, q => q.Label == "Học nghề");
        var chosen = bot.Press(topic.Id);

        Assert.Equal("topic:vocational_training", topic.Id);
        Assert.Equal("Bác muốn biết gì về học nghề?", chosen[^1].Text);
    }

    [Fact]
    public void No_reply_to_a_question_of_the_sets_shows_two_buttons_alike()
    {
        // Two articles of one topic beside a referral were two buttons labelled «Bảo hiểm y tế» (the real set's r247).
        var alike = new List<string>();
        foreach (var row in AnswerSets.ReadSets().Concat(AnswerSets.CleanSets()))
        {
            foreach (var reply in new EngineHarness().Send(row.Question))
            {
                var labels = reply.QuickReplies.Select(q => q.Label).ToList();
                if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count || labels.Any(string.IsNullOrWhiteSpace))
                {
                    alike.Add($"{row.Id}: {string.Join(" | ", labels)}");
                }
            }
        }

        Assert.Empty(alike);
    }
}
