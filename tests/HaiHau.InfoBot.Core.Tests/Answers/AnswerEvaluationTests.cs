using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using HaiHau.InfoBot.TestKit;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Core.Tests.Answers;

/// <summary>
/// Whether the answers the bot gives help the people who ask: the real set (questions written by the public, labelled
/// with the answers that help) and the development set (topics only), run through the real engine. The figures and
/// every row that did not fit go to the test output. The asserted floors are the figures measured when they were last
/// raised: they may only go up, until the targets (fit ≥ 80%, confident-wrong ≤ 5%) replace them.
/// </summary>
public sealed class AnswerEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Real_set_answers_fit_at_least_the_measured_floor()
    {
        var rows = AnswerSets.RealSet();
        var report = AnswerSets.Evaluate(rows);
        output.WriteLine(report.Format());

        var overall = report.Overall;
        Assert.True(overall.FitShare >= RealSetFloor.Fit, $"fit {overall.FitShare:P1} < {RealSetFloor.Fit:P0}");
        Assert.True(overall.ConfidentWrongShare <= RealSetFloor.ConfidentWrong, $"confident-wrong {overall.ConfidentWrongShare:P1} > {RealSetFloor.ConfidentWrong:P0}");
    }

    [Fact]
    public void Development_set_answers_stay_on_the_asked_topic()
    {
        var report = AnswerSets.Evaluate(AnswerSets.DevSetAsAnswers());
        output.WriteLine(report.Format());
        var unaccented = AnswerSets.Evaluate(AnswerSets.DevSetAsAnswers(withoutDiacritics: true));
        output.WriteLine("without diacritics: " + unaccented.Overall);

        Assert.True(report.Overall.FitShare >= DevSetFloor.Fit, $"fit {report.Overall.FitShare:P1} < {DevSetFloor.Fit:P0}");
        Assert.True(report.Overall.ConfidentWrongShare <= DevSetFloor.ConfidentWrong, $"confident-wrong {report.Overall.ConfidentWrongShare:P1}");
        Assert.True(unaccented.Overall.FitShare >= DevSetFloor.FitWithoutDiacritics, $"fit without diacritics {unaccented.Overall.FitShare:P1}");
    }

    [Fact]
    public void A_question_back_is_not_a_wrong_answer_and_an_accepted_referral_fits()
    {
        var row = new AnswerSetRow("r1", "real", "mẹ tôi mất, chia đất thế nào", ["refer:tro-giup-phap-ly", "refer:toa-an"], 2);

        var asked = AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionAmbiguous, "credit|eligibility")]);
        var referred = AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionUnanswered, "me toi mat", new Dictionary<string, string> { [AnswerEvaluator.ReferData] = "toa-an" })]);
        var elsewhere = AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionAnswered, "refer:bhxh")]);
        var wrong = AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionAnswered, "faq:vay-von-ho-ngheo")]);

        Assert.Equal(AnswerVerdict.Asked, asked.Verdict);
        Assert.Equal(AnswerVerdict.Fit, referred.Verdict);
        Assert.Equal(AnswerVerdict.Referred, elsewhere.Verdict);
        Assert.Equal(AnswerVerdict.ConfidentWrong, wrong.Verdict);
    }

    [Fact]
    public void A_referral_with_the_right_entry_among_its_buttons_is_one_tap_away_but_not_a_fit()
    {
        var row = new AnswerSetRow("r1", "real", "bố tôi 80 tuổi có được trợ cấp không", ["faq:tro-cap-nguoi-cao-tuoi"], 2);
        AnswerOutcome Referred(string suggested) => AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionUnanswered, "bo toi",
            new Dictionary<string, string> { [AnswerEvaluator.ReferData] = "ubnd-xa", [DialogEngine.SuggestedData] = suggested })]);
        var outcomes = new[]
        {
            AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionAnswered, "faq:tro-cap-nguoi-cao-tuoi")]),
            Referred("faq:tro-cap-huu-tri-xa-hoi|faq:tro-cap-nguoi-cao-tuoi"),
            Referred("faq:tro-cap-huu-tri-xa-hoi|faq:ho-tro-mai-tang"),
            AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionAnswered, "faq:ho-tro-mai-tang")]),
        };

        var report = new AnswerReport(outcomes, id => "other_support");

        Assert.Equal(0.25, report.Overall.FitShare);
        Assert.Equal(0.5, report.FitOrOneTapShare);
        Assert.Contains("fit or one tap 50.0", report.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_back_whose_buttons_hold_the_right_entry_is_one_tap_away_and_one_between_topics_is_not()
    {
        var row = new AnswerSetRow("r1", "real", "bà tôi hưởng trợ cấp, chuyển về ở với con thì làm sao", ["faq:tro-cap-chuyen-noi-o-nhan-thay"], 2);
        AnswerOutcome Asked(string buttons) => AnswerEvaluator.Judge(row, [new TurnEvent(EventKinds.QuestionAmbiguous, "other_support|other_support",
            new Dictionary<string, string> { [DialogEngine.SuggestedData] = buttons })]);

        var right = Asked("faq:tro-cap-chuyen-noi-o-nhan-thay|faq:tro-cap-nguoi-cao-tuoi");
        var topics = Asked("topic:other_support|topic:eligibility");

        Assert.Equal(AnswerVerdict.Asked, right.Verdict);
        Assert.True(right.SuggestedRight);
        Assert.False(topics.SuggestedRight);
        var report = new AnswerReport([right, topics], id => "other_support");
        Assert.Equal(0.5, report.FitOrOneTapShare);
        Assert.Contains("an accepted answer among a question back's buttons in 1 of 2 asked rows", report.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Through_the_engine_a_question_back_between_entries_is_judged_by_the_entries_on_its_buttons()
    {
        // Written for the test (no set's row): the bot asks whether the moving allowance or the elderly allowance is meant.
        var row = new AnswerSetRow("t1", "real",
            "Bà tôi đang hưởng trợ cấp người cao tuổi hằng tháng, nay chuyển lên ở với con ở xã khác thì thủ tục chuyển trợ cấp thế nào?",
            ["faq:tro-cap-chuyen-noi-o-nhan-thay"], 2);

        var outcome = Assert.Single(AnswerSets.Evaluate([row]).Outcomes);

        Assert.True(outcome.Verdict == AnswerVerdict.Fit || outcome.SuggestedRight, $"{outcome.Verdict}: {string.Join(' ', outcome.Suggested)}");
    }

    [Theory]
    [InlineData("hủy nhận tin", AnswerVerdict.Fit)] // the command runs the stop dialog: no question is answered
    [InlineData("gửi tin nhiều quá phiền lắm", AnswerVerdict.Asked)] // read as stopping, not plainly: asked first
    public void Stopping_typed_as_a_command_fits_and_the_check_before_stopping_is_a_question_back(string text, AnswerVerdict verdict)
    {
        var row = new AnswerSetRow("t2", "chat", text, ["topic:opt_out"], 2);

        var outcome = Assert.Single(AnswerSets.Evaluate([row]).Outcomes);

        Assert.Equal(verdict, outcome.Verdict);
        Assert.True(outcome.Verdict == AnswerVerdict.Fit || outcome.SuggestedRight, string.Join(' ', outcome.Suggested));
    }

    [Fact]
    public void Why_names_the_cause_of_each_referral_of_a_row_labelled_with_an_entry()
    {
        // Written for the test: a motorbike's transfer, which no entry covers, labelled as if the residence entry answered it.
        var rows = new[]
        {
            new AnswerSetRow("t1", "real", "Tôi mua lại chiếc xe máy cũ của người quen trong xóm nhưng chưa sang tên. Nay tôi muốn làm thủ tục sang tên đổi chủ thì cần những giấy tờ gì và làm ở đâu?", ["faq:dang-ky-cu-tru"], 2),
            new AnswerSetRow("t2", "chat", "e muốn vay vốn nuôi lợn", ["faq:vay-von-chan-nuoi-trong-trot"], 3),
        };
        var report = AnswerSets.Evaluate(rows);

        var why = AnswerDiagnosis.Of(report.Outcomes, EngineHarness.Repo.Questions);

        var referred = Assert.Single(why);
        Assert.Equal("t1", referred.Outcome.Row.Id);
        Assert.NotEqual(ReferralCause.Engine, referred.Cause);
        Assert.Contains("t1 ", AnswerDiagnosis.Format(why), StringComparison.Ordinal);
        // The entry model's own reading is shown beside the search's: an entry and its probability.
        Assert.Matches(@"^(faq|article):[a-z0-9-]+ [01]\.\d\d$", referred.ModelFirst);
        Assert.Contains($"model {referred.ModelFirst} |", AnswerDiagnosis.Format(why), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_format_is_read_by_its_header()
    {
        var rows = AnswerSet.Parse([
            "id\tkind\tquestion\taccept\tsource\tnote",
            "r001\treal\tNhà tôi 4 người… / vậy cho hỏi có được không?\tscreener  faq:chuan-ngheo\thttps://example.org/a\t",
            "",
            "c001\tchat\tbhyt ho can ngheo dc bn %\tfaq:bhyt-ho-can-ngheo\t-\tunaccented",
        ]);

        Assert.Equal(["r001", "c001"], rows.Select(r => r.Id));
        Assert.Equal(["screener", "faq:chuan-ngheo"], rows[0].Accept);
        Assert.Equal("chat", rows[1].Kind);
        Assert.Throws<FormatException>(() => AnswerSet.Parse(["question\taccept", "có được không?\t"]));
    }

    /// <summary>
    /// The real set's figures as last measured (472 rows: 317 real, 155 chat after 21 new chat rows; coverage threshold
    /// 0.48): fit 51.5%, confident-wrong 5.5% (real rows 36.0% / 5.7%, chat rows 83.2% / 5.2%). With the answers
    /// ranked across topics (h-rank): fit 53.8%, confident-wrong 5.3% (real 39.1% / 4.7%, chat 83.9% / 6.5%).
    /// After the merge of h-rank and h-content: fit 64.0%, confident-wrong 5.5% (real 53.9% / 5.0%, chat 84.5% / 6.5%).
    /// With listing words read as written («đúng tuyến», «lớp 10», «lợp» no longer search the listings), keyword
    /// hygiene and the threshold at 0.50 (h-ans3): fit 64.8%, confident-wrong 3.4% (real 53.6% / 3.5%, chat 87.7% / 3.2%).
    /// h-conf (3 December): a learned confidence did not beat coverage on the held-out rows (AnswerConfidenceComparisonTests),
    /// figures unchanged, 64.8% / 3.4%; the floors already sit just under them.
    /// h-ask (3 December): coverage weighs words by how common they are in the answer texts too, so a long letter's grammar
    /// dilutes it less; threshold re-chosen by cross-validation at 0.48. Before: 66.1% / 3.2% (real 55.2% / 3.2%);
    /// after: fit 67.8%, confident-wrong 4.0% (real 57.1% / 4.4%, chat 89.7% / 3.2%). Confident-wrong rose with fit
    /// (the cross-validated fit − 3 × confident-wrong is unchanged), so its floor was loosened to 4.5%, under the 5% target.
    /// Lead, 4 December afternoon (the case and the ask read more carefully, long letters referred instead of asked
    /// "which topic?"): fit 71.0%, confident-wrong 3.2% (real 60.9% / 4.1%, chat 91.6% / 1.3%); the fit floor rose to 70%.
    /// Lead, 6 December (stop 33: a letter's far-leading entry answered from a lower coverage): fit 72.5 → 73.5%,
    /// confident-wrong 2.1% both (real 62.1 → 63.7%); the fit floor rose to 73%.
    /// Lead, 6 December (stop 34: the ask found when it begins with the lawyer it asks; wages claimed, a visit paid back,
    /// a card's details, «cơ quan bảo hiểm», money not given back and a kindergarten's lunch name their bodies; the closing
    /// «ạ» no longer read as «anh»): fit 73.5 → 75.4%, confident-wrong 2.1% both (seven rows referred to the body their
    /// label wants, two answered); the fit floor rose to 75%.
    /// Lead, 6 December (stop 35: «ah» / «ak» closing an ask read as «ạ»; nine entries given the words of their own
    /// subject that letters used and they lacked): fit 75.4 → 78.0%, confident-wrong 2.1% both; the fit floor rose to 77%.
    /// Then (same stop: more entries given their own words, a stale «unknown» example removed, the far-leading letter's
    /// pair re-calibrated to 0.70 / 0.34): fit 80.7%, confident-wrong 2.1%; the fit floor rose to 80% (issue 12's target).
    /// Stop 54 (the letters' coverage threshold 0.56 → 0.64, chosen through the engine): fit 82.6 → 80.9%, confident-wrong
    /// 3.0 → 2.8%. Before issue 12's code (same content): docs/answer-quality-history.md, the first table.
    /// </summary>
    private static class RealSetFloor
    {
        public const double Fit = 0.80;
        public const double ConfidentWrong = 0.045;
    }

    /// <summary>
    /// Topic-level fit (445 rows, both ways of typing). Before issue 12 with the old 31 FAQ entries: fit 85.4%,
    /// confident-wrong 2.0%; with the new entries and the honest "I don't know" threshold: fit 75.1%, confident-wrong
    /// 4.0% (the threshold turns right-topic but weakly covered answers into referrals). h-ans3: fit 75.1%,
    /// confident-wrong 3.6%. h-conf (3 December, same): fit 75.1% / 3.6%, without diacritics 75.1% / 3.8%.
    /// h-ask (3 December, coverage weights from the answer texts too, threshold 0.48): fit 76.0% / 3.8%, without
    /// diacritics 76.0% / 4.0%. Lead, 4 December (an entry for a group the question does not name gives way to the
    /// general entry): fit 76.0% / 4.0%, without diacritics 76.0% / 4.3%. The one more confident-wrong row is «hỗ trợ
    /// người bị bệnh hiểm nghèo», labelled other support: it had the disability allowance (counted fit, being in that
    /// topic) and now gets the BHYT entry on long, serious illness, the only entry on the subject; 13 other rows went
    /// from a group's entry to a general one of their topic (2 of them offered beside it: «tiền đi lại khi học nghề»,
    /// «thẻ bhyt của mẹ em hết hạn» no longer get the disabled learner's and the under-6 entries), which a topic label
    /// cannot see. The ceiling moved from 4.0% to 4.1% for that row.
    /// </summary>
    private static class DevSetFloor
    {
        public const double Fit = 0.755;
        public const double ConfidentWrong = 0.041;
        public const double FitWithoutDiacritics = 0.755;
    }
}
