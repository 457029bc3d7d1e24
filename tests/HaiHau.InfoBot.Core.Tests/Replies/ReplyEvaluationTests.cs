using HaiHau.InfoBot.Core.Understanding.Evaluation;

namespace HaiHau.InfoBot.Core.Tests.Replies;

/// <summary>
/// `eval replies` judges a typed reply by where it takes the conversation, against pressing what it means: these
/// rows are judged by the real engine at the registration's first consent question.
/// </summary>
public sealed class ReplyEvaluationTests
{
    private const string Consent = "dang-ky-nhan-tin/hoi-nhan-tin";

    private static ReplyOutcome Judge(string reply, string means, string also = "")
    {
        var rows = ReplySet.Parse(["id\tprompt\treply\tmeans\talso", $"t1\t{Consent}\t{reply}\t{means}\t{also}"]);
        var clock = ReplySets.Clock();
        var (outcomes, notJudged) = ReplyEvaluator.Run(ReplySets.Engine(clock), rows, ReplySets.Paths.Value, clock);
        Assert.Empty(notJudged);
        return Assert.Single(outcomes);
    }

    [Fact]
    public void A_typed_yes_that_goes_where_the_button_goes_is_understood()
    {
        Assert.Equal(ReplyVerdict.Understood, Judge("dạ có ạ", "button:Có").Verdict);
    }

    [Fact]
    public void A_reply_read_as_the_other_button_is_wrong_and_says_which_button_it_took()
    {
        var outcome = Judge("dạ có ạ", "button:Không");

        Assert.Equal(ReplyVerdict.Wrong, outcome.Verdict);
        Assert.StartsWith("took [Có]", outcome.Did, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_the_prompt_cannot_read_are_asked_again_which_is_right_for_an_unclear_reply_only()
    {
        Assert.Equal(ReplyVerdict.AskedAgain, Judge("xyz qqq", "button:Có").Verdict);
        Assert.Equal(ReplyVerdict.Understood, Judge("xyz qqq", "unclear").Verdict);
    }

    [Fact]
    public void A_question_is_understood_when_answered_and_an_entry_the_row_lists_serves_a_button_meaning_too()
    {
        var question = Judge("mất thẻ bảo hiểm y tế thì làm lại ở đâu?", "question");

        Assert.Equal(ReplyVerdict.Understood, question.Verdict);
        Assert.StartsWith("answered faq:", question.Did, StringComparison.Ordinal);
        var answered = question.Did["answered ".Length..].Split(',')[0];
        Assert.Equal(ReplyVerdict.Wrong, Judge("mất thẻ bảo hiểm y tế thì làm lại ở đâu?", "button:Có").Verdict);
        Assert.Equal(ReplyVerdict.Understood, Judge("mất thẻ bảo hiểm y tế thì làm lại ở đâu?", "button:Có", answered).Verdict);
    }

    [Fact]
    public void The_file_format_reads_steps_unclear_and_question_and_refuses_anything_else()
    {
        var rows = ReplySet.Parse([
            "# comment",
            "id\tprompt\treply\tmeans\talso\tsource\tnote",
            "a1\tkiem-tra-ho-ngheo/hoi-cach-tinh\tcả nhà 6 triệu\tbutton:Cả hộ một tháng + text:6000000\t\tx\t",
            "a2\tbhyt/hoi-dien\tchả biết\tunclear\t\tx\t",
            "a3\tbhyt/hoi-dien\tthế vay vốn thì sao\tquestion\tfaq:a faq:b\tx\t",
        ]);

        Assert.Equal([new ReplyStep(true, "Cả hộ một tháng"), new ReplyStep(false, "6000000")], rows[0].Means);
        Assert.Equal(ReplyIntent.Unclear, rows[1].Intent);
        Assert.Equal(ReplyIntent.Question, rows[2].Intent);
        Assert.Equal(["faq:a", "faq:b"], rows[2].Also);
        Assert.Throws<FormatException>(() => ReplySet.Parse(["id\tprompt\treply\tmeans", "a\tbhyt/hoi-dien\tcó\tyes"]));
        Assert.Throws<FormatException>(() => ReplySet.Parse(["prompt\treply", "bhyt/hoi-dien\tcó"]));
    }

    [Fact]
    public void A_meaning_the_dialogs_cannot_press_is_not_judged_and_says_why()
    {
        var rows = ReplySet.Parse(["id\tprompt\treply\tmeans", $"t1\t{Consent}\tcó, việc làm\tbutton:Có + button:Việc làm"]);
        var clock = ReplySets.Clock();

        var (outcomes, notJudged) = ReplyEvaluator.Run(ReplySets.Engine(clock), rows, ReplySets.Paths.Value, clock);

        Assert.Empty(outcomes);
        Assert.Equal(ReplyEvaluator.Unfit, Assert.Single(notJudged).Why);
    }

    [Fact]
    public void A_path_may_begin_as_the_registered_resident()
    {
        var clock = ReplySets.Clock();

        var at = ReplyEvaluator.Reach(ReplySets.Engine(clock), "dang-ky-nhan-tin/hoi-viec-tiep", ReplySets.Paths.Value, clock);

        Assert.Contains(at.Replies, r => r.Text.StartsWith("Cháu đang lưu của bác:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_that_does_not_reach_its_prompt_is_refused_by_name()
    {
        var paths = new Dictionary<string, IReadOnlyList<string>> { ["bhyt/hoi-dien"] = ["press:vay-von"] };
        var clock = ReplySets.Clock();

        var error = Assert.Throws<InvalidOperationException>(() => ReplyEvaluator.Reach(ReplySets.Engine(clock), "bhyt/hoi-dien", paths, clock));

        Assert.Contains("ends at vay-von/hoi-loai-vay", error.Message, StringComparison.Ordinal);
    }
}
