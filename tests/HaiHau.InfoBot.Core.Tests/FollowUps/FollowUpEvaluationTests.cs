using System.Globalization;
using HaiHau.InfoBot.Core.Understanding.Evaluation;
using Xunit.Abstractions;

namespace HaiHau.InfoBot.Core.Tests.FollowUps;

/// <summary>
/// A message sent after an answer («thế mỗi tháng được bao nhiêu tiền», «nộp ở đâu») is answered in its conversation
/// better than alone, and the sets' figures do not fall below what was measured when the floors were set
/// (FollowUps/README.md; raise them when the bot improves).
/// </summary>
public sealed class FollowUpEvaluationTests(ITestOutputHelper output)
{
    // Measured 7 December 2026 (stop 46), second messages, fit / confident-wrong: set A 58.8 / 27.5 %, set B 55.0 / 13.8 %,
    // set C (held out) 57.5 / 17.5 %. A little below, so a change of one row does not fail the build but a real loss does.
    // Stop 48 raised them: A 68.8 / 22.5 %, B 61.3 / 11.3 %, C 60.0 / 17.5 % (the answer's household category carried;
    // where an answer that does not know sends the resident, by the body it names).
    // Stop 53: A 75.0 / 17.5 %, C 63.7 / 13.8 % (a short how much or how long asked of the matter just answered gets no
    // entry of another matter; who may go instead, or why a neighbour got it, is told the answer does not say it).
    private static readonly (double Fit, double Wrong) DevFloor = (0.73, 0.19);
    private static readonly (double Fit, double Wrong) Dev2Floor = (0.58, 0.13);
    private static readonly (double Fit, double Wrong) HeldOutFloor = (0.62, 0.15);

    // Stop 47, the case set (D): 35.0 / 20.0 % before the recomputation, 50.0 / 20.0 % at its first run, 62.5 / 15.0 % after
    // what that run showed was taken in (FollowUps/README.md); stop 48: 67.5 / 12.5 % (a new size without an income kept).
    private static readonly (double Fit, double Wrong) CaseFloor = (0.65, 0.15);

    // Stop 48, the fifth set (E), written blind and run once before it was read: 43.3 / 8.3 % on the start of that stop's
    // code and the same on its end (the stop's follow-up changes, made on A to D, did not carry over to it). Stop 49 read
    // it and worked on it: 60.0 / 6.7 %. Stop 50 ended on 60.0 / 6.7 % too (its new entry moved one row down, its
    // spoken listing search two up).
    private static readonly (double Fit, double Wrong) Dev3Floor = (0.57, 0.09);

    // Stop 49, the sixth set (F), written blind and run before it was read, on the start and the end of that stop's code.
    // Stop 53: 53.3 / 13.3 % (who may go instead; the same matter for someone else stays in it; «thoát cận nghèo»).
    // Stop 55: 55.0 / 11.7 % (words pointing back at the answer just given are not the message's own).
    private static readonly (double Fit, double Wrong) FreshFloor = (0.53, 0.14);

    // Stop 50, the seventh set (G), written blind and never read: 53.3 / 11.7 % on the start and the end of that stop's code.
    private static readonly (double Fit, double Wrong) Fresh2Floor = (0.51, 0.14);

    // Stop 51, the eighth set (H), written blind and never read: 65.0 / 11.7 % on the start and the end of that stop's code.
    private static readonly (double Fit, double Wrong) Fresh3Floor = (0.63, 0.14);

    public static TheoryData<string> Files() => new(FollowUpSets.Paths.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_follow_up_is_answered_better_in_its_conversation_than_alone(string file)
    {
        var path = Path.Combine(FollowUpSets.Folder, file);
        var inContext = FollowUpSets.Run(path).Then;
        var alone = FollowUpSets.RunAlone(path);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: alone {alone}\n{file}: in its conversation {inContext}"));

        Assert.True(inContext.FitShare > alone.FitShare, $"fit {inContext.FitShare:P1} in context, {alone.FitShare:P1} alone");
        Assert.True(inContext.ConfidentWrongShare < alone.ConfidentWrongShare, $"confident-wrong {inContext.ConfidentWrongShare:P1} in context, {alone.ConfidentWrongShare:P1} alone");
    }

    [Fact]
    public void The_sets_are_answered_at_least_as_well_as_when_the_floors_were_set()
    {
        foreach (var (path, floor) in new[] { (FollowUpSets.DevPath, DevFloor), (FollowUpSets.Dev2Path, Dev2Floor), (FollowUpSets.HeldOutPath, HeldOutFloor), (FollowUpSets.CasePath, CaseFloor), (FollowUpSets.Dev3Path, Dev3Floor), (FollowUpSets.FreshPath, FreshFloor), (FollowUpSets.Fresh2Path, Fresh2Floor), (FollowUpSets.Fresh3Path, Fresh3Floor) })
        {
            var report = FollowUpSets.Run(path);
            var figures = report.Then;
            output.WriteLine(report.Format(listMisses: false));

            Assert.True(figures.FitShare >= floor.Fit, $"{Path.GetFileName(path)}: fit {figures.FitShare:P1} < {floor.Fit:P1}");
            Assert.True(figures.ConfidentWrongShare <= floor.Wrong, $"{Path.GetFileName(path)}: confident-wrong {figures.ConfidentWrongShare:P1} > {floor.Wrong:P1}");
        }
    }
}
